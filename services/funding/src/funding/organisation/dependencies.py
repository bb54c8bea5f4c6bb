from typing import Annotated
from uuid import UUID

from fastapi import Path, Query

from funding.organisation.models import OrganisationKind
from vru_shared.inputs import QueryBool
from vru_shared.kent_medway import DistrictCode

OrganisationId = Annotated[UUID, Path(description="The organisation's id (not its org-id identifier).")]
KindFilter = Annotated[OrganisationKind | None, Query(alias="kind", description="Only this kind.")]
DistrictFilter = Annotated[DistrictCode | None, Query(alias="district", description="Only this district's.")]
CsuFilter = Annotated[
    QueryBool | None, Query(alias="csu", description="`true`: only the councils hosting a Community Safety Unit.")
]
