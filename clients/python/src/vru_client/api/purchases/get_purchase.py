from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.purchase_read import PurchaseRead
from ...types import Response


def _get_kwargs(
    purchase_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/purchases/{purchase_id}".format(
            purchase_id=quote(str(purchase_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | PurchaseRead | None:
    if response.status_code == 200:
        response_200 = PurchaseRead.from_dict(response.json())

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
) -> Response[Problem | PurchaseRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    purchase_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | PurchaseRead]:
    """Get a purchase

     One purchase with its component expiries and serial range. Staff.

    Args:
        purchase_id (UUID): The purchase's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | PurchaseRead]
    """

    kwargs = _get_kwargs(
        purchase_id=purchase_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    purchase_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | PurchaseRead | None:
    """Get a purchase

     One purchase with its component expiries and serial range. Staff.

    Args:
        purchase_id (UUID): The purchase's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | PurchaseRead
    """

    return sync_detailed(
        purchase_id=purchase_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    purchase_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | PurchaseRead]:
    """Get a purchase

     One purchase with its component expiries and serial range. Staff.

    Args:
        purchase_id (UUID): The purchase's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | PurchaseRead]
    """

    kwargs = _get_kwargs(
        purchase_id=purchase_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    purchase_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | PurchaseRead | None:
    """Get a purchase

     One purchase with its component expiries and serial range. Staff.

    Args:
        purchase_id (UUID): The purchase's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | PurchaseRead
    """

    return (
        await asyncio_detailed(
            purchase_id=purchase_id,
            client=client,
        )
    ).parsed
