"""Reading the funding and pack forms, showing money and dates, and the allocation chart's geometry."""

from __future__ import annotations

import pytest
from starlette.datastructures import FormData
from web.api import ApiProblem
from web.display import long_date, pounds
from web.form_input import FieldProblem, date_field, pence, problem_errors, whole_number
from web.pages.funding import share_chart


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("12000", 1_200_000), ("£12,000.50", 1_200_050), ("0.01", 1), ("7", 700), ("1,234.5", 123_450)],
)
def test_pounds_as_typed_become_whole_pence(typed: str, expected: int) -> None:
    assert pence(FormData({"amount": typed}), "amount", "the amount") == expected


@pytest.mark.parametrize("typed", ["12.345", "-5", "twelve", "1e3", "12.", ""])
def test_anything_else_is_a_mistake_at_the_field(typed: str) -> None:
    with pytest.raises(FieldProblem) as problem:
        pence(FormData({"amount": typed}), "amount", "the amount")
    assert problem.value.field == "amount"


def test_an_optional_amount_may_be_empty() -> None:
    assert pence(FormData({"amount": " "}), "amount", "the amount", required=False) is None


def test_a_gov_uk_date_input_becomes_an_iso_date_or_a_mistake() -> None:
    form = FormData({"due-day": "1", "due-month": "7", "due-year": "2020"})
    assert date_field(form, "due", "the due date") == "2020-07-01"
    with pytest.raises(FieldProblem, match="must be a real date"):
        date_field(FormData({"due-day": "31", "due-month": "2", "due-year": "2021"}), "due", "the due date")
    assert date_field(FormData({}), "due", "the due date", required=False) is None
    with pytest.raises(FieldProblem, match="Enter the due date"):
        date_field(FormData({}), "due", "the due date")


def test_whole_numbers_only() -> None:
    assert whole_number(FormData({"n": "3"}), "n", "the number") == 3
    with pytest.raises(FieldProblem):
        whole_number(FormData({"n": "3.5"}), "n", "the number")


def test_the_apis_field_errors_land_on_the_forms_fields() -> None:
    problem = ApiProblem(
        422,
        {
            "detail": "The request is not valid: pot_pence.",
            "errors": [{"loc": ["body", "pot_pence"], "message": "Input should be greater than 0"}],
        },
    )
    assert problem_errors(problem, {"pot_pence": "pot"}, "title") == {"pot": "Input should be greater than 0"}
    other = ApiProblem(409, {"detail": "The pot does not fit the budget line."})
    assert problem_errors(other, {"pot_pence": "pot"}, "title") == {"title": "The pot does not fit the budget line."}


def test_money_and_dates_are_shown_the_gov_uk_way() -> None:
    assert pounds(1_000_000_000) == "£10,000,000.00"
    assert pounds(5) == "£0.05"
    assert pounds(-250) == "-£2.50"
    assert pounds(None) == "–"
    assert long_date("2020-07-01") == "1 July 2020"
    assert long_date("2026-11-21T23:10:00Z") == "21 November 2026"


def test_the_chart_draws_the_largest_share_longest_and_first() -> None:
    chart = share_chart(
        [
            {"district": "swale", "district_name": "Swale", "amount_pence": 250_000},
            {"district": "medway", "district_name": "Medway", "amount_pence": 750_000},
            {"district": "dover", "district_name": "Dover", "amount_pence": 0},
        ],
        1_000_000,
    )
    assert [bar.label for bar in chart.bars] == ["Medway", "Swale", "Dover"]
    assert [bar.share for bar in chart.bars] == ["75.0%", "25.0%", "0.0%"]
    assert chart.bars[0].width == chart.bar_area
    assert chart.bars[1].width == chart.bar_area / 3
    assert chart.bars[2].width == 0
    assert chart.height == 3 * (chart.bar_height + chart.gap)
