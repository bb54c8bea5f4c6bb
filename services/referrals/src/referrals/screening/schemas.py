from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from referrals.incident.models import ScreeningDecision


class ManualScreening(BaseModel):
    """An analyst's decision on an incident. It sticks: automatic screening never overrides it."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"decision": "in", "reason": "The 27-year-old victim is known to exploit younger people locally."},
                {"decision": "out", "reason": "Duplicate of a report already under review."},
            ]
        },
    )

    decision: ScreeningDecision = Field(description="`in`: into a Serious Violence Review; `out`: not.")
    reason: Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=2000)] = Field(
        description="Why (required)."
    )
