from enum import StrEnum


class AgencyKind(StrEnum):
    CHARITY = "charity"
    COUNCIL = "council"
    EDUCATION = "education"
    HEALTH = "health"
    OTHER = "other"
    POLICE = "police"
    PROBATION = "probation"
    VRU = "vru"

    def __str__(self) -> str:
        return str(self.value)
