from enum import StrEnum


class CabinetType(StrEnum):
    INDOORS = "indoors"
    LOCKED_CABINET = "locked_cabinet"
    UNLOCKED_CABINET = "unlocked_cabinet"

    def __str__(self) -> str:
        return str(self.value)
