"""England and Wales bank holidays, as GOV.UK publishes them, for counting working days.

The list ships with the platform (``vru_shared/data/bank-holidays.json``, in the shape of
https://www.gov.uk/bank-holidays.json, its ``england-and-wales`` division) and is updated from GOV.UK with
``vru bank-holidays`` (a commit, then a release), or replaced without a release by pointing a
service's ``*_BANK_HOLIDAYS_PATH`` at a file of the same shape. A day past the end of the list is counted as
a working day if it is Monday to Friday, so keep the list a year ahead (``covers_until`` says how far it goes).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

#: GOV.UK's feed of UK bank holidays, every division.
GOV_UK_URL = "https://www.gov.uk/bank-holidays.json"
DIVISION = "england-and-wales"
SHIPPED = Path(__file__).parent / "data" / "bank-holidays.json"


@functools.lru_cache(maxsize=8192)
def _working_days_after(holidays: BankHolidays, start: date, days: int) -> date:
    day, counted = start, 0
    while counted < days:
        day += timedelta(days=1)
        if holidays.is_working_day(day):
            counted += 1
    return day


class InvalidBankHolidays(ValueError):
    """A bank-holiday list that is not in GOV.UK's shape."""


@dataclass(frozen=True, slots=True)
class BankHolidays:
    days: frozenset[date]
    #: The last day the list speaks for: 31 December of the last year it lists.
    covers_until: date

    @classmethod
    def parse(cls, document: Mapping[str, Any]) -> BankHolidays:
        """From GOV.UK's document (every division, or only ``england-and-wales``)."""
        try:
            events = document[DIVISION]["events"]
            days = frozenset(date.fromisoformat(event["date"]) for event in events)
        except (KeyError, TypeError, ValueError) as exc:
            raise InvalidBankHolidays(f"not GOV.UK's bank-holidays.json with a '{DIVISION}' division: {exc}") from exc
        if not days:
            raise InvalidBankHolidays(f"the '{DIVISION}' division lists no bank holidays")
        return cls(days=days, covers_until=date(max(days).year, 12, 31))

    @classmethod
    def load(cls, path: Path | None = None) -> BankHolidays:
        """The list in ``path``, or the one shipped with the platform."""
        return cls.parse(json.loads((path or SHIPPED).read_text(encoding="utf-8")))

    def is_working_day(self, day: date) -> bool:
        return day.weekday() < 5 and day not in self.days

    def add_working_days(self, start: date, days: int) -> date:
        """The date ``days`` working days (Monday to Friday, not a bank holiday) after ``start``. Remembered: a
        page of the review queue asks it for every review's due date, mostly of the same few days (issue 17:
        counted day by day it was half of the page's CPU, ``bench/profile_read.py``)."""
        return _working_days_after(self, start, days)

    @staticmethod
    def division_only(document: Mapping[str, Any]) -> dict[str, Any]:
        """What the platform keeps of GOV.UK's document: its England and Wales division, checked."""
        BankHolidays.parse(document)
        return {DIVISION: document[DIVISION]}
