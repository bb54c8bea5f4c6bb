from enum import StrEnum


class KeyState(StrEnum):
    ACTIVE = "active"
    EXPIRED = "expired"
    RETIRED = "retired"

    def __str__(self) -> str:
        return str(self.value)
