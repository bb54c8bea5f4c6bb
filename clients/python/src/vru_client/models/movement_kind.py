from enum import StrEnum


class MovementKind(StrEnum):
    ALLOCATED = "allocated"
    DAMAGED = "damaged"
    DEPLOYED = "deployed"
    EXPIRED = "expired"
    LOST = "lost"
    RECEIVED = "received"
    RETURNED = "returned"
    USED = "used"
    WRITTEN_OFF = "written_off"

    def __str__(self) -> str:
        return str(self.value)
