from enum import StrEnum


class PersonRole(StrEnum):
    OTHER = "other"
    SUSPECT = "suspect"
    VICTIM = "victim"
    WITNESS = "witness"

    def __str__(self) -> str:
        return str(self.value)
