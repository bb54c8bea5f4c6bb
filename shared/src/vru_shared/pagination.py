"""Cursor (keyset) pagination with a capped ``limit`` and an RFC 8288 ``Link`` header.

A cursor is an opaque, URL-safe token holding the sort-key values of the last row of a page, with an HMAC tag
binding them to the list they came from: a cursor that was edited, forged or taken from another list is a
400, never a value that reaches SQL. The next
page is ``WHERE (sort_key, id) > (:last_sort_key, :last_id)`` on an index, so its cost does not grow
with how deep the client has paged.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
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

from vru_shared.inputs import Moment
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


#: What every cursor looks like (unpadded base64url). Anything else is refused by validation (422); a cursor that
#: looks right but was not made by this list is still 400 (its tag is checked).
CURSOR_PATTERN = r"^[A-Za-z0-9_-]+$"

#: Bytes of the HMAC-SHA256 tag a cursor carries.
TAG_BYTES = 16


def cursor_key(request: Request) -> bytes:
    """This service's key for signing cursors, derived from its own client secret (every replica has the same
    one; the label keeps the two uses apart). Cached on the app."""
    key: bytes | None = getattr(request.app.state, "cursor_key", None)
    if key is None:
        secret = request.app.state.settings.client_secret.get_secret_value().encode()
        key = hmac.new(secret, b"vru pagination cursor v1", hashlib.sha256).digest()
        request.app.state.cursor_key = key
    return key


def _tag(key: bytes, path: str, payload: bytes) -> bytes:
    return hmac.new(key, path.encode() + b"\n" + payload, hashlib.sha256).digest()[:TAG_BYTES]


def encode_cursor(values: Sequence[Any], *, key: bytes, path: str) -> str:
    """An opaque cursor: the last row's sort-key values and a tag binding them to this list (``path``)."""
    payload = json.dumps([_encode_value(v) for v in values], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(payload + _tag(key, path, payload)).rstrip(b"=").decode()


def decode_cursor(cursor: str, *, key: bytes, path: str) -> tuple[Any, ...]:
    """The values of a cursor this service made for this list; anything else (edited, forged, another list's) is
    400 — a cursor's values reach SQL comparisons only after their tag is checked."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        payload, tag = raw[:-TAG_BYTES], raw[-TAG_BYTES:]
        if len(raw) <= TAG_BYTES or not hmac.compare_digest(tag, _tag(key, path, payload)):
            raise ValueError("not ours")
        values = json.loads(payload)
        if not isinstance(values, list) or not values:
            raise ValueError("not a list")
        return tuple(_decode_value(v) for v in values)
    except (ValueError, binascii.Error, json.JSONDecodeError, TypeError) as exc:
        raise BadRequest("The cursor is not valid for this list; start again without one.") from exc


@dataclass(frozen=True, slots=True)
class PageParams:
    limit: int
    #: The sort-key values of the last row of the previous page, from a verified cursor.
    after: tuple[Any, ...] | None = None
    #: A change feed (``updated_since``): the records changed at or after this moment, oldest change first.
    changed_since: datetime | None = None

    @property
    def is_feed(self) -> bool:
        return self.changed_since is not None


Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Page size, at most {MAX_LIMIT}.")]
Cursor = Annotated[
    str | None,
    Query(
        max_length=512,
        pattern=CURSOR_PATTERN,
        description="Opaque cursor from the previous page's `next_cursor` or `Link`.",
    ),
]
UpdatedSince = Annotated[
    Moment | None,
    Query(
        description="A change feed: only the records created or changed at or after this time (RFC 3339, or a "
        "date: the start of that UK day), oldest change first. Keep the `updated_at` of the last record you "
        "processed and ask again from a little before it (a change committed late can carry an earlier time); "
        "de-duplicate by `id` and `version`.",
        examples=["2026-12-01T09:00:00Z"],
    ),
]

#: What a change feed's cursors are bound to besides the path: a cursor of the list's usual order is refused
#: in a feed (400), and the other way round — the two orders' sort keys differ.
_FEED = "#changes"


def _tag_path(request: Request, feed: bool) -> str:
    return request.url.path + (_FEED if feed else "")


async def page_params(request: Request, limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None) -> PageParams:
    after = decode_cursor(cursor, key=cursor_key(request), path=request.url.path) if cursor else None
    return PageParams(limit=limit, after=after)


async def feed_params(
    request: Request, limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None, updated_since: UpdatedSince = None
) -> PageParams:
    """:func:`page_params` for a list that is also a change feed (its records carry ``updated_at``)."""
    feed = updated_since is not None
    after = decode_cursor(cursor, key=cursor_key(request), path=_tag_path(request, feed)) if cursor else None
    return PageParams(limit=limit, after=after, changed_since=updated_since)


Pagination = Annotated[PageParams, Depends(page_params)]
#: A list page that takes ``updated_since`` too (:meth:`vru_shared.repository.Repository.page` filters and
#: orders by ``updated_at``; :func:`paginate` makes the feed's cursor).
ChangeFeed = Annotated[PageParams, Depends(feed_params)]


class Page(BaseModel, Generic[T]):
    """One page of a list. ``next_cursor`` is null on the last page."""

    items: list[T]
    next_cursor: str | None = Field(default=None, description="Pass as `cursor` to get the next page.")


def whole(items: Sequence[T]) -> Page[T]:
    """A list short enough to send whole (one row per district, say), in the envelope every list uses:
    ``items``, with ``next_cursor`` always null, so a client reads every list the same way."""
    return Page[T](items=list(items))


def keyset(
    stmt: SelectT,
    params: PageParams,
    *columns: InstrumentedAttribute[Any],
    descending: bool = False,
) -> SelectT:
    """Order ``stmt`` by ``columns`` (last one unique, e.g. the id), start after the cursor, fetch limit+1."""
    if params.after is not None:
        if len(params.after) != len(columns):
            raise BadRequest("The cursor is not valid for this list; start again without one.")
        stmt = stmt.where(_after(columns, params.after, descending))
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
    """Cut the extra row, compute the next cursor with ``key(row) -> tuple`` (in a change feed, the row's
    ``(updated_at, id)``), set the ``Link`` header."""
    items = list(rows[: params.limit])
    if params.is_feed:
        key = _feed_key
    last = key(items[-1]) if len(rows) > params.limit and items else None
    path = _tag_path(request, params.is_feed)
    next_cursor = encode_cursor(last, key=cursor_key(request), path=path) if last else None
    if next_cursor:
        url = request.url.include_query_params(cursor=next_cursor, limit=params.limit)
        response.headers["Link"] = f'<{url.path}?{url.query}>; rel="next"'
    return Page[T](items=items, next_cursor=next_cursor)


def _feed_key(row: Any) -> tuple[Any, ...]:
    return (row.updated_at, row.id)
