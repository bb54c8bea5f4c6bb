from enum import StrEnum


class ErasureReason(StrEnum):
    ERASURE_REQUEST = "erasure_request"
    RECORDED_IN_ERROR = "recorded_in_error"
    RETENTION_PERIOD_ENDED = "retention_period_ended"

    def __str__(self) -> str:
        return str(self.value)
