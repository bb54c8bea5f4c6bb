from datetime import date, datetime
from typing import Annotated, Self
from uuid import UUID

from pydantic import AliasPath, BaseModel, ConfigDict, Field, JsonValue, StringConstraints, model_validator

from funding.districts import AREA_DISTRICTS, Area
from funding.project.models import EvaluationRating, ProjectStatus
from vru_shared.inputs import Day
from vru_shared.kent_medway import DistrictCode

_PROJECT_EXAMPLE: dict[str, JsonValue] = {
    "id": "9d1c2b3a-4e5f-5a6b-8c7d-0e1f2a3b4c5d",
    "code": "sheppey-matters",
    "name": "Sheppey Matters",
    "description": "Sheppey Matters: Vulnerable Children's Charities fund.",
    "lead_organisation_id": "4d7f0d1e-3c2b-5a19-8e7f-6a5b4c3d2e1f",
    "lead_organisation_name": "Sheppey Matters",
    "area": "north-kent",
    "districts": ["swale"],
    "stream": "vulnerable-childrens-charities",
    "financial_year": "2020-21",
    "status": "active",
    "active_from": "2020-07-01",
    "active_until": "2027-03-31",
    "illustrative": True,
    "created_at": "2026-11-21T09:30:00Z",
}


class ProjectCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "code": "riverside-mentoring",
                    "name": "Riverside mentoring",
                    "description": "Weekly mentoring for young people referred by the district forum.",
                    "lead_organisation_id": "4d7f0d1e-3c2b-5a19-8e7f-6a5b4c3d2e1f",
                    "area": "north-kent",
                    "districts": ["medway"],
                    "stream": "vulnerable-childrens-charities",
                    "financial_year": "2021-22",
                }
            ]
        },
    )

    code: Annotated[str, StringConstraints(min_length=2, max_length=64, pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
    description: Annotated[str, StringConstraints(max_length=4000)] = ""
    lead_organisation_id: UUID
    area: Area
    districts: list[DistrictCode] = Field(
        default_factory=list, max_length=13, description="Districts served, within the area. Empty: all of the area's."
    )
    stream: Annotated[str, StringConstraints(max_length=64, pattern=r"^[a-z0-9-]+$")]
    financial_year: Annotated[str, StringConstraints(pattern=r"^[0-9]{4}-[0-9]{2}$")]
    status: ProjectStatus = ProjectStatus.PLANNED

    @model_validator(mode="after")
    def _districts_in_area(self) -> Self:
        outside = sorted(set(self.districts) - AREA_DISTRICTS[self.area])
        if outside:
            raise ValueError(f"districts outside {self.area.value}: {', '.join(outside)}")
        return self


class ProjectRead(BaseModel):
    """A funded project."""

    model_config = ConfigDict(from_attributes=True, json_schema_extra={"examples": [_PROJECT_EXAMPLE]})

    id: UUID
    code: str
    name: str
    description: str
    lead_organisation_id: UUID
    lead_organisation_name: str = Field(validation_alias=AliasPath("lead_organisation", "name"))
    area: Area
    districts: list[str]
    stream: str = Field(validation_alias=AliasPath("funding_stream", "code"))
    financial_year: str = Field(validation_alias=AliasPath("year", "code"))
    status: ProjectStatus
    active_from: date | None = Field(
        default=None,
        description="The project's active period, from its awarded grants' planned periods: the earliest start…",
    )
    active_until: date | None = Field(
        default=None,
        description="…and the latest end. A referral destination only while a grant covering today funds it "
        "(`GET /v1/projects/referral-destinations`).",
    )
    illustrative: bool = Field(description="Seeded from the newsletter; its figures are made up.")
    created_at: datetime


class EvaluationCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "project_id": "9d1c2b3a-4e5f-5a6b-8c7d-0e1f2a3b4c5d",
                    "rating": "met",
                    "summary": "Sessions ran weekly as planned; attendance held up over the winter.",
                    "recommendations": "Fund a second year with a waiting-list follow-up.",
                    "evaluated_on": "2021-04-20",
                }
            ]
        },
    )

    project_id: UUID
    rating: EvaluationRating = Field(description="How far the project met its aims.")
    summary: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=8000)]
    recommendations: Annotated[str, StringConstraints(max_length=8000)] = ""
    evaluated_on: Day


class EvaluationRead(BaseModel):
    """The programme officer's evaluation of a project."""

    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    "id": "2b3c4d5e-6f70-4a8b-9c0d-1e2f3a4b5c6d",
                    "project_id": "9d1c2b3a-4e5f-5a6b-8c7d-0e1f2a3b4c5d",
                    "rating": "met",
                    "summary": "Sessions ran weekly as planned.",
                    "recommendations": "",
                    "evaluated_on": "2021-04-20",
                    "evaluated_by": "5f0c…",
                    "evaluated_by_name": "Development programme officer",
                    "created_at": "2026-11-21T09:30:00Z",
                }
            ]
        },
    )

    id: UUID
    project_id: UUID
    rating: EvaluationRating
    summary: str
    recommendations: str
    evaluated_on: date
    evaluated_by: str
    evaluated_by_name: str | None
    created_at: datetime
