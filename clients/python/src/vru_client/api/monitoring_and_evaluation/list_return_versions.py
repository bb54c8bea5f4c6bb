from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_monitoring_return_version_read import PageMonitoringReturnVersionRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    return_id: UUID,
    *,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

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
        "url": "/v1/monitoring-returns/{return_id}/versions".format(
            return_id=quote(str(return_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageMonitoringReturnVersionRead | Problem | None:
    if response.status_code == 200:
        response_200 = PageMonitoringReturnVersionRead.from_dict(response.json())

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

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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
) -> Response[PageMonitoringReturnVersionRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    return_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageMonitoringReturnVersionRead | Problem]:
    """List the versions of a monitoring return's figures

     The submission (version 1) and each amendment (with its reason), oldest first: who recorded each and
    when. Readable by whoever may read the return (a CSP officer: returns of grants serving their
    districts).

    Args:
        return_id (UUID): The monitoring return's id.
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageMonitoringReturnVersionRead | Problem]
    """

    kwargs = _get_kwargs(
        return_id=return_id,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    return_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageMonitoringReturnVersionRead | Problem | None:
    """List the versions of a monitoring return's figures

     The submission (version 1) and each amendment (with its reason), oldest first: who recorded each and
    when. Readable by whoever may read the return (a CSP officer: returns of grants serving their
    districts).

    Args:
        return_id (UUID): The monitoring return's id.
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageMonitoringReturnVersionRead | Problem
    """

    return sync_detailed(
        return_id=return_id,
        client=client,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    return_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageMonitoringReturnVersionRead | Problem]:
    """List the versions of a monitoring return's figures

     The submission (version 1) and each amendment (with its reason), oldest first: who recorded each and
    when. Readable by whoever may read the return (a CSP officer: returns of grants serving their
    districts).

    Args:
        return_id (UUID): The monitoring return's id.
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageMonitoringReturnVersionRead | Problem]
    """

    kwargs = _get_kwargs(
        return_id=return_id,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    return_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageMonitoringReturnVersionRead | Problem | None:
    """List the versions of a monitoring return's figures

     The submission (version 1) and each amendment (with its reason), oldest first: who recorded each and
    when. Readable by whoever may read the return (a CSP officer: returns of grants serving their
    districts).

    Args:
        return_id (UUID): The monitoring return's id.
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageMonitoringReturnVersionRead | Problem
    """

    return (
        await asyncio_detailed(
            return_id=return_id,
            client=client,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
