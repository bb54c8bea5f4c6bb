from enum import StrEnum


class ProjectStatus(StrEnum):
    ACTIVE = "active"
    CANCELLED = "cancelled"
    COMPLETED = "completed"
    PLANNED = "planned"

    def __str__(self) -> str:
        return str(self.value)
