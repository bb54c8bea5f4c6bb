from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_expiring_pack import PageExpiringPack
from ...models.problem import Problem
from ...models.window import Window
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    within_days: Window,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_within_days = within_days.value
    params["within_days"] = json_within_days

    params["limit"] = limit

    json_cursor: str | Unset | None
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/alerts/expiring",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageExpiringPack | Problem | None:
    if response.status_code == 200:
        response_200 = PageExpiringPack.from_dict(response.json())

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
) -> Response[PageExpiringPack | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    within_days: Window,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageExpiringPack | Problem]:
    """Packs expiring soon

     Packs in stock (store, CSPs and sites) that expire within `within_days` (30, 60 or 90), soonest
    first, expired ones included (`expired: true`): replace their expiring component or write them off.

    Args:
        within_days (Window):
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageExpiringPack | Problem]
    """

    kwargs = _get_kwargs(
        within_days=within_days,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    within_days: Window,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageExpiringPack | Problem | None:
    """Packs expiring soon

     Packs in stock (store, CSPs and sites) that expire within `within_days` (30, 60 or 90), soonest
    first, expired ones included (`expired: true`): replace their expiring component or write them off.

    Args:
        within_days (Window):
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageExpiringPack | Problem
    """

    return sync_detailed(
        client=client,
        within_days=within_days,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    within_days: Window,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageExpiringPack | Problem]:
    """Packs expiring soon

     Packs in stock (store, CSPs and sites) that expire within `within_days` (30, 60 or 90), soonest
    first, expired ones included (`expired: true`): replace their expiring component or write them off.

    Args:
        within_days (Window):
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageExpiringPack | Problem]
    """

    kwargs = _get_kwargs(
        within_days=within_days,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    within_days: Window,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageExpiringPack | Problem | None:
    """Packs expiring soon

     Packs in stock (store, CSPs and sites) that expire within `within_days` (30, 60 or 90), soonest
    first, expired ones included (`expired: true`): replace their expiring component or write them off.

    Args:
        within_days (Window):
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageExpiringPack | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            within_days=within_days,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
