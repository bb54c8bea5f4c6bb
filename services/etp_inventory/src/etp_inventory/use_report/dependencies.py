from typing import Annotated
from uuid import UUID

from fastapi import Path, Query

from etp_inventory.movement.models import ResupplyStatus
from etp_inventory.use_report.models import CrimeReferenceStatus

UseReportId = Annotated[UUID, Path(description="The use report's id.")]
ReferenceStatusFilter = Annotated[
    CrimeReferenceStatus | None, Query(description="Only reports whose crime reference has this status.")
]
TaskStatusFilter = Annotated[ResupplyStatus | None, Query(description="Only tasks in this status.")]
