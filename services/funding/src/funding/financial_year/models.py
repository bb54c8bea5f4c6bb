from datetime import date
from uuid import UUID, uuid4

from sqlalchemy import CheckConstraint, Date, String
from sqlalchemy.orm import Mapped, mapped_column

from funding.db import Base


class FinancialYear(Base):
    """A UK public-sector financial year: 1 April to the following 31 March, coded ``2019-20``."""

    __tablename__ = "financial_years"
    __table_args__ = (
        CheckConstraint(
            "EXTRACT(MONTH FROM starts_on) = 4 AND EXTRACT(DAY FROM starts_on) = 1 "
            "AND ends_on = make_date(CAST(EXTRACT(YEAR FROM starts_on) AS integer) + 1, 3, 31)",
            name="april_to_march",
        ),
        CheckConstraint(
            "code = CAST(EXTRACT(YEAR FROM starts_on) AS integer) || '-' "
            "|| lpad(CAST((CAST(EXTRACT(YEAR FROM starts_on) AS integer) + 1) % 100 AS text), 2, '0') "
            "AND label = replace(code, '-', '/')",
            name="code_matches_dates",
        ),
    )

    id: Mapped[UUID] = mapped_column(primary_key=True, default=uuid4)
    code: Mapped[str] = mapped_column(String(7), unique=True)
    label: Mapped[str] = mapped_column(String(7))
    starts_on: Mapped[date] = mapped_column(Date, unique=True)
    ends_on: Mapped[date] = mapped_column(Date)
