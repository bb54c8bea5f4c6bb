from enum import StrEnum


class ForumKind(StrEnum):
    CARM = "carm"
    DCSM = "dcsm"
    MULTI_AGENCY_MEETING = "multi_agency_meeting"

    def __str__(self) -> str:
        return str(self.value)
