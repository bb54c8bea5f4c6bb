from enum import StrEnum


class Frequency(StrEnum):
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"

    def __str__(self) -> str:
        return str(self.value)
