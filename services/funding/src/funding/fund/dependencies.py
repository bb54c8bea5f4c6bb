from typing import Annotated
from uuid import UUID

from fastapi import Path, Query

FundId = Annotated[UUID, Path(description="The fund's id.")]
BudgetLineId = Annotated[UUID, Path(description="The budget line's id.")]
SpendId = Annotated[UUID, Path(description="The spend record's id.")]
StreamCode = Annotated[
    str, Path(max_length=64, pattern=r"^[a-z0-9-]+$", description="The stream's code.", examples=["ace"])
]
YearFilter = Annotated[
    str | None,
    Query(
        alias="financial_year",
        pattern=r"^[0-9]{4}-[0-9]{2}$",
        description="Only this financial year (its code).",
        examples=["2020-21"],
    ),
]
StreamFilter = Annotated[
    str | None,
    Query(
        alias="stream",
        max_length=64,
        pattern=r"^[a-z0-9-]+$",
        description="Only this stream (its code).",
        examples=["knife-awareness"],
    ),
]
FundFilter = Annotated[UUID | None, Query(alias="fund_id", description="Only this fund's lines.")]
