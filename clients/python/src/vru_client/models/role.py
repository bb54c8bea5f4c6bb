from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    ANALYST = "analyst"
    AUDITOR = "auditor"
    COORDINATOR = "coordinator"
    CSP_OFFICER = "csp_officer"
    DIRECTOR = "director"
    GUARDIAN = "guardian"
    PARTNER_AGENCY = "partner_agency"
    PROGRAMME_OFFICER = "programme_officer"
    SERVICE = "service"

    def __str__(self) -> str:
        return str(self.value)
