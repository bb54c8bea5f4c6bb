from enum import StrEnum


class ReferralEventKind(StrEnum):
    CREATED = "created"
    NOTE = "note"
    TRANSITION = "transition"
    UPDATED = "updated"

    def __str__(self) -> str:
        return str(self.value)
