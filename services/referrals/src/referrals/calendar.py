"""Dates as the unit counts them: UK local time, working days (less bank holidays), ages on a day."""

from dataclasses import dataclass
from datetime import UTC, date, datetime

from vru_shared.bank_holidays import BankHolidays
from vru_shared.kent_medway import LONDON


@dataclass(frozen=True, slots=True)
class WorkingDays:
    """A span of working days: Monday to Friday, less England and Wales bank holidays."""

    count: int
    holidays: BankHolidays

    def after(self, start: date) -> date:
        """The day ``count`` working days after ``start``."""
        return self.holidays.add_working_days(start, self.count)


def london_today() -> date:
    return datetime.now(UTC).astimezone(LONDON).date()


def local_day(moment: datetime) -> date:
    return moment.astimezone(LONDON).date()


def age_on(date_of_birth: date, day: date) -> int:
    return day.year - date_of_birth.year - ((day.month, day.day) < (date_of_birth.month, date_of_birth.day))
