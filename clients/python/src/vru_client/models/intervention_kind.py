from enum import StrEnum


class InterventionKind(StrEnum):
    DIVERSIONARY_ACTIVITY = "diversionary_activity"
    EDUCATION_REENGAGEMENT = "education_reengagement"
    ELECTRONIC_TAG = "electronic_tag"
    FAMILY_SUPPORT = "family_support"
    MENTORING = "mentoring"
    NRM_SUBMISSION = "nrm_submission"
    OTHER = "other"
    SUBSTANCE_MISUSE_SUPPORT = "substance_misuse_support"

    def __str__(self) -> str:
        return str(self.value)
