from typing import Annotated
from uuid import UUID

from fastapi import Query

PackFilter = Annotated[UUID | None, Query(description="Only checks of this pack.")]
SiteFilter = Annotated[UUID | None, Query(description="Only checks at this site.")]
GuardianFilter = Annotated[
    str | None, Query(max_length=255, description="Only sites guarded by this person (token `sub`).")
]
WithinDays = Annotated[
    int | None,
    Query(ge=0, le=365, description="Due within this many days (default: the service's 'due soon' window)."),
]
