from enum import StrEnum


class TotalsDimension(StrEnum):
    AREA = "area"
    FINANCIAL_YEAR = "financial_year"
    STREAM = "stream"

    def __str__(self) -> str:
        return str(self.value)
