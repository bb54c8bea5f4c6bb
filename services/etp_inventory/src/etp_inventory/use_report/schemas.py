from datetime import datetime
from typing import Annotated
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from etp_inventory.movement.models import ResupplyStatus
from etp_inventory.use_report.models import CrimeReferenceStatus
from vru_shared.inputs import Instant

#: The same shape as the referrals service's crime references (e.g. 46/123456/26).
CrimeReference = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9/_.:-]*$"),
]


class UseReportCreate(BaseModel):
    """A pack at a site was used. Report it even without a crime reference: a used pack is never unrecorded."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "pack_id": "2c4e6a8b-0d1f-4a3b-8c5d-7e9f1a3b5c7d",
                    "site_id": "5a1d3e7f-2b4c-4d6e-8f0a-1b3c5d7e9f1a",
                    "used_at": "2026-11-21T23:10:00Z",
                    "crime_reference": "46/123456/26",
                    "notes": "Tourniquet and dressing used on a stab wound; police and ambulance attended.",
                }
            ]
        },
    )

    pack_id: UUID
    site_id: UUID = Field(description="The site the pack was taken from (it must be there).")
    used_at: Instant
    crime_reference: CrimeReference | None = Field(default=None, description="The police crime reference, if any.")
    notes: Annotated[str, StringConstraints(strip_whitespace=True, max_length=4000)] | None = None


class UseReportRead(BaseModel):
    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    "id": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
                    "pack_id": "2c4e6a8b-0d1f-4a3b-8c5d-7e9f1a3b5c7d",
                    "serial": "KTP-2026-11-0042",
                    "site_id": "5a1d3e7f-2b4c-4d6e-8f0a-1b3c5d7e9f1a",
                    "site_name": "Chatham Waterfront bus station",
                    "district": "medway",
                    "used_at": "2026-11-21T23:10:00Z",
                    "crime_reference": "46/123456/26",
                    "crime_reference_status": "verified",
                    "crime_reference_checked_at": "2026-11-21T23:15:02Z",
                    "notes": None,
                    "reported_by": "0b7e6d8a-9c1f-5e2d-8a3b-4c5d6e7f8a9b",
                    "reported_by_name": "Pack guardian (example.org)",
                    "resupply_task_id": "6b7c8d9e-0f1a-4b2c-8d3e-4f5a6b7c8d9e",
                    "created_at": "2026-11-21T23:15:02Z",
                    "version": 1,
                }
            ]
        },
    )

    id: UUID
    pack_id: UUID
    serial: str
    site_id: UUID
    site_name: str
    district: str
    used_at: datetime
    crime_reference: str | None
    crime_reference_status: CrimeReferenceStatus | None = Field(
        description="`verified`: referrals knows it; `unknown`: referrals does not; `unverified`: referrals "
        "could not be asked yet (it is asked again in the background); `null` without a reference."
    )
    crime_reference_checked_at: datetime | None
    notes: str | None
    reported_by: str
    reported_by_name: str | None
    resupply_task_id: UUID | None
    created_at: datetime
    version: int


class VerificationRun(BaseModel):
    """What one re-verification of unverified crime references did."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"checked": 3, "verified": 2, "unknown": 1, "unverified": 0}]}
    )

    checked: int = Field(description="Reports whose reference referrals answered for.")
    verified: int
    unknown: int
    unverified: int = Field(description="Still waiting (referrals could not answer).")


class ResupplyTaskRead(BaseModel):
    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    "id": "6b7c8d9e-0f1a-4b2c-8d3e-4f5a6b7c8d9e",
                    "status": "open",
                    "site_id": "5a1d3e7f-2b4c-4d6e-8f0a-1b3c5d7e9f1a",
                    "site_name": "Chatham Waterfront bus station",
                    "district": "medway",
                    "csp_id": "0f2b4c6d-8e0a-5b1c-9d3e-5f7a9b1c3d5e",
                    "use_report_id": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
                    "opened_at": "2026-11-21T23:15:02Z",
                    "completed_at": None,
                    "completed_by": None,
                    "replacement_pack_id": None,
                }
            ]
        },
    )

    id: UUID
    status: ResupplyStatus
    site_id: UUID
    site_name: str
    district: str
    csp_id: UUID
    use_report_id: UUID
    opened_at: datetime
    completed_at: datetime | None
    completed_by: str | None
    replacement_pack_id: UUID | None = Field(description="The pack deployed to the site that completed it.")
