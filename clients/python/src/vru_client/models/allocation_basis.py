from enum import StrEnum


class AllocationBasis(StrEnum):
    KNIFE_INCIDENTS = "knife_incidents"
    WEIGHTS = "weights"

    def __str__(self) -> str:
        return str(self.value)
