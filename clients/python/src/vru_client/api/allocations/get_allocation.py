from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.allocation_read import AllocationRead
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    allocation_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/allocations/{allocation_id}".format(
            allocation_id=quote(str(allocation_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AllocationRead | Problem | None:
    if response.status_code == 200:
        response_200 = AllocationRead.from_dict(response.json())

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
) -> Response[AllocationRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    allocation_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[AllocationRead | Problem]:
    """Get an allocation

     One run with each recipient's figures as stored, and `reproducible`: whether recomputing from the
    stored inputs gives the same figures. A CSP officer sees only their districts' shares (404 when
    none).

    Args:
        allocation_id (UUID): The allocation's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AllocationRead | Problem]
    """

    kwargs = _get_kwargs(
        allocation_id=allocation_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    allocation_id: UUID,
    *,
    client: AuthenticatedClient,
) -> AllocationRead | Problem | None:
    """Get an allocation

     One run with each recipient's figures as stored, and `reproducible`: whether recomputing from the
    stored inputs gives the same figures. A CSP officer sees only their districts' shares (404 when
    none).

    Args:
        allocation_id (UUID): The allocation's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AllocationRead | Problem
    """

    return sync_detailed(
        allocation_id=allocation_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    allocation_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[AllocationRead | Problem]:
    """Get an allocation

     One run with each recipient's figures as stored, and `reproducible`: whether recomputing from the
    stored inputs gives the same figures. A CSP officer sees only their districts' shares (404 when
    none).

    Args:
        allocation_id (UUID): The allocation's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AllocationRead | Problem]
    """

    kwargs = _get_kwargs(
        allocation_id=allocation_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    allocation_id: UUID,
    *,
    client: AuthenticatedClient,
) -> AllocationRead | Problem | None:
    """Get an allocation

     One run with each recipient's figures as stored, and `reproducible`: whether recomputing from the
    stored inputs gives the same figures. A CSP officer sees only their districts' shares (404 when
    none).

    Args:
        allocation_id (UUID): The allocation's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AllocationRead | Problem
    """

    return (
        await asyncio_detailed(
            allocation_id=allocation_id,
            client=client,
        )
    ).parsed
