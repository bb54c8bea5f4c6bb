import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_meeting_summary import PageMeetingSummary
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    forum: None | str | Unset = UNSET,
    area: None | str | Unset = UNSET,
    from_: datetime.date | datetime.datetime | None | Unset = UNSET,
    to: datetime.date | datetime.datetime | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.date | datetime.datetime | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_forum: str | Unset | None
    if isinstance(forum, Unset):
        json_forum = UNSET
    else:
        json_forum = forum
    params["forum"] = json_forum

    json_area: str | Unset | None
    if isinstance(area, Unset):
        json_area = UNSET
    else:
        json_area = area
    params["area"] = json_area

    json_from_: str | Unset | None
    if isinstance(from_, Unset):
        json_from_ = UNSET
    elif isinstance(from_, datetime.datetime) or isinstance(from_, datetime.date):
        json_from_ = from_.isoformat()
    else:
        json_from_ = from_
    params["from"] = json_from_

    json_to: str | Unset | None
    if isinstance(to, Unset):
        json_to = UNSET
    elif isinstance(to, datetime.datetime) or isinstance(to, datetime.date):
        json_to = to.isoformat()
    else:
        json_to = to
    params["to"] = json_to

    params["limit"] = limit

    json_cursor: str | Unset | None
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    json_updated_since: str | Unset | None
    if isinstance(updated_since, Unset):
        json_updated_since = UNSET
    elif isinstance(updated_since, datetime.datetime) or isinstance(updated_since, datetime.date):
        json_updated_since = updated_since.isoformat()
    else:
        json_updated_since = updated_since
    params["updated_since"] = json_updated_since

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/meetings",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageMeetingSummary | Problem | None:
    if response.status_code == 200:
        response_200 = PageMeetingSummary.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[PageMeetingSummary | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    forum: None | str | Unset = UNSET,
    area: None | str | Unset = UNSET,
    from_: datetime.date | datetime.datetime | None | Unset = UNSET,
    to: datetime.date | datetime.datetime | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.date | datetime.datetime | None | Unset = UNSET,
) -> Response[PageMeetingSummary | Problem]:
    """List meetings

     Forum sittings, most recent first. Filter by `forum`, coordinator `area` and period. A coordinator
    sees the meetings covering one of their districts.

    Args:
        forum (None | str | Unset):
        area (None | str | Unset):
        from_ (datetime.date | datetime.datetime | None | Unset): Held at or after this time (RFC
            3339), or from the start of this day (UK).
        to (datetime.date | datetime.datetime | None | Unset): Held before this time (RFC 3339),
            or before the start of this day (UK).
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.
        updated_since (datetime.date | datetime.datetime | None | Unset): A change feed: only the
            records created or changed at or after this time (RFC 3339, or a date: the start of that
            UK day), oldest change first. Keep the `updated_at` of the last record you processed and
            ask again from a little before it (a change committed late can carry an earlier time); de-
            duplicate by `id` and `version`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageMeetingSummary | Problem]
    """

    kwargs = _get_kwargs(
        forum=forum,
        area=area,
        from_=from_,
        to=to,
        limit=limit,
        cursor=cursor,
        updated_since=updated_since,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    forum: None | str | Unset = UNSET,
    area: None | str | Unset = UNSET,
    from_: datetime.date | datetime.datetime | None | Unset = UNSET,
    to: datetime.date | datetime.datetime | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.date | datetime.datetime | None | Unset = UNSET,
) -> PageMeetingSummary | Problem | None:
    """List meetings

     Forum sittings, most recent first. Filter by `forum`, coordinator `area` and period. A coordinator
    sees the meetings covering one of their districts.

    Args:
        forum (None | str | Unset):
        area (None | str | Unset):
        from_ (datetime.date | datetime.datetime | None | Unset): Held at or after this time (RFC
            3339), or from the start of this day (UK).
        to (datetime.date | datetime.datetime | None | Unset): Held before this time (RFC 3339),
            or before the start of this day (UK).
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.
        updated_since (datetime.date | datetime.datetime | None | Unset): A change feed: only the
            records created or changed at or after this time (RFC 3339, or a date: the start of that
            UK day), oldest change first. Keep the `updated_at` of the last record you processed and
            ask again from a little before it (a change committed late can carry an earlier time); de-
            duplicate by `id` and `version`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageMeetingSummary | Problem
    """

    return sync_detailed(
        client=client,
        forum=forum,
        area=area,
        from_=from_,
        to=to,
        limit=limit,
        cursor=cursor,
        updated_since=updated_since,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    forum: None | str | Unset = UNSET,
    area: None | str | Unset = UNSET,
    from_: datetime.date | datetime.datetime | None | Unset = UNSET,
    to: datetime.date | datetime.datetime | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.date | datetime.datetime | None | Unset = UNSET,
) -> Response[PageMeetingSummary | Problem]:
    """List meetings

     Forum sittings, most recent first. Filter by `forum`, coordinator `area` and period. A coordinator
    sees the meetings covering one of their districts.

    Args:
        forum (None | str | Unset):
        area (None | str | Unset):
        from_ (datetime.date | datetime.datetime | None | Unset): Held at or after this time (RFC
            3339), or from the start of this day (UK).
        to (datetime.date | datetime.datetime | None | Unset): Held before this time (RFC 3339),
            or before the start of this day (UK).
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.
        updated_since (datetime.date | datetime.datetime | None | Unset): A change feed: only the
            records created or changed at or after this time (RFC 3339, or a date: the start of that
            UK day), oldest change first. Keep the `updated_at` of the last record you processed and
            ask again from a little before it (a change committed late can carry an earlier time); de-
            duplicate by `id` and `version`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageMeetingSummary | Problem]
    """

    kwargs = _get_kwargs(
        forum=forum,
        area=area,
        from_=from_,
        to=to,
        limit=limit,
        cursor=cursor,
        updated_since=updated_since,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    forum: None | str | Unset = UNSET,
    area: None | str | Unset = UNSET,
    from_: datetime.date | datetime.datetime | None | Unset = UNSET,
    to: datetime.date | datetime.datetime | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.date | datetime.datetime | None | Unset = UNSET,
) -> PageMeetingSummary | Problem | None:
    """List meetings

     Forum sittings, most recent first. Filter by `forum`, coordinator `area` and period. A coordinator
    sees the meetings covering one of their districts.

    Args:
        forum (None | str | Unset):
        area (None | str | Unset):
        from_ (datetime.date | datetime.datetime | None | Unset): Held at or after this time (RFC
            3339), or from the start of this day (UK).
        to (datetime.date | datetime.datetime | None | Unset): Held before this time (RFC 3339),
            or before the start of this day (UK).
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.
        updated_since (datetime.date | datetime.datetime | None | Unset): A change feed: only the
            records created or changed at or after this time (RFC 3339, or a date: the start of that
            UK day), oldest change first. Keep the `updated_at` of the last record you processed and
            ask again from a little before it (a change committed late can carry an earlier time); de-
            duplicate by `id` and `version`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageMeetingSummary | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            forum=forum,
            area=area,
            from_=from_,
            to=to,
            limit=limit,
            cursor=cursor,
            updated_since=updated_since,
        )
    ).parsed
