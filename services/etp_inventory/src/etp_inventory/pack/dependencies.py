from typing import Annotated
from uuid import UUID

from fastapi import Path, Query

from etp_inventory.pack.models import PackStatus, Readiness

PackId = Annotated[UUID, Path(description="The pack's id (not its public id).")]
ComponentCode = Annotated[str, Path(max_length=64, pattern=r"^[a-z0-9-]+$", examples=["haemostatic-dressing"])]
LocationFilter = Annotated[UUID | None, Query(description="Only packs at (or last at) this location.")]
StatusFilter = Annotated[PackStatus | None, Query(description="Only packs in this status.")]
ReadinessFilter = Annotated[Readiness | None, Query(description="Only packs with this readiness.")]
SerialFilter = Annotated[str | None, Query(max_length=64, description="The pack with this serial.")]
