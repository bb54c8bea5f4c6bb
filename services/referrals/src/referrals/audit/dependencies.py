from dataclasses import dataclass
from typing import Annotated, Any
from uuid import UUID

from fastapi import Depends, Query, Request

from referrals.audit.schemas import AuditAction
from referrals.audit.service import Sealing
from vru_shared.inputs import Moment

Since = Annotated[
    Moment | None,
    Query(alias="from", description="Entries at or after this time (RFC 3339), or from the start of this day (UK)."),
]
Until = Annotated[
    Moment | None,
    Query(alias="to", description="Entries before this time (RFC 3339), or before the start of this day (UK)."),
]


def sealing(request: Request) -> Sealing:
    """The chain's keys and anchor, from the app's settings."""
    state = request.app.state
    if getattr(state, "sealing", None) is None:
        state.sealing = Sealing.from_settings(state.settings)
    result: Sealing = state.sealing
    return result


SealingDep = Annotated[Sealing, Depends(sealing)]


@dataclass(frozen=True)
class AuditFilters:
    """What an auditor narrows the log to: the same filters for the list and the export."""

    since: Since = None
    until: Until = None
    actor: Annotated[str | None, Query(max_length=255, description="The actor's token subject.")] = None
    agency: Annotated[UUID | None, Query(description="The actor's agency.")] = None
    record_id: Annotated[str | None, Query(max_length=64)] = None
    action: AuditAction | None = None
    record_type: Annotated[str | None, Query(max_length=64)] = None
    purpose: Annotated[str | None, Query(max_length=200, description="Text the purpose contains (any case).")] = None

    def as_kwargs(self) -> dict[str, Any]:
        return {
            "since": self.since,
            "until": self.until,
            "actor": self.actor,
            "agency": self.agency,
            "record_id": self.record_id,
            "action": self.action.value if self.action else None,
            "record_type": self.record_type,
            "purpose": self.purpose,
        }


Filters = Annotated[AuditFilters, Depends()]
