from typing import Annotated
from uuid import UUID

from fastapi import Path, Query

from referrals.referral.models import ReferralStatus

ReferralId = Annotated[UUID, Path(description="The referral's id.")]
CodeFilter = Annotated[str | None, Query(max_length=64, pattern=r"^[a-z0-9-]+$")]
StatusFilter = Annotated[ReferralStatus | None, Query(description="Only referrals in this status.")]
SubjectFilter = Annotated[UUID | None, Query(description="Only this young person's referrals.")]
ReviewFilter = Annotated[UUID | None, Query(description="Only referrals from this review.")]
DistrictQuery = Annotated[
    str, Query(max_length=64, pattern=r"^[a-z0-9-]+$", description="District code.", examples=["medway"])
]
