from typing import Annotated
from uuid import UUID

from fastapi import Path, Query

from identity.agency.models import AgencyKind

AgencyId = Annotated[UUID, Path(description="The agency's id.", examples=["1f0c9a52-7d0e-5b8c-9a3e-0c4b7d2e6f11"])]
KindFilter = Annotated[AgencyKind | None, Query(description="Only agencies of this kind.")]
