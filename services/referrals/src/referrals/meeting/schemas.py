from datetime import date, datetime
from typing import Annotated, Self
from uuid import UUID

from pydantic import AliasPath, BaseModel, ConfigDict, Field, JsonValue, model_validator

from referrals.fields import Code, LongText, Text
from referrals.meeting.models import ActionStatus, MeetingStatus
from referrals.plausible import CaseworkDay, CaseworkMoment
from referrals.referral.models import ReferralStatus


class ForumRef(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    code: str = Field(examples=["mam-medway-swale"])
    name: str
    kind: str = Field(examples=["multi_agency_meeting"])


class AgencyRef(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    code: str = Field(examples=["youth-justice-service"])
    name: str = Field(examples=["Youth Justice Service"])


class PersonRef(BaseModel):
    """The young person, as the audience needs them (`id` only for VRU staff)."""

    model_config = ConfigDict(from_attributes=True)

    id: UUID | None
    given_name: str
    family_name: str
    date_of_birth: date | None


_ACTION_EXAMPLE: dict[str, JsonValue] = {
    "id": "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f",
    "meeting_id": "e4d3c2b1-a098-4f7e-8d6c-5b4a39281706",
    "subject": {
        "id": "3d2c1b0a-9f8e-4d7c-b6a5-948372615a0b",
        "given_name": "Alex",
        "family_name": "Example",
        "date_of_birth": "2010-03-14",
    },
    "owner_agency": {"code": "youth-justice-service", "name": "Youth Justice Service"},
    "area": "medway-swale",
    "description": "Arrange the electronic tag fitting with the court.",
    "due_on": "2026-11-28",
    "status": "open",
    "note": None,
    "overdue": False,
    "completed_at": None,
    "updated_at": "2026-11-21T11:00:00Z",
    "version": 1,
}


class ActionRead(BaseModel):
    """An action agreed at a meeting, owned by one agency."""

    model_config = ConfigDict(from_attributes=True, json_schema_extra={"examples": [_ACTION_EXAMPLE]})

    id: UUID
    meeting_id: UUID
    subject: PersonRef
    owner_agency: AgencyRef
    area: str = Field(description="Coordinator area code of the meeting.")
    description: str
    due_on: date
    status: ActionStatus
    note: str | None
    overdue: bool = Field(description="Still open or in progress after its due date (UK date).")
    completed_at: datetime | None
    updated_at: datetime
    version: int = Field(description='The ETag is `"v<version>"`.')


class ActionCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "owner_agency": "childrens-social-work-services",
                    "description": "Complete and submit the NRM referral.",
                    "due_on": "2026-11-27",
                }
            ]
        },
    )

    owner_agency: Code = Field(description="Partner agency code of the agency that owns the action.")
    description: Text
    due_on: CaseworkDay


class ActionUpdate(BaseModel):
    """Progress an action. The owning agency may change `status` and `note`; VRU staff also the rest."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"status": "done", "note": "NRM submitted on 25 November."}]},
    )

    status: ActionStatus | None = None
    note: Text | None = None
    description: Text | None = None
    due_on: CaseworkDay | None = None

    @model_validator(mode="after")
    def _something(self) -> Self:
        if not self.model_fields_set:
            raise ValueError("nothing to change")
        for name in self.model_fields_set:
            if getattr(self, name) is None:
                raise ValueError(f"{name} cannot be cleared")
        return self


class DecisionRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: UUID
    referral_id: UUID
    subject: PersonRef
    decision: str
    recorded_at: datetime
    actions: list[ActionRead]


class DecisionCreate(BaseModel):
    """The meeting's decision for the young person of one referral on its agenda, and the actions agreed."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "referral_id": "8f1e2d3c-4b5a-4697-8877-665544332211",
                    "decision": "Safety plan agreed: electronic tag, NRM referral, return to education, "
                    "weekly substance-misuse support.",
                    "actions": [
                        {
                            "owner_agency": "childrens-social-work-services",
                            "description": "Complete and submit the NRM referral.",
                            "due_on": "2026-11-27",
                        }
                    ],
                }
            ]
        },
    )

    referral_id: UUID
    decision: Text
    actions: Annotated[list[ActionCreate], Field(max_length=30)] = []


