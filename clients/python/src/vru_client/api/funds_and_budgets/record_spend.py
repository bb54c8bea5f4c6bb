from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.spend_create import SpendCreate
from ...models.spend_read import SpendRead
from ...types import UNSET, Response, Unset


def _get_kwargs(
    budget_line_id: UUID,
    *,
    body: SpendCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/budget-lines/{budget_line_id}/spend".format(
            budget_line_id=quote(str(budget_line_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | SpendRead | None:
    if response.status_code == 200:
        response_200 = SpendRead.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = SpendRead.from_dict(response.json())

        return response_201

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
    budget_line_id: UUID,
    *,
    client: AuthenticatedClient,
    body: SpendCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | SpendRead]:
    """Record spend against a budget line

     For other VRU services (the ETP inventory's pack purchases), the programme officer and the director.
    Idempotent twice over: `Idempotency-Key` replays the stored response, and (`source`,
    `source_reference`) is unique — a repeat with the same details answers **200** with the first
    record, with different details **409** `spend-conflict`. Spend counts against the line like awards:
    409 `budget-exceeded` when awarded + spent would pass the line's amount (also under concurrent
    requests). Unknown line: 404.

    Args:
        budget_line_id (UUID): The budget line's id.
        idempotency_key (str | Unset):
        body (SpendCreate): Spend against a budget line, recorded by another service. Idempotent
            on (source, source_reference).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SpendRead]
    """

    kwargs = _get_kwargs(
        budget_line_id=budget_line_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    budget_line_id: UUID,
    *,
    client: AuthenticatedClient,
    body: SpendCreate,
    idempotency_key: str | Unset = UNSET,
) -> Problem | SpendRead | None:
    """Record spend against a budget line

     For other VRU services (the ETP inventory's pack purchases), the programme officer and the director.
    Idempotent twice over: `Idempotency-Key` replays the stored response, and (`source`,
    `source_reference`) is unique — a repeat with the same details answers **200** with the first
    record, with different details **409** `spend-conflict`. Spend counts against the line like awards:
    409 `budget-exceeded` when awarded + spent would pass the line's amount (also under concurrent
    requests). Unknown line: 404.

    Args:
        budget_line_id (UUID): The budget line's id.
        idempotency_key (str | Unset):
        body (SpendCreate): Spend against a budget line, recorded by another service. Idempotent
            on (source, source_reference).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SpendRead
    """

    return sync_detailed(
        budget_line_id=budget_line_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    budget_line_id: UUID,
    *,
    client: AuthenticatedClient,
    body: SpendCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | SpendRead]:
    """Record spend against a budget line

     For other VRU services (the ETP inventory's pack purchases), the programme officer and the director.
    Idempotent twice over: `Idempotency-Key` replays the stored response, and (`source`,
    `source_reference`) is unique — a repeat with the same details answers **200** with the first
    record, with different details **409** `spend-conflict`. Spend counts against the line like awards:
    409 `budget-exceeded` when awarded + spent would pass the line's amount (also under concurrent
    requests). Unknown line: 404.

    Args:
        budget_line_id (UUID): The budget line's id.
        idempotency_key (str | Unset):
        body (SpendCreate): Spend against a budget line, recorded by another service. Idempotent
            on (source, source_reference).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SpendRead]
    """

    kwargs = _get_kwargs(
        budget_line_id=budget_line_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    budget_line_id: UUID,
    *,
    client: AuthenticatedClient,
    body: SpendCreate,
    idempotency_key: str | Unset = UNSET,
) -> Problem | SpendRead | None:
    """Record spend against a budget line

     For other VRU services (the ETP inventory's pack purchases), the programme officer and the director.
    Idempotent twice over: `Idempotency-Key` replays the stored response, and (`source`,
    `source_reference`) is unique — a repeat with the same details answers **200** with the first
    record, with different details **409** `spend-conflict`. Spend counts against the line like awards:
    409 `budget-exceeded` when awarded + spent would pass the line's amount (also under concurrent
    requests). Unknown line: 404.

    Args:
        budget_line_id (UUID): The budget line's id.
        idempotency_key (str | Unset):
        body (SpendCreate): Spend against a budget line, recorded by another service. Idempotent
            on (source, source_reference).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SpendRead
    """

    return (
        await asyncio_detailed(
            budget_line_id=budget_line_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
