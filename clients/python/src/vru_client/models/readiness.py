from enum import StrEnum


class Readiness(StrEnum):
    CHECK_OVERDUE = "check_overdue"
    EXPIRED = "expired"
    NEEDS_ATTENTION = "needs_attention"
    READY = "ready"
    USED = "used"

    def __str__(self) -> str:
        return str(self.value)
