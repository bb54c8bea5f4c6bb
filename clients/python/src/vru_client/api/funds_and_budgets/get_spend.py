from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.spend_read import SpendRead
from ...types import Response


def _get_kwargs(
    spend_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/spend/{spend_id}".format(
            spend_id=quote(str(spend_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | SpendRead | None:
    if response.status_code == 200:
        response_200 = SpendRead.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | SpendRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    spend_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | SpendRead]:
    """Get a spend record

     One spend record by id (the `Location` of a recorded spend).

    Args:
        spend_id (UUID): The spend record's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SpendRead]
    """

    kwargs = _get_kwargs(
        spend_id=spend_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    spend_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | SpendRead | None:
    """Get a spend record

     One spend record by id (the `Location` of a recorded spend).

    Args:
        spend_id (UUID): The spend record's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SpendRead
    """

    return sync_detailed(
        spend_id=spend_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    spend_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | SpendRead]:
    """Get a spend record

     One spend record by id (the `Location` of a recorded spend).

    Args:
        spend_id (UUID): The spend record's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SpendRead]
    """

    kwargs = _get_kwargs(
        spend_id=spend_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    spend_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | SpendRead | None:
    """Get a spend record

     One spend record by id (the `Location` of a recorded spend).

    Args:
        spend_id (UUID): The spend record's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SpendRead
    """

    return (
        await asyncio_detailed(
            spend_id=spend_id,
            client=client,
        )
    ).parsed
