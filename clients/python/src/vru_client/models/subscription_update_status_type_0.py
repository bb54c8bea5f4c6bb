from enum import StrEnum


class SubscriptionUpdateStatusType0(StrEnum):
    ACTIVE = "active"
    PAUSED = "paused"

    def __str__(self) -> str:
        return str(self.value)
