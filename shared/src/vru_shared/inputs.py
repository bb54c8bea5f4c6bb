"""Input types that take only the JSON type their OpenAPI schema says.

Pydantic's lax mode converts between types: ``0`` is ``false``, ``false`` is ``0``, and a number (or a numeric
query string) is a Unix time for a date or date-time — so the API accepted values its own OpenAPI calls invalid
(schemathesis, ``negative_data_rejection``). For request fields: ``StrictBool`` and ``StrictInt`` (pydantic's)
in bodies, and :data:`Instant` / :data:`Day` for dates and times in bodies and queries (RFC 3339 text only; a
query value is always text, so the strict types of pydantic cannot be used there). None of them changes the
OpenAPI schema.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from pydantic import AwareDatetime, BeforeValidator

_NUMBER = re.compile(r"\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*")


def _not_a_number(value: Any) -> Any:
    if isinstance(value, bool | int | float) or (isinstance(value, str) and _NUMBER.fullmatch(value)):
        raise ValueError("write a date or time as RFC 3339 text, not a number")
    return value


#: A date-time with its offset, written as RFC 3339 text (never a Unix time).
Instant = Annotated[AwareDatetime, BeforeValidator(_not_a_number)]
#: A calendar date, written as ``YYYY-MM-DD`` (never a Unix time).
Day = Annotated[date, BeforeValidator(_not_a_number)]
