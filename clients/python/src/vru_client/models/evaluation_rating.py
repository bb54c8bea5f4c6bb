from enum import StrEnum


class EvaluationRating(StrEnum):
    EXCEEDED = "exceeded"
    MET = "met"
    NOT_MET = "not_met"
    PARTLY_MET = "partly_met"

    def __str__(self) -> str:
        return str(self.value)
