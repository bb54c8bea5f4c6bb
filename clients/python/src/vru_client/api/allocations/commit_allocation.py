from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.allocation_read import AllocationRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    allocation_id: UUID,
    *,
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/allocations/{allocation_id}/commit".format(
            allocation_id=quote(str(allocation_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

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
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[AllocationRead | Problem]:
    """Commit an allocation

     Create a grant for each district's share (above £0.00) to the council hosting its Community Safety
    Unit, charged to the run's budget line, status `submitted` (approval still needs a second person),
    marked as a regrant. The pot must fit the budget line's available amount (409 `budget-exceeded`).
    Once only (409 `allocation-already-committed`). `If-Match` is checked when sent. Director or
    programme officer.

    Args:
        allocation_id (UUID): The allocation's id.
        if_match (None | str | Unset): The ETag from your last read of this record. Required, `*`
            is not enough; stale: 412.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AllocationRead | Problem]
    """

    kwargs = _get_kwargs(
        allocation_id=allocation_id,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    allocation_id: UUID,
    *,
    client: AuthenticatedClient,
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> AllocationRead | Problem | None:
    """Commit an allocation

     Create a grant for each district's share (above £0.00) to the council hosting its Community Safety
    Unit, charged to the run's budget line, status `submitted` (approval still needs a second person),
    marked as a regrant. The pot must fit the budget line's available amount (409 `budget-exceeded`).
    Once only (409 `allocation-already-committed`). `If-Match` is checked when sent. Director or
    programme officer.

    Args:
        allocation_id (UUID): The allocation's id.
        if_match (None | str | Unset): The ETag from your last read of this record. Required, `*`
            is not enough; stale: 412.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AllocationRead | Problem
    """

    return sync_detailed(
        allocation_id=allocation_id,
        client=client,
        if_match=if_match,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    allocation_id: UUID,
    *,
    client: AuthenticatedClient,
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[AllocationRead | Problem]:
    """Commit an allocation

     Create a grant for each district's share (above £0.00) to the council hosting its Community Safety
    Unit, charged to the run's budget line, status `submitted` (approval still needs a second person),
    marked as a regrant. The pot must fit the budget line's available amount (409 `budget-exceeded`).
    Once only (409 `allocation-already-committed`). `If-Match` is checked when sent. Director or
    programme officer.

    Args:
        allocation_id (UUID): The allocation's id.
        if_match (None | str | Unset): The ETag from your last read of this record. Required, `*`
            is not enough; stale: 412.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AllocationRead | Problem]
    """

    kwargs = _get_kwargs(
        allocation_id=allocation_id,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    allocation_id: UUID,
    *,
    client: AuthenticatedClient,
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> AllocationRead | Problem | None:
    """Commit an allocation

     Create a grant for each district's share (above £0.00) to the council hosting its Community Safety
    Unit, charged to the run's budget line, status `submitted` (approval still needs a second person),
    marked as a regrant. The pot must fit the budget line's available amount (409 `budget-exceeded`).
    Once only (409 `allocation-already-committed`). `If-Match` is checked when sent. Director or
    programme officer.

    Args:
        allocation_id (UUID): The allocation's id.
        if_match (None | str | Unset): The ETag from your last read of this record. Required, `*`
            is not enough; stale: 412.
        idempotency_key (str | Unset):

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
            if_match=if_match,
            idempotency_key=idempotency_key,
        )
    ).parsed
