from datetime import datetime
from typing import Annotated

from fastapi import Depends, Query, Request

from referrals.audit.service import Sealing

Since = Annotated[datetime | None, Query(alias="from", description="Entries at or after this time (RFC 3339).")]
Until = Annotated[datetime | None, Query(alias="to", description="Entries before this time (RFC 3339).")]


def sealing(request: Request) -> Sealing:
    """The chain's keys and anchor, from the app's settings."""
    state = request.app.state
    if getattr(state, "sealing", None) is None:
        state.sealing = Sealing.from_settings(state.settings)
    result: Sealing = state.sealing
    return result


SealingDep = Annotated[Sealing, Depends(sealing)]
