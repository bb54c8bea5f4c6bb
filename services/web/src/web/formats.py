"""Dates and times as people in the unit read them (UK time, ``3 April 2006``, ``21 November 2026, 10:15``),
registered as the templates' ``uk_date`` and ``uk_datetime`` filters."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from web.rendering import environment

UK = ZoneInfo("Europe/London")


def uk_date(value: str | date | None) -> str:
    if not value:
        return ""
    day = value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
    return f"{day.day} {day:%B %Y}"


def uk_datetime(value: str | datetime | None, seconds: bool = False) -> str:
    if not value:
        return ""
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    local = moment.astimezone(UK)
    return f"{local.day} {local:%B %Y, %H:%M}" + (f":{local:%S}" if seconds else "")


environment.filters.update(uk_date=uk_date, uk_datetime=uk_datetime)
