from enum import StrEnum


class OrganisationKind(StrEnum):
    CHARITY = "charity"
    CIC = "cic"
    COMPANY = "company"
    COUNCIL = "council"
    CSP = "csp"
    HEALTH = "health"
    HOUSING = "housing"
    OTHER = "other"
    POLICE = "police"
    PROBATION = "probation"
    SCHOOL = "school"

    def __str__(self) -> str:
        return str(self.value)