_MEETING_EXAMPLE: dict[str, JsonValue] = {
    "id": "e4d3c2b1-a098-4f7e-8d6c-5b4a39281706",
    "forum": {
        "code": "mam-medway-swale",
        "name": "VRU multi-agency meeting, Medway & Swale",
        "kind": "multi_agency_meeting",
    },
    "area": "medway-swale",
    "held_at": "2026-11-24T10:00:00Z",
    "status": "scheduled",
    "districts": ["medway", "swale"],
    "attending_agencies": [{"code": "youth-justice-service", "name": "Youth Justice Service"}],
    "created_at": "2026-11-21T09:30:00Z",
    "updated_at": "2026-11-21T09:30:00Z",
    "version": 1,
}


class MeetingSummary(BaseModel):
    """A sitting of a forum."""

    model_config = ConfigDict(from_attributes=True, json_schema_extra={"examples": [_MEETING_EXAMPLE]})

    id: UUID
    forum: ForumRef
    area: str = Field(description="Coordinator area code it serves.")
    held_at: datetime
    status: MeetingStatus
    districts: list[str]
    attending_agencies: list[AgencyRef]
    created_at: datetime
    updated_at: datetime
    version: int = Field(description='The ETag is `"v<version>"`.')


class MeetingRead(MeetingSummary):
    """A meeting with its minutes and the decisions and actions recorded at it."""

    model_config = ConfigDict(json_schema_extra={"examples": [{**_MEETING_EXAMPLE, "minutes": None, "decisions": []}]})

    minutes: str | None
    decisions: list[DecisionRead]


class MeetingCreate(BaseModel):
    """A forum sitting. `districts` default to the forum's (a DCSM's district, an area meeting's districts);
    CARM needs them given."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "forum": "mam-medway-swale",
                    "held_at": "2026-11-24T10:00:00Z",
                    "districts": ["swale", "medway"],
                    "attending_agencies": ["childrens-social-work-services", "youth-justice-service"],
                }
            ]
        },
    )

    forum: Code
    held_at: CaseworkMoment
    districts: Annotated[list[Code], Field(min_length=1, max_length=13)] | None = None
    attending_agencies: Annotated[list[Code], Field(max_length=50)] = []


class MeetingUpdate(BaseModel):
    """Change a meeting: record that it was held (or cancelled), its minutes, who attended, a new time."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"status": "held", "minutes": "Present: CSWS, YJS, substance-misuse service. …"}]
        },
    )

    held_at: CaseworkMoment | None = None
    status: MeetingStatus | None = None
    minutes: LongText | None = None
    attending_agencies: Annotated[list[Code], Field(max_length=50)] | None = None

    @model_validator(mode="after")
    def _something(self) -> Self:
        if not self.model_fields_set:
            raise ValueError("nothing to change")
        for name in self.model_fields_set:
            if getattr(self, name) is None:
                raise ValueError(f"{name} cannot be cleared")
        return self


class AgendaItem(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    referral_id: UUID = Field(validation_alias="id")
    subject: PersonRef
    district: str = Field(validation_alias=AliasPath("district", "code"))
    reason: str
    status: ReferralStatus
    sent_at: datetime | None


class Agenda(BaseModel):
    """Referrals sent to the meeting's forum, in its districts, still open and not yet discussed."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "meeting_id": "e4d3c2b1-a098-4f7e-8d6c-5b4a39281706",
                    "items": [
                        {
                            "referral_id": "8f1e2d3c-4b5a-4697-8877-665544332211",
                            "subject": {
                                "id": "3d2c1b0a-9f8e-4d7c-b6a5-948372615a0b",
                                "given_name": "Alex",
                                "family_name": "Example",
                                "date_of_birth": "2010-03-14",
                            },
                            "district": "swale",
                            "reason": "Exploited into drug running.",
                            "status": "sent",
                            "sent_at": "2026-11-21T09:05:00Z",
                        }
                    ],
                }
            ]
        }
    )

    meeting_id: UUID
    items: list[AgendaItem]


class OverdueCount(BaseModel):
    code: str
    name: str
    overdue: int


class OverdueSummary(BaseModel):
    """Overdue actions counted per owning agency and per coordinator area."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "on": "2026-12-01",
                    "by_agency": [{"code": "youth-justice-service", "name": "Youth Justice Service", "overdue": 2}],
                    "by_area": [{"code": "medway-swale", "name": "Medway & Swale", "overdue": 2}],
                }
            ]
        }
    )

    on: date = Field(description="The UK date the counts are for.")
    by_agency: list[OverdueCount]
    by_area: list[OverdueCount]
