from typing import Annotated

from fastapi import Path, Query

from vru_shared.inputs import Day

FinancialYearCode = Annotated[
    str,
    Path(
        min_length=7,
        max_length=7,
        pattern=r"^[0-9]{4}-[0-9]{2}$",
        description="The year's code: the calendar year it starts in, a hyphen, the last two digits of the next.",
        examples=["2020-21"],
    ),
]

OnDate = Annotated[
    Day | None,
    Query(
        description="Only the financial year that contains this date (ISO 8601, e.g. `2020-06-01`).",
        examples=["2020-06-01"],
    ),
]
