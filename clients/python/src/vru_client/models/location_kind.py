from enum import StrEnum


class LocationKind(StrEnum):
    CENTRAL_STORE = "central_store"
    CSP = "csp"
    SITE = "site"

    def __str__(self) -> str:
        return str(self.value)
