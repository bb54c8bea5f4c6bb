from typing import Annotated
from uuid import UUID

from fastapi import Path, Query

from referrals.meeting.models import ActionStatus
from vru_shared.inputs import Moment, QueryBool

MeetingId = Annotated[UUID, Path(description="The meeting's id.")]
ActionId = Annotated[UUID, Path(description="The action's id.")]
CodeFilter = Annotated[str | None, Query(max_length=64, pattern=r"^[a-z0-9-]+$")]
HeldFrom = Annotated[
    Moment | None,
    Query(alias="from", description="Held at or after this time (RFC 3339), or from the start of this day (UK)."),
]
HeldTo = Annotated[
    Moment | None,
    Query(alias="to", description="Held before this time (RFC 3339), or before the start of this day (UK)."),
]
ActionStatusFilter = Annotated[ActionStatus | None, Query(description="Only actions in this status.")]
OverdueFilter = Annotated[
    QueryBool | None,
    Query(description="`true`: only overdue actions (open or in progress, past due); `false`: the rest."),
]
MeetingFilter = Annotated[UUID | None, Query(description="Only the actions of this meeting.")]
SubjectFilter = Annotated[UUID | None, Query(description="Only this young person's actions (VRU staff).")]
