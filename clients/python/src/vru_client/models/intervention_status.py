from enum import StrEnum


class InterventionStatus(StrEnum):
    ACTIVE = "active"
    COMPLETED = "completed"
    PLANNED = "planned"
    STOPPED = "stopped"

    def __str__(self) -> str:
        return str(self.value)
