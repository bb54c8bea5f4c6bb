import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_review_summary import PageReviewSummary
from ...models.problem import Problem
from ...models.review_status import ReviewStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    area: None | str | Unset = UNSET,
    district: None | str | Unset = UNSET,
    status: None | ReviewStatus | Unset = UNSET,
    overdue: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.date | datetime.datetime | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_area: str | Unset | None
    if isinstance(area, Unset):
        json_area = UNSET
    else:
        json_area = area
    params["area"] = json_area

    json_district: str | Unset | None
    if isinstance(district, Unset):
        json_district = UNSET
    else:
        json_district = district
    params["district"] = json_district

    json_status: str | Unset | None
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, ReviewStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_overdue: bool | Unset | None
    if isinstance(overdue, Unset):
        json_overdue = UNSET
    else:
        json_overdue = overdue
    params["overdue"] = json_overdue

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
        "url": "/v1/reviews",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageReviewSummary | Problem | None:
    if response.status_code == 200:
        response_200 = PageReviewSummary.from_dict(response.json())

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
) -> Response[PageReviewSummary | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    area: None | str | Unset = UNSET,
    district: None | str | Unset = UNSET,
    status: None | ReviewStatus | Unset = UNSET,
    overdue: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.date | datetime.datetime | None | Unset = UNSET,
) -> Response[PageReviewSummary | Problem]:
    """The review queue

     Serious Violence Reviews, newest first. Filter by coordinator `area`, `district` (reviews that draw
    it in), `status` and `overdue`. Analysts and the director see all; a coordinator sees the reviews
    that draw in one of their districts. Each page read is recorded in the audit log.

    Args:
        area (None | str | Unset): Coordinator area code.
        district (None | str | Unset): District code: reviews that draw in this district.
        status (None | ReviewStatus | Unset): Only reviews in this status.
        overdue (bool | None | Unset): `true`: only overdue reviews (open past `due_on`); `false`:
            only the others.
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
        Response[PageReviewSummary | Problem]
    """

    kwargs = _get_kwargs(
        area=area,
        district=district,
        status=status,
        overdue=overdue,
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
    area: None | str | Unset = UNSET,
    district: None | str | Unset = UNSET,
    status: None | ReviewStatus | Unset = UNSET,
    overdue: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.date | datetime.datetime | None | Unset = UNSET,
) -> PageReviewSummary | Problem | None:
    """The review queue

     Serious Violence Reviews, newest first. Filter by coordinator `area`, `district` (reviews that draw
    it in), `status` and `overdue`. Analysts and the director see all; a coordinator sees the reviews
    that draw in one of their districts. Each page read is recorded in the audit log.

    Args:
        area (None | str | Unset): Coordinator area code.
        district (None | str | Unset): District code: reviews that draw in this district.
        status (None | ReviewStatus | Unset): Only reviews in this status.
        overdue (bool | None | Unset): `true`: only overdue reviews (open past `due_on`); `false`:
            only the others.
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
        PageReviewSummary | Problem
    """

    return sync_detailed(
        client=client,
        area=area,
        district=district,
        status=status,
        overdue=overdue,
        limit=limit,
        cursor=cursor,
        updated_since=updated_since,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    area: None | str | Unset = UNSET,
    district: None | str | Unset = UNSET,
    status: None | ReviewStatus | Unset = UNSET,
    overdue: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.date | datetime.datetime | None | Unset = UNSET,
) -> Response[PageReviewSummary | Problem]:
    """The review queue

     Serious Violence Reviews, newest first. Filter by coordinator `area`, `district` (reviews that draw
    it in), `status` and `overdue`. Analysts and the director see all; a coordinator sees the reviews
    that draw in one of their districts. Each page read is recorded in the audit log.

    Args:
        area (None | str | Unset): Coordinator area code.
        district (None | str | Unset): District code: reviews that draw in this district.
        status (None | ReviewStatus | Unset): Only reviews in this status.
        overdue (bool | None | Unset): `true`: only overdue reviews (open past `due_on`); `false`:
            only the others.
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
        Response[PageReviewSummary | Problem]
    """

    kwargs = _get_kwargs(
        area=area,
        district=district,
        status=status,
        overdue=overdue,
        limit=limit,
        cursor=cursor,
        updated_since=updated_since,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    area: None | str | Unset = UNSET,
    district: None | str | Unset = UNSET,
    status: None | ReviewStatus | Unset = UNSET,
    overdue: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.date | datetime.datetime | None | Unset = UNSET,
) -> PageReviewSummary | Problem | None:
    """The review queue

     Serious Violence Reviews, newest first. Filter by coordinator `area`, `district` (reviews that draw
    it in), `status` and `overdue`. Analysts and the director see all; a coordinator sees the reviews
    that draw in one of their districts. Each page read is recorded in the audit log.

    Args:
        area (None | str | Unset): Coordinator area code.
        district (None | str | Unset): District code: reviews that draw in this district.
        status (None | ReviewStatus | Unset): Only reviews in this status.
        overdue (bool | None | Unset): `true`: only overdue reviews (open past `due_on`); `false`:
            only the others.
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
        PageReviewSummary | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            area=area,
            district=district,
            status=status,
            overdue=overdue,
            limit=limit,
            cursor=cursor,
            updated_since=updated_since,
        )
    ).parsed
