from enum import StrEnum


class PackStatus(StrEnum):
    DAMAGED = "damaged"
    EXPIRED = "expired"
    IN_STOCK = "in_stock"
    LOST = "lost"
    USED = "used"
    WRITTEN_OFF = "written_off"

    def __str__(self) -> str:
        return str(self.value)
