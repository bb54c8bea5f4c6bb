from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.movement_kind import MovementKind
from ...models.page_movement_read import PageMovementRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    pack_id: None | Unset | UUID = UNSET,
    location_id: None | Unset | UUID = UNSET,
    kind: MovementKind | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_pack_id: str | Unset | None
    if isinstance(pack_id, Unset):
        json_pack_id = UNSET
    elif isinstance(pack_id, UUID):
        json_pack_id = str(pack_id)
    else:
        json_pack_id = pack_id
    params["pack_id"] = json_pack_id

    json_location_id: str | Unset | None
    if isinstance(location_id, Unset):
        json_location_id = UNSET
    elif isinstance(location_id, UUID):
        json_location_id = str(location_id)
    else:
        json_location_id = location_id
    params["location_id"] = json_location_id

    json_kind: str | Unset | None
    if isinstance(kind, Unset):
        json_kind = UNSET
    elif isinstance(kind, MovementKind):
        json_kind = kind.value
    else:
        json_kind = kind
    params["kind"] = json_kind

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
        "url": "/v1/movements",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageMovementRead | Problem | None:
    if response.status_code == 200:
        response_200 = PageMovementRead.from_dict(response.json())

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
) -> Response[PageMovementRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    pack_id: None | Unset | UUID = UNSET,
    location_id: None | Unset | UUID = UNSET,
    kind: MovementKind | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageMovementRead | Problem]:
    """Read the movement ledger

     Ledger entries, newest first, that touch a location you can see. Filter by `pack_id`, `location_id`
    (into or out of it) and `kind`. Entries are never changed or deleted.

    Args:
        pack_id (None | Unset | UUID): Only this pack's movements.
        location_id (None | Unset | UUID): Only movements into or out of this location.
        kind (MovementKind | None | Unset): Only movements of this kind.
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageMovementRead | Problem]
    """

    kwargs = _get_kwargs(
        pack_id=pack_id,
        location_id=location_id,
        kind=kind,
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
    pack_id: None | Unset | UUID = UNSET,
    location_id: None | Unset | UUID = UNSET,
    kind: MovementKind | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageMovementRead | Problem | None:
    """Read the movement ledger

     Ledger entries, newest first, that touch a location you can see. Filter by `pack_id`, `location_id`
    (into or out of it) and `kind`. Entries are never changed or deleted.

    Args:
        pack_id (None | Unset | UUID): Only this pack's movements.
        location_id (None | Unset | UUID): Only movements into or out of this location.
        kind (MovementKind | None | Unset): Only movements of this kind.
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageMovementRead | Problem
    """

    return sync_detailed(
        client=client,
        pack_id=pack_id,
        location_id=location_id,
        kind=kind,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    pack_id: None | Unset | UUID = UNSET,
    location_id: None | Unset | UUID = UNSET,
    kind: MovementKind | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageMovementRead | Problem]:
    """Read the movement ledger

     Ledger entries, newest first, that touch a location you can see. Filter by `pack_id`, `location_id`
    (into or out of it) and `kind`. Entries are never changed or deleted.

    Args:
        pack_id (None | Unset | UUID): Only this pack's movements.
        location_id (None | Unset | UUID): Only movements into or out of this location.
        kind (MovementKind | None | Unset): Only movements of this kind.
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageMovementRead | Problem]
    """

    kwargs = _get_kwargs(
        pack_id=pack_id,
        location_id=location_id,
        kind=kind,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    pack_id: None | Unset | UUID = UNSET,
    location_id: None | Unset | UUID = UNSET,
    kind: MovementKind | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageMovementRead | Problem | None:
    """Read the movement ledger

     Ledger entries, newest first, that touch a location you can see. Filter by `pack_id`, `location_id`
    (into or out of it) and `kind`. Entries are never changed or deleted.

    Args:
        pack_id (None | Unset | UUID): Only this pack's movements.
        location_id (None | Unset | UUID): Only movements into or out of this location.
        kind (MovementKind | None | Unset): Only movements of this kind.
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageMovementRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            pack_id=pack_id,
            location_id=location_id,
            kind=kind,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
