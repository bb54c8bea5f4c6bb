from enum import StrEnum


class LawfulBasis(StrEnum):
    CONSENT = "consent"
    LAW_ENFORCEMENT = "law_enforcement"
    LEGAL_OBLIGATION = "legal_obligation"
    PUBLIC_TASK = "public_task"
    VITAL_INTERESTS = "vital_interests"

    def __str__(self) -> str:
        return str(self.value)
