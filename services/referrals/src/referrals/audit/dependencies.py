from datetime import datetime
from typing import Annotated

from fastapi import Query

Since = Annotated[datetime | None, Query(alias="from", description="Entries at or after this time (RFC 3339).")]
Until = Annotated[datetime | None, Query(alias="to", description="Entries before this time (RFC 3339).")]
