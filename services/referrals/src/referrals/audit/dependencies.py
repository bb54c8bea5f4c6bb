from typing import Annotated

from fastapi import Query

from vru_shared.inputs import Instant

Since = Annotated[Instant | None, Query(alias="from", description="Entries at or after this time (RFC 3339).")]
Until = Annotated[Instant | None, Query(alias="to", description="Entries before this time (RFC 3339).")]
