from typing import Annotated
from uuid import UUID

from fastapi import Path, Query

from referrals.review.models import ReviewStatus
from vru_shared.inputs import QueryBool

ReviewId = Annotated[UUID, Path(description="The review's id.")]
AreaFilter = Annotated[str | None, Query(max_length=64, pattern=r"^[a-z0-9-]+$", description="Coordinator area code.")]
DistrictFilter = Annotated[
    str | None,
    Query(max_length=64, pattern=r"^[a-z0-9-]+$", description="District code: reviews that draw in this district."),
]
StatusFilter = Annotated[ReviewStatus | None, Query(description="Only reviews in this status.")]
OverdueFilter = Annotated[
    QueryBool | None, Query(description="`true`: only overdue reviews (open past `due_on`); `false`: only the others.")
]
