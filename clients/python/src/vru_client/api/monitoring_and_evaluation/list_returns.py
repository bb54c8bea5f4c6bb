from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_monitoring_return_read import PageMonitoringReturnRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    grant_id: None | Unset | UUID = UNSET,
    overdue: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_grant_id: str | Unset | None
    if isinstance(grant_id, Unset):
        json_grant_id = UNSET
    elif isinstance(grant_id, UUID):
        json_grant_id = str(grant_id)
    else:
        json_grant_id = grant_id
    params["grant_id"] = json_grant_id

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

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/monitoring-returns",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageMonitoringReturnRead | Problem | None:
    if response.status_code == 200:
        response_200 = PageMonitoringReturnRead.from_dict(response.json())

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
) -> Response[PageMonitoringReturnRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    grant_id: None | Unset | UUID = UNSET,
    overdue: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageMonitoringReturnRead | Problem]:
    """List monitoring returns

     Quarterly returns by due date. `overdue=true` lists those not submitted and past due; `grant_id` one
    grant's. A CSP officer sees the returns of grants serving their districts.

    Args:
        grant_id (None | Unset | UUID): Only this grant's returns.
        overdue (bool | None | Unset): `true`: only returns not submitted and past their due date;
            `false`: others.
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageMonitoringReturnRead | Problem]
    """

    kwargs = _get_kwargs(
        grant_id=grant_id,
        overdue=overdue,
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
    grant_id: None | Unset | UUID = UNSET,
    overdue: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageMonitoringReturnRead | Problem | None:
    """List monitoring returns

     Quarterly returns by due date. `overdue=true` lists those not submitted and past due; `grant_id` one
    grant's. A CSP officer sees the returns of grants serving their districts.

    Args:
        grant_id (None | Unset | UUID): Only this grant's returns.
        overdue (bool | None | Unset): `true`: only returns not submitted and past their due date;
            `false`: others.
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageMonitoringReturnRead | Problem
    """

    return sync_detailed(
        client=client,
        grant_id=grant_id,
        overdue=overdue,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    grant_id: None | Unset | UUID = UNSET,
    overdue: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageMonitoringReturnRead | Problem]:
    """List monitoring returns

     Quarterly returns by due date. `overdue=true` lists those not submitted and past due; `grant_id` one
    grant's. A CSP officer sees the returns of grants serving their districts.

    Args:
        grant_id (None | Unset | UUID): Only this grant's returns.
        overdue (bool | None | Unset): `true`: only returns not submitted and past their due date;
            `false`: others.
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageMonitoringReturnRead | Problem]
    """

    kwargs = _get_kwargs(
        grant_id=grant_id,
        overdue=overdue,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    grant_id: None | Unset | UUID = UNSET,
    overdue: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageMonitoringReturnRead | Problem | None:
    """List monitoring returns

     Quarterly returns by due date. `overdue=true` lists those not submitted and past due; `grant_id` one
    grant's. A CSP officer sees the returns of grants serving their districts.

    Args:
        grant_id (None | Unset | UUID): Only this grant's returns.
        overdue (bool | None | Unset): `true`: only returns not submitted and past their due date;
            `false`: others.
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageMonitoringReturnRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            grant_id=grant_id,
            overdue=overdue,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
