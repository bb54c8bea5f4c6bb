from enum import StrEnum


class Register(StrEnum):
    CHARITY_COMMISSION = "charity_commission"
    COMPANIES_HOUSE = "companies_house"
    LOCAL_AUTHORITY = "local_authority"
    OTHER = "other"

    def __str__(self) -> str:
        return str(self.value)
