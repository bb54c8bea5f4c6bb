from enum import StrEnum


class IncidentReadView(StrEnum):
    FULL = "full"
    RESIDENTS = "residents"

    def __str__(self) -> str:
        return str(self.value)
