"""Input types take only the JSON type their schema says (no Unix times for dates, no numbers for booleans)."""

from datetime import UTC, date, datetime
from typing import Annotated

import httpx
import pytest
from fastapi import Depends, FastAPI, Query
from pydantic import TypeAdapter, ValidationError

from vru_shared.inputs import Day, Instant, NoUnknownQuery, QueryBool
from vru_shared.problems import install_problem_handlers


@pytest.mark.parametrize("value", [0, 0.5, 1_700_000_000, "0", "0.5", "1700000000", " 1e3 ", True])
def test_a_number_is_not_a_date_or_time(value: object) -> None:
    with pytest.raises(ValidationError):
        TypeAdapter(Instant).validate_python(value)
    with pytest.raises(ValidationError):
        TypeAdapter(Day).validate_python(value)


def test_rfc_3339_text_is() -> None:
    assert TypeAdapter(Instant).validate_python("2026-12-01T00:00:00Z") == datetime(2026, 12, 1, tzinfo=UTC)
    assert TypeAdapter(Day).validate_python("2026-12-01") == date(2026, 12, 1)


@pytest.mark.parametrize("value", ["0", "1", "yes", "no", "on", "off", "t", "f", "True", "FALSE", "", 0, 1, None])
def test_a_query_boolean_is_true_or_false_only(value: object) -> None:
    with pytest.raises(ValidationError):
        TypeAdapter(QueryBool).validate_python(value)


def test_true_and_false_are() -> None:
    assert TypeAdapter(QueryBool).validate_python("true") is True
    assert TypeAdapter(QueryBool).validate_python("false") is False
    assert TypeAdapter(QueryBool).validate_python(True) is True


def test_no_change_to_the_openapi_types() -> None:
    assert TypeAdapter(QueryBool).json_schema() == {"type": "boolean"}
    assert TypeAdapter(Instant).json_schema() == {"type": "string", "format": "date-time"}
    assert TypeAdapter(Day).json_schema() == {"type": "string", "format": "date"}


def _app_with_a_filtered_list() -> FastAPI:
    app = FastAPI()
    install_problem_handlers(app)

    def page(limit: int = 50) -> int:
        return limit

    @app.get("/things", dependencies=[NoUnknownQuery])
    def things(
        size: Annotated[int, Depends(page)], colour: Annotated[str | None, Query(alias="colour-code")] = None
    ) -> dict[str, object]:
        return {"size": size, "colour": colour}

    return app


async def test_an_unknown_query_parameter_is_a_422_naming_it() -> None:
    """A misspelt filter would otherwise be ignored and the whole list answered."""
    async with httpx.AsyncClient(transport=httpx.ASGITransport(_app_with_a_filtered_list()), base_url="http://t") as c:
        known = await c.get("/things", params={"colour-code": "red", "limit": 5})
        assert known.status_code == 200
        assert known.json() == {"size": 5, "colour": "red"}  # the route's own and its dependencies' parameters
        unknown = await c.get("/things", params={"colour": "red", "limit": 5})
        assert unknown.status_code == 422
        assert [e["field"] for e in unknown.json()["errors"]] == ["colour"]


def test_the_platform_dependencies_run_on_the_event_loop() -> None:
    """Every request runs these: as plain ``def`` FastAPI ran each in a worker thread, a hop there and back (issue
    17: two of them were ~10 % of a read's CPU, ``bench/profile_read.py``)."""
    import inspect

    from vru_shared.auth import authenticate
    from vru_shared.db import get_session
    from vru_shared.inputs import reject_unknown_query
    from vru_shared.pagination import feed_params, page_params

    for dependency in (get_session, reject_unknown_query, page_params, feed_params, authenticate):
        assert inspect.iscoroutinefunction(dependency), dependency.__name__
