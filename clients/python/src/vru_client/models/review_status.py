from enum import StrEnum


class ReviewStatus(StrEnum):
    ALREADY_MANAGED = "already_managed"
    CLOSED = "closed"
    IN_REVIEW = "in_review"
    NEW = "new"
    NO_FURTHER_ACTION = "no_further_action"
    REFERRED = "referred"

    def __str__(self) -> str:
        return str(self.value)
