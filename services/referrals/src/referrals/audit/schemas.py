from datetime import datetime
from enum import StrEnum
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field


class AuditAction(StrEnum):
    READ = "read"
    CREATE = "create"
    UPDATE = "update"
    DISCLOSE = "disclose"
    ERASE = "erase"
    EXPORT = "export"


class AuditEntryRead(BaseModel):
    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    "id": 1042,
                    "occurred_at": "2026-11-21T10:15:02Z",
                    "actor_subject": "9b2e4c1d-3f5a-4e6b-8c7d-0a1b2c3d4e5f",
                    "actor_name": "Coordinator, Medway and Swale",
                    "actor_kind": "person",
                    "actor_client_id": None,
                    "agency_id": "4d3c2b1a-0f9e-4d8c-b7a6-5e4d3c2b1a09",
                    "roles": ["coordinator"],
                    "action": "read",
                    "record_type": "review",
                    "record_ids": ["0c7f3e0a-6b1d-4f59-9a51-2f1e3d4c5b6a"],
                    "purpose": "review queue",
                    "request_id": "3f2b7f1e-6a53-4a0c-9d0b-5b5f0a6c2f21",
                    "client_request_id": "crime-feed-2026-11-21-0042",
                }
            ]
        },
    )

    id: int
    occurred_at: datetime
    actor_subject: str = Field(description="The person's or API client's id (token `sub`).")
    actor_name: str | None = Field(
        default=None, description="Their display name when they acted (null for entries written before it was kept)."
    )
    actor_kind: str
    actor_client_id: str | None
    agency_id: UUID | None
    roles: list[str]
    action: AuditAction
    record_type: str
    record_ids: list[str]
    purpose: str
    request_id: str | None = Field(description="The platform's id of the request (the gateway's `X-Request-ID`).")
    client_request_id: str | None = Field(
        description="The `X-Request-ID` the caller sent, if any, as it sent it (not checked for uniqueness)."
    )


class ChainBreak(BaseModel):
    position: int | None
    entry_id: int | None
    reason: str = Field(examples=["entry changed after sealing"])


class ChainVerification(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "intact": True,
                    "checked": 1042,
                    "unsealed": 0,
                    "anchored_position": 1040,
                    "anchored_at": "2026-12-03T10:15:00Z",
                    "breaks": [],
                }
            ]
        }
    )

    intact: bool
    checked: int = Field(description="Sealed entries whose hash was recomputed.")
    unsealed: int = Field(description="Entries older than a minute that are not yet sealed (should be 0).")
    anchored_position: int | None = Field(
        description="The chain position of the newest genuine checkpoint in the anchor outside the database, "
        "which the chain must reach with the same hash; null when no anchor is configured (development) or no "
        "checkpoint was written yet."
    )
    anchored_at: datetime | None = Field(description="When that checkpoint was written.")
    breaks: list[ChainBreak] = Field(description="The first breaks found (at most 20).")
