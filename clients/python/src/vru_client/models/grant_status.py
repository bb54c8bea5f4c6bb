from enum import StrEnum


class GrantStatus(StrEnum):
    ACTIVE = "active"
    APPROVED = "approved"
    CLOSED = "closed"
    COMPLETED = "completed"
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    REJECTED = "rejected"
    SUBMITTED = "submitted"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
