from typing import Annotated
from uuid import UUID

from fastapi import Path, Query

PlanId = Annotated[UUID, Path(description="The support plan's id.")]
InterventionId = Annotated[UUID, Path(description="The intervention's id.")]
SubjectFilter = Annotated[UUID | None, Query(description="Only this young person's plans.")]
