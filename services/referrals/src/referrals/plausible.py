"""The plausible ranges of every date the referrals service takes in, defined once (issue 13, "Trust": an
incident in 1900 with a person born in 1800 was accepted). The input schemas use these annotations; a value
outside its range is a 422 naming the field (in bulk intake: that row rejected, the others imported).

| input | plausible |
|---|---|
| an incident's ``occurred_at`` | from 2000-01-01 (UTC) to now + 1 hour (clock skew) |
| a person's ``date_of_birth`` | from 1880-01-01 to today, and on the incident's day 0–120 years old |
| a person's ``age`` | 0–120 |
| casework dates (meetings, action due dates, interventions) | from 2000-01-01 to 10 years from today |
"""

from datetime import UTC, date, datetime, timedelta
from typing import Annotated

from pydantic import AfterValidator, Field, StrictInt

from referrals.calendar import age_on, london_today
from vru_shared.inputs import Day, Instant

#: No incident before this is held: the unit's records start long after it.
EARLIEST_INCIDENT = datetime(2000, 1, 1, tzinfo=UTC)
#: How far in the future a sender's clock may be.
CLOCK_SKEW = timedelta(hours=1)
#: The oldest a person can plausibly be.
MAX_AGE = 120
#: No one born before this can have been 120 or younger on the earliest incident.
EARLIEST_BIRTH = date(EARLIEST_INCIDENT.year - MAX_AGE, 1, 1)
#: Casework dates (meetings, due dates, interventions): from the earliest incident to this many years ahead.
CASEWORK_YEARS_AHEAD = 10


def _occurred_at(value: datetime) -> datetime:
    if value < EARLIEST_INCIDENT:
        raise ValueError(f"is before {EARLIEST_INCIDENT.date().isoformat()}")
    if value > datetime.now(UTC) + CLOCK_SKEW:
        raise ValueError("is in the future")
    return value


def _date_of_birth(value: date) -> date:
    if value < EARLIEST_BIRTH:
        raise ValueError(f"is before {EARLIEST_BIRTH.isoformat()}")
    if value > london_today():
        raise ValueError("is in the future")
    return value


def _casework_day(value: date) -> date:
    today = london_today()
    if value < EARLIEST_INCIDENT.date():
        raise ValueError(f"is before {EARLIEST_INCIDENT.date().isoformat()}")
    if value > today.replace(year=today.year + CASEWORK_YEARS_AHEAD, day=min(today.day, 28)):
        raise ValueError(f"is more than {CASEWORK_YEARS_AHEAD} years ahead")
    return value


def _casework_moment(value: datetime) -> datetime:
    _casework_day(value.astimezone(UTC).date())
    return value


def birth_problem(date_of_birth: date, occurred_at: datetime) -> str | None:
    """Why this date of birth cannot be of someone involved in an incident at ``occurred_at`` (or ``None``)."""
    age = age_on(date_of_birth, occurred_at.date())
    if age < 0:
        return "is after occurred_at"
    if age > MAX_AGE:
        return f"is more than {MAX_AGE} years before occurred_at"
    return None


OccurredAt = Annotated[
    Instant,
    AfterValidator(_occurred_at),
    Field(
        description="RFC 3339 with a time-zone offset, e.g. `2026-11-20T22:40:00Z`; from 2000-01-01, not in the "
        "future (1 hour's clock skew allowed)."
    ),
]
DateOfBirth = Annotated[
    Day,
    AfterValidator(_date_of_birth),
    Field(description="From 1880-01-01, not in the future, and 0–120 years before the incident."),
]
Age = Annotated[StrictInt, Field(ge=0, le=MAX_AGE)]
CaseworkDay = Annotated[
    Day, AfterValidator(_casework_day), Field(description="From 2000-01-01 to 10 years from today.")
]
CaseworkMoment = Annotated[
    Instant, AfterValidator(_casework_moment), Field(description="From 2000-01-01 to 10 years from today.")
]
