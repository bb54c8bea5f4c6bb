"""Dates as the unit counts them: UK local time, working days, ages on a day."""

from datetime import UTC, date, datetime, timedelta

from vru_shared.kent_medway import LONDON


def add_working_days(start: date, days: int) -> date:
    """The date ``days`` working days (Mon–Fri) after ``start``. Bank holidays are not excluded."""
    day, counted = start, 0
    while counted < days:
        day += timedelta(days=1)
        if day.weekday() < 5:
            counted += 1
    return day


def london_today() -> date:
    return datetime.now(UTC).astimezone(LONDON).date()


def local_day(moment: datetime) -> date:
    return moment.astimezone(LONDON).date()


def age_on(date_of_birth: date, day: date) -> int:
    return day.year - date_of_birth.year - ((day.month, day.day) < (date_of_birth.month, date_of_birth.day))
