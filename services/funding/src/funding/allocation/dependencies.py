from typing import Annotated
from uuid import UUID

from fastapi import Path, Query

from funding.allocation.models import AllocationStatus

AllocationId = Annotated[UUID, Path(description="The allocation's id.")]
StatusFilter = Annotated[AllocationStatus | None, Query(alias="status", description="Only previews or committed runs.")]
