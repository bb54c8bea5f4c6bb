from typing import Annotated
from uuid import UUID

from fastapi import Path, Query

from funding.districts import Area
from funding.project.models import ProjectStatus
from vru_shared.kent_medway import DistrictCode

ProjectId = Annotated[UUID, Path(description="The project's id.")]
EvaluationId = Annotated[UUID, Path(description="The evaluation's id.")]
YearFilter = Annotated[
    str | None,
    Query(
        alias="financial_year",
        pattern=r"^[0-9]{4}-[0-9]{2}$",
        description="Only this financial year.",
        examples=["2020-21"],
    ),
]
AreaFilter = Annotated[Area | None, Query(alias="area", description="Only this area.")]
StreamFilter = Annotated[
    str | None, Query(alias="stream", max_length=64, pattern=r"^[a-z0-9-]+$", description="Only this stream's code.")
]
DistrictFilter = Annotated[DistrictCode | None, Query(alias="district", description="Only projects serving it.")]
StatusFilter = Annotated[ProjectStatus | None, Query(alias="status", description="Only this status.")]
ProjectFilter = Annotated[UUID | None, Query(alias="project_id", description="Only this project's.")]
