from enum import StrEnum


class Consent(StrEnum):
    GIVEN = "given"
    NOT_REQUIRED = "not_required"
    NOT_SOUGHT = "not_sought"
    REFUSED = "refused"

    def __str__(self) -> str:
        return str(self.value)
