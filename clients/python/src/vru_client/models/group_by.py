from enum import StrEnum


class GroupBy(StrEnum):
    CATEGORY = "category"
    DISTRICT = "district"
    MONTH = "month"

    def __str__(self) -> str:
        return str(self.value)
