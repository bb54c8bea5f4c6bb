from enum import StrEnum


class WriteOffCreateKind(StrEnum):
    DAMAGED = "damaged"
    EXPIRED = "expired"
    LOST = "lost"
    WRITTEN_OFF = "written_off"

    def __str__(self) -> str:
        return str(self.value)
