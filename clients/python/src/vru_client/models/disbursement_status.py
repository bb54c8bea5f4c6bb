from enum import StrEnum


class DisbursementStatus(StrEnum):
    APPROVED = "approved"
    CANCELLED = "cancelled"
    PAID = "paid"
    SCHEDULED = "scheduled"

    def __str__(self) -> str:
        return str(self.value)
