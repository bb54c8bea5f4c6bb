from enum import StrEnum


class DestinationKind(StrEnum):
    FORUM = "forum"
    PARTNER_AGENCY = "partner_agency"
    PROJECT = "project"

    def __str__(self) -> str:
        return str(self.value)
