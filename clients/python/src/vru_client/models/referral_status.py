from enum import StrEnum


class ReferralStatus(StrEnum):
    ACCEPTED = "accepted"
    COMPLETED = "completed"
    DRAFT = "draft"
    IN_PROGRESS = "in_progress"
    REJECTED = "rejected"
    SENT = "sent"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
