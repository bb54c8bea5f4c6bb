from enum import StrEnum


class DuplicateStatus(StrEnum):
    CONFIRMED = "confirmed"
    DISMISSED = "dismissed"
    OPEN = "open"

    def __str__(self) -> str:
        return str(self.value)
