from typing import Annotated
from uuid import UUID

from fastapi import Path, Query

from referrals.incident.models import ScreeningDecision
from vru_shared.inputs import Moment

IncidentId = Annotated[UUID, Path(description="The incident's id.")]
DistrictFilter = Annotated[
    str | None, Query(max_length=64, pattern=r"^[a-z0-9-]+$", description="District code where it happened.")
]
ScreeningFilter = Annotated[ScreeningDecision | None, Query(description="`in`: screened into a review; `out`: not.")]
OccurredFrom = Annotated[
    Moment | None,
    Query(
        description="Occurred at or after this time (RFC 3339), or from the start of this day (UK time).",
        examples=["2026-11-01", "2026-11-01T00:00:00Z"],
    ),
]
OccurredTo = Annotated[
    Moment | None,
    Query(
        description="Occurred before this time (RFC 3339), or before the start of this day (UK time).",
        examples=["2026-12-01", "2026-12-01T00:00:00Z"],
    ),
]
CrimeReferenceFilter = Annotated[
    str | None, Query(max_length=64, description="The police crime reference.", examples=["46/123456/26"])
]
RequiredCrimeReference = Annotated[
    str,
    Query(min_length=1, max_length=64, description="The police crime reference to check.", examples=["46/123456/26"]),
]
