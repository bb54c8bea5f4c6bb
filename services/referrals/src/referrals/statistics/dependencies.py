from typing import Annotated

from fastapi import Query

from referrals.statistics.exceptions import BadGrouping
from referrals.statistics.schemas import GroupBy
from vru_shared.inputs import Day, QueryBool

From = Annotated[Day, Query(alias="from", description="First day (UK local date), inclusive.", examples=["2026-01-01"])]
To = Annotated[Day, Query(alias="to", description="Last day (UK local date), inclusive.", examples=["2026-12-31"])]
Knife = Annotated[
    QueryBool | None,
    Query(description="`true`: only knife incidents (knife flag or a knife offence category); `false`: the others."),
]


def group_by(
    group_by: Annotated[
        str,
        Query(
            max_length=64,
            description="Comma-separated dimensions to count by: `district`, `month`, `category`. Empty: one total.",
            examples=["district,month,category"],
        ),
    ] = "",
) -> list[GroupBy]:
    names = [name.strip() for name in group_by.split(",") if name.strip()]
    try:
        dimensions = [GroupBy(name) for name in names]
    except ValueError as exc:
        raise BadGrouping("group_by takes district, month and category, comma-separated.") from exc
    return list(dict.fromkeys(dimensions))
