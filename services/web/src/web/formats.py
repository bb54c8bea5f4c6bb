"""Dates and times as people in the unit read them, in UK time and the GOV.UK style (``3 April 2006``,
``21 November 2026 at 10:15am``): the templates' ``uk_date`` and ``uk_datetime`` filters, one definition for
every page (registered by ``web.rendering``)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

UK = ZoneInfo("Europe/London")


def uk_date(value: str | date | None) -> str:
    """``2026-11-23`` (or a date, or the date of a date-time) → ``23 November 2026``."""
    if not value:
        return ""
    day = value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
    return f"{day.day} {day:%B %Y}"


def uk_datetime(value: str | datetime | None, seconds: bool = False) -> str:
    """An RFC 3339 time → ``23 November 2026 at 10:40pm`` in UK time (``at 10:40:05pm`` with ``seconds``)."""
    if not value:
        return ""
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    local = moment.astimezone(UK)
    clock = f"{local.hour % 12 or 12}:{local:%M}" + (f":{local:%S}" if seconds else "")
    return f"{local.day} {local:%B %Y} at {clock}{'am' if local.hour < 12 else 'pm'}"
