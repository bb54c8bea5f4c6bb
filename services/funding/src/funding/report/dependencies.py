from typing import Annotated

from fastapi import Query

from funding.report.exceptions import BadGrouping
from funding.report.schemas import TotalsDimension

YearFilter = Annotated[
    str | None, Query(pattern=r"^[0-9]{4}-[0-9]{2}$", description="Only this year.", examples=["2020-21"])
]


def group_by(
    group_by: Annotated[
        str,
        Query(
            max_length=64,
            description="Comma-separated: `financial_year`, `area`, `stream`. Empty: one overall total.",
            examples=["financial_year,area"],
        ),
    ] = "financial_year",
) -> list[TotalsDimension]:
    names = [n.strip() for n in group_by.split(",") if n.strip()]
    try:
        return list(dict.fromkeys(TotalsDimension(n) for n in names))
    except ValueError as exc:
        raise BadGrouping("group_by takes financial_year, area and stream, comma-separated.") from exc
