from datetime import datetime
from enum import StrEnum
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field


class DistrictRead(BaseModel):
    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    "id": "0b6f1f7e-2f1d-4f5e-9a57-8b0d7e0c1a11",
                    "code": "medway",
                    "name": "Medway",
                    "area_code": "medway-swale",
                }
            ]
        },
    )

    id: UUID
    code: str = Field(description="Stable identifier used in other resources and in tokens' `districts` claim.")
    name: str
    area_code: str = Field(description="The coordinator area the district belongs to.")


class CoordinatorAreaRead(BaseModel):
    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    "id": "6a0f0d8e-5c3b-4a3e-8f5c-2b9e0a4d7c22",
                    "code": "medway-swale",
                    "name": "Medway & Swale",
                    "district_codes": ["medway", "swale"],
                }
            ]
        },
    )

    id: UUID
    code: str
    name: str
    district_codes: list[str]


class ForumKind(StrEnum):
    DCSM = "dcsm"
    CARM = "carm"
    MULTI_AGENCY_MEETING = "multi_agency_meeting"


class OffenceCategoryRead(BaseModel):
    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    "id": "2c1d0e9f-8a7b-5c6d-9e0f-1a2b3c4d5e6f",
                    "code": "knife-sharp-instrument",
                    "name": "Offence involving a knife or sharp instrument",
                    "serious_violence": True,
                    "knife": True,
                }
            ]
        },
    )

    id: UUID
    code: str
    name: str
    serious_violence: bool = Field(description="Incidents of this category are screened for a review.")
    knife: bool = Field(description="Counted as a knife incident (the funding formula uses these counts).")


class ForumRead(BaseModel):
    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    "id": "7e6d5c4b-3a29-5180-9f8e-7d6c5b4a3928",
                    "code": "dcsm-swale",
                    "name": "Swale District Contextual Safeguarding Meeting",
                    "kind": "dcsm",
                    "district_code": "swale",
                    "area_code": "medway-swale",
                }
            ]
        },
    )

    id: UUID
    code: str
    name: str
    kind: ForumKind
    district_code: str | None = Field(description="For a DCSM, its district.")
    area_code: str | None = Field(description="The coordinator area it serves (none for county-wide forums).")


class PartnerAgencyRead(BaseModel):
    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    "id": "5a4b3c2d-1e0f-5a9b-8c7d-6e5f4a3b2c1d",
                    "code": "childrens-social-work-services",
                    "name": "Children's Social Work Services",
                    "kind": "childrens_social_care",
                    "identity_agency_id": None,
                    "version": 1,
                }
            ]
        },
    )

    id: UUID
    code: str
    name: str
    kind: str
    identity_agency_id: UUID | None = Field(
        description="The identity service's agency whose people and systems act for this partner (if linked): "
        "tokens with role `partner_agency` and this `agency` see the referrals sent to this partner."
    )
    version: int = Field(description='The ETag is `"v<version>"`.')


class PartnerAgencyLink(BaseModel):
    """Link a partner agency to the identity service's agency (or unlink it with null)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"identity_agency_id": "1f0e9d8c-7b6a-5948-8372-6150a4b3c2d1"}]},
    )

    identity_agency_id: UUID | None = Field(description="An agency id from the identity service (`GET /v1/agencies`).")


class ProjectProviderRead(BaseModel):
    """A funded project the partner agency delivers: it sees and answers the referrals sent to it."""

    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    "project_id": "30ef20cc-301d-578e-b731-92f71ec7cd3a",
                    "partner_agency_id": "5a4b3c2d-1e0f-5a9b-8c7d-6e5f4a3b2c1d",
                    "linked_by": "analyst-1",
                    "linked_at": "2026-12-03T10:00:00Z",
                }
            ]
        },
    )

    project_id: UUID = Field(description="The funding service's project id (`GET /v1/referrals/funded-projects`).")
    partner_agency_id: UUID
    linked_by: str
    linked_at: datetime
