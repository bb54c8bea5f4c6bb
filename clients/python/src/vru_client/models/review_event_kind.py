from enum import StrEnum


class ReviewEventKind(StrEnum):
    INCIDENT_LINKED = "incident_linked"
    INCIDENT_SCREENED_OUT = "incident_screened_out"
    INCIDENT_UPDATED = "incident_updated"
    OPENED = "opened"
    SUBJECTS_MERGED = "subjects_merged"
    TRANSITION = "transition"

    def __str__(self) -> str:
        return str(self.value)
