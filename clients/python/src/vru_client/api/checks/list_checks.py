from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_check_read import PageCheckRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    pack_id: None | Unset | UUID = UNSET,
    site_id: None | Unset | UUID = UNSET,
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

    json_site_id: str | Unset | None
    if isinstance(site_id, Unset):
        json_site_id = UNSET
    elif isinstance(site_id, UUID):
        json_site_id = str(site_id)
    else:
        json_site_id = site_id
    params["site_id"] = json_site_id

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
        "url": "/v1/checks",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageCheckRead | Problem | None:
    if response.status_code == 200:
        response_200 = PageCheckRead.from_dict(response.json())

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
) -> Response[PageCheckRead | Problem]:
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
    site_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageCheckRead | Problem]:
    """List checks

     Checks at sites you can see, newest first; filter by `pack_id` or `site_id`.

    Args:
        pack_id (None | Unset | UUID): Only checks of this pack.
        site_id (None | Unset | UUID): Only checks at this site.
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageCheckRead | Problem]
    """

    kwargs = _get_kwargs(
        pack_id=pack_id,
        site_id=site_id,
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
    site_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageCheckRead | Problem | None:
    """List checks

     Checks at sites you can see, newest first; filter by `pack_id` or `site_id`.

    Args:
        pack_id (None | Unset | UUID): Only checks of this pack.
        site_id (None | Unset | UUID): Only checks at this site.
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageCheckRead | Problem
    """

    return sync_detailed(
        client=client,
        pack_id=pack_id,
        site_id=site_id,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    pack_id: None | Unset | UUID = UNSET,
    site_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageCheckRead | Problem]:
    """List checks

     Checks at sites you can see, newest first; filter by `pack_id` or `site_id`.

    Args:
        pack_id (None | Unset | UUID): Only checks of this pack.
        site_id (None | Unset | UUID): Only checks at this site.
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageCheckRead | Problem]
    """

    kwargs = _get_kwargs(
        pack_id=pack_id,
        site_id=site_id,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    pack_id: None | Unset | UUID = UNSET,
    site_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageCheckRead | Problem | None:
    """List checks

     Checks at sites you can see, newest first; filter by `pack_id` or `site_id`.

    Args:
        pack_id (None | Unset | UUID): Only checks of this pack.
        site_id (None | Unset | UUID): Only checks at this site.
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageCheckRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            pack_id=pack_id,
            site_id=site_id,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
