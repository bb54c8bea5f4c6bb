"""Input types that take only the JSON type their OpenAPI schema says.

Pydantic's lax mode converts between types: ``0`` is ``false``, ``false`` is ``0``, ``"5"`` and ``5.0`` are
``5``, and a number (or a numeric query string) is a Unix time for a date or date-time — so the API accepted
values its own OpenAPI calls invalid (schemathesis, ``negative_data_rejection``; issue 13). Every request field:

- ``boolean``: ``StrictBool`` (pydantic's) in a body; :data:`QueryBool` (``true`` or ``false``) in a query.
- ``integer``: ``StrictInt`` (pydantic's; bounds in ``Field``) in a body, money ``vru_shared.money.Pence``;
  ``int`` in a query (a query is text: digits are an integer's only form there).
- ``number``: ``StrictFloat`` (pydantic's; a JSON integer is a number too) in a body; ``float`` in a query.
- ``date`` / ``date-time``: :data:`Day` / :data:`Instant`, in a body and in a query.

A query value is always text, so pydantic's strict types cannot be used there. None of them changes the OpenAPI
schema. ``tests/security/test_properties.py::test_every_input_takes_its_own_json_type_only`` sends every field of
every request a value of another JSON type, from the OpenAPI documents, so a new field that is lax fails it.

A CSV cell is text by nature: the bulk intake validates a CSV row with ``model_validate(..., strict=False)``,
which parses ``true`` or ``15`` from the cell on purpose, while the JSON batch's values must be of their type.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.dependencies.models import Dependant
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from pydantic import AwareDatetime, BeforeValidator, WithJsonSchema

from vru_shared.kent_medway import LONDON

_NUMBER = re.compile(r"\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*")


def _not_a_number(value: Any) -> Any:
    if isinstance(value, bool | int | float) or (isinstance(value, str) and _NUMBER.fullmatch(value)):
        raise ValueError("write a date or time as RFC 3339 text, not a number")
    return value


def _true_or_false(value: Any) -> Any:
    if isinstance(value, bool) or value in ("true", "false"):
        return value
    raise ValueError("write `true` or `false`")


#: A boolean query parameter: the text ``true`` or ``false`` (not ``1``, ``0``, ``yes``, ``on``, ``True``).
QueryBool = Annotated[bool, BeforeValidator(_true_or_false)]
#: A date-time with its offset, written as RFC 3339 text (never a Unix time).
Instant = Annotated[AwareDatetime, BeforeValidator(_not_a_number)]
#: A calendar date, written as ``YYYY-MM-DD`` (never a Unix time).
Day = Annotated[date, BeforeValidator(_not_a_number)]

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _day_or_instant(value: Any) -> Any:
    value = _not_a_number(value)
    if isinstance(value, str) and _DAY.fullmatch(value):
        return datetime.combine(date.fromisoformat(value), time(), tzinfo=LONDON)
    return value


#: A bound of a time filter (``from``/``to``, ``occurred_from``): an RFC 3339 date-time with its offset, or a
#: date alone, which means the start of that day in UK time — so ``from=2026-11-01&to=2026-12-01`` is November.
Moment = Annotated[
    AwareDatetime,
    BeforeValidator(_day_or_instant),
    WithJsonSchema({"anyOf": [{"type": "string", "format": "date-time"}, {"type": "string", "format": "date"}]}),
]


def _query_names(dependant: Dependant) -> set[str]:
    names = {param.alias for param in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


#: The query parameters each route declares, read once per route.
_DECLARED: dict[int, frozenset[str]] = {}


async def reject_unknown_query(request: Request) -> None:
    """A dependency of every API operation (``create_service_app``): 422 for a query parameter the operation
    does not declare.

    A misspelt or unsupported filter (``?family_name=`` where the route takes ``q``, ``?category=`` on
    incidents) would otherwise be ignored and the whole list answered, so a person could act on the wrong
    child. The declared names are read from the route itself (its parameters and its dependencies'), so they
    cannot drift from the OpenAPI document.
    """
    if not request.query_params:
        return
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    known = _DECLARED.get(id(route))
    if known is None:
        known = _DECLARED[id(route)] = frozenset(_query_names(route.dependant))
    unknown = sorted(set(request.query_params) - known)
    if unknown:
        raise RequestValidationError(
            [
                {
                    "loc": ("query", name),
                    "msg": "This operation takes no such query parameter.",
                    "type": "extra_forbidden",
                }
                for name in unknown
            ]
        )


#: Unknown query parameters are a 422, not silently ignored (on every API operation, by ``create_service_app``).
NoUnknownQuery = Depends(reject_unknown_query)
