from datetime import date, datetime
from uuid import UUID

from pydantic import AliasPath, BaseModel, ConfigDict, Field

from funding.districts import Area
from vru_shared.inputs import Instant


class ReferralDestination(BaseModel):
    """An active funded project serving the district: somewhere a coordinator can refer a young person."""

    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    "project_id": "0b8e6f5c-2a1d-5c3b-9e8f-7a6b5c4d3e2f",
                    "code": "box-it-out",
                    "name": "Box It Out",
                    "description": "Box It Out: Vulnerable Children's Charities fund.",
                    "lead_organisation_name": "Box It Out CIC",
                    "area": "north-kent",
                    "districts": ["medway"],
                    "grant_id": "6f7e8d9c-0b1a-5c2d-8e3f-4a5b6c7d8e9f",
                    "active_from": "2026-04-01",
                    "active_until": "2027-03-31",
                }
            ]
        },
    )

    project_id: UUID = Field(
        validation_alias="id", description="The project's id: a referral's destination (`project`)."
    )
    code: str
    name: str
    description: str
    lead_organisation_name: str = Field(validation_alias=AliasPath("lead_organisation", "name"))
    area: Area
    districts: list[str] = Field(description="Districts the project serves.")
    grant_id: UUID = Field(
        validation_alias="active_grant_id",
        description="The grant funding it today (approved or active, its planned period covering today), whose "
        "monitoring figures count referrals.",
    )
    active_from: date | None = Field(description="Start of the project's active period: the grant's planned start.")
    active_until: date | None = Field(
        description="End of the project's active period (the grant's planned end): after it, the project is no "
        "longer a destination unless another grant funds it."
    )


class ProjectReferralCreate(BaseModel):
    """A referral the project accepted, reported by the referrals service."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"referral_id": "8f1e2d3c-4b5a-4697-8877-665544332211", "accepted_at": "2026-11-21T10:15:00Z"}]
        },
    )

    referral_id: UUID = Field(description="The referrals service's id of the referral.")
    accepted_at: Instant = Field(description="When the project accepted it; picks the quarter it counts in.")


class ProjectReferralRead(BaseModel):
    """A young person referred to the project and accepted: one person receiving a service, counted into the
    grant's monitoring figures."""

    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    "id": "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
                    "referral_id": "8f1e2d3c-4b5a-4697-8877-665544332211",
                    "project_id": "0b8e6f5c-2a1d-5c3b-9e8f-7a6b5c4d3e2f",
                    "grant_id": "6f7e8d9c-0b1a-5c2d-8e3f-4a5b6c7d8e9f",
                    "monitoring_return_id": None,
                    "period": "2026-27 Q3",
                    "accepted_at": "2026-11-21T10:15:00Z",
                    "created_at": "2026-11-21T10:15:02Z",
                }
            ]
        },
    )

    id: UUID
    referral_id: UUID
    project_id: UUID
    grant_id: UUID = Field(description="The grant whose figures count it.")
    monitoring_return_id: UUID | None = Field(
        description="The grant's monitoring return for that quarter, when the grant has one."
    )
    period: str = Field(description="The financial quarter it was accepted in.", examples=["2026-27 Q3"])
    accepted_at: datetime
    created_at: datetime
