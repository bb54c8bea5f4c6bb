from typing import Annotated
from uuid import UUID

from fastapi import Path, Query

from vru_shared.kent_medway import DistrictCode

ReferralId = Annotated[UUID, Path(description="The referrals service's id of the referral.")]
ServedDistrict = Annotated[DistrictCode, Query(description="The district the young person lives in or is referred in.")]
