from enum import StrEnum


class AllocationStatus(StrEnum):
    COMMITTED = "committed"
    PREVIEW = "preview"

    def __str__(self) -> str:
        return str(self.value)
