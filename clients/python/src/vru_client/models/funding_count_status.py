from enum import StrEnum


class FundingCountStatus(StrEnum):
    DELIVERED = "delivered"
    PENDING = "pending"
    REFUSED = "refused"

    def __str__(self) -> str:
        return str(self.value)
