"""Cursor (keyset) pagination with a capped ``limit`` and an RFC 8288 ``Link`` header.

A cursor is an opaque, URL-safe token holding the sort-key values of the last row of a page. The next
page is ``WHERE (sort_key, id) > (:last_sort_key, :last_id)`` on an index, so its cost does not grow
with how deep the client has paged.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Annotated, Any, Generic, TypeVar
from uuid import UUID

from fastapi import Depends, Query, Request, Response
from pydantic import BaseModel, Field
from sqlalchemy import Select, and_, or_
from sqlalchemy.orm import InstrumentedAttribute

from vru_shared.problems import BadRequest

DEFAULT_LIMIT = 50
MAX_LIMIT = 200

T = TypeVar("T")
SelectT = TypeVar("SelectT", bound="Select[*tuple[Any, ...]]")


def _encode_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"dt": value.isoformat()}
    if isinstance(value, date):
        return {"d": value.isoformat()}
    if isinstance(value, UUID):
        return {"u": str(value)}
    return value


def _decode_value(value: Any) -> Any:
    if isinstance(value, dict) and len(value) == 1:
        ((tag, raw),) = value.items()
        if tag == "dt":
            return datetime.fromisoformat(raw)
        if tag == "d":
            return date.fromisoformat(raw)
        if tag == "u":
            return UUID(raw)
    return value


def encode_cursor(values: Sequence[Any]) -> str:
    raw = json.dumps([_encode_value(v) for v in values], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def decode_cursor(cursor: str, width: int) -> list[Any]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        values = json.loads(raw)
        if not isinstance(values, list) or len(values) != width:
            raise ValueError("wrong width")
        return [_decode_value(v) for v in values]
    except (ValueError, binascii.Error, json.JSONDecodeError, TypeError) as exc:
        raise BadRequest("The cursor is not valid for this list; start again without one.") from exc


@dataclass(frozen=True, slots=True)
class PageParams:
    limit: int
    cursor: str | None


def page_params(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Page size, at most {MAX_LIMIT}.")] = DEFAULT_LIMIT,
    cursor: Annotated[
        str | None,
        Query(max_length=512, description="Opaque cursor from the previous page's `next_cursor` or `Link`."),
    ] = None,
) -> PageParams:
    return PageParams(limit=limit, cursor=cursor)


Pagination = Annotated[PageParams, Depends(page_params)]


class Page(BaseModel, Generic[T]):
    """One page of a list. ``next_cursor`` is null on the last page."""

    items: list[T]
    next_cursor: str | None = Field(default=None, description="Pass as `cursor` to get the next page.")


def keyset(
    stmt: SelectT,
    params: PageParams,
    *columns: InstrumentedAttribute[Any],
    descending: bool = False,
) -> SelectT:
    """Order ``stmt`` by ``columns`` (last one unique, e.g. the id), start after the cursor, fetch limit+1."""
    if params.cursor:
        values = decode_cursor(params.cursor, len(columns))
        stmt = stmt.where(_after(columns, values, descending))
    order = [c.desc() if descending else c.asc() for c in columns]
    return stmt.order_by(*order).limit(params.limit + 1)


def _after(columns: Sequence[InstrumentedAttribute[Any]], values: Sequence[Any], descending: bool) -> Any:
    # (a, b) > (x, y)  ==  a > x OR (a = x AND b > y), written out so each column may use its index.
    clauses = []
    for i, column in enumerate(columns):
        equal = [columns[j] == values[j] for j in range(i)]
        step = column < values[i] if descending else column > values[i]
        clauses.append(and_(*equal, step))
    # Implied by the OR above, but stated on its own it becomes the start of an index range scan: a page deep
    # in the list then begins at the cursor instead of filtering every row before it (bench scenario 2).
    bound = columns[0] <= values[0] if descending else columns[0] >= values[0]
    return and_(bound, or_(*clauses))


def paginate(
    rows: Sequence[T],
    params: PageParams,
    key: Any,
    request: Request,
    response: Response,
) -> Page[T]:
    """Cut the extra row, compute the next cursor with ``key(row) -> tuple``, set the ``Link`` header."""
    items = list(rows[: params.limit])
    next_cursor = encode_cursor(key(items[-1])) if len(rows) > params.limit and items else None
    if next_cursor:
        url = request.url.include_query_params(cursor=next_cursor, limit=params.limit)
        response.headers["Link"] = f'<{url.path}?{url.query}>; rel="next"'
    return Page[T](items=items, next_cursor=next_cursor)
