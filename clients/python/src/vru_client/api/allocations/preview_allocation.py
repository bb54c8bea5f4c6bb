from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.allocation_create import AllocationCreate
from ...models.allocation_read import AllocationRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: AllocationCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/allocations",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AllocationRead | Problem | None:
    if response.status_code == 201:
        response_201 = AllocationRead.from_dict(response.json())

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
    *,
    client: AuthenticatedClient,
    body: AllocationCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[AllocationRead | Problem]:
    """Preview a formula allocation

     Split `pot_pence` across districts in proportion to a basis — the knife incidents in
    `period_from`–`period_to`, fetched from the referrals service, or `weights` given here — by the
    largest-remainder method in pence, with optional `floor_pence` and `cap_pence` per recipient. The
    answer shows, per district, the basis value, exact quota, whole pence, remainder, tie-break rank and
    final pence; they sum to the pot exactly. The run is stored as a `preview` with its inputs snapshot
    (the referrals answer as received) so it can be reproduced and explained; commit it to create the
    grants.

    If the referrals service is down, slow or answers oddly: **503** problem with `Retry-After`, and
    nothing is stored. Constraints that cannot be met (floors above the pot, caps below it, no incidents
    at all): 422 `allocation-infeasible`. Director or programme officer.

    Args:
        idempotency_key (str | Unset):
        body (AllocationCreate): What to split and by what. With `knife_incidents` the counts for
            `period_from`–`period_to` are fetched
            from the referrals service; with `weights` they are given here.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AllocationRead | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: AllocationCreate,
    idempotency_key: str | Unset = UNSET,
) -> AllocationRead | Problem | None:
    """Preview a formula allocation

     Split `pot_pence` across districts in proportion to a basis — the knife incidents in
    `period_from`–`period_to`, fetched from the referrals service, or `weights` given here — by the
    largest-remainder method in pence, with optional `floor_pence` and `cap_pence` per recipient. The
    answer shows, per district, the basis value, exact quota, whole pence, remainder, tie-break rank and
    final pence; they sum to the pot exactly. The run is stored as a `preview` with its inputs snapshot
    (the referrals answer as received) so it can be reproduced and explained; commit it to create the
    grants.

    If the referrals service is down, slow or answers oddly: **503** problem with `Retry-After`, and
    nothing is stored. Constraints that cannot be met (floors above the pot, caps below it, no incidents
    at all): 422 `allocation-infeasible`. Director or programme officer.

    Args:
        idempotency_key (str | Unset):
        body (AllocationCreate): What to split and by what. With `knife_incidents` the counts for
            `period_from`–`period_to` are fetched
            from the referrals service; with `weights` they are given here.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AllocationRead | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: AllocationCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[AllocationRead | Problem]:
    """Preview a formula allocation

     Split `pot_pence` across districts in proportion to a basis — the knife incidents in
    `period_from`–`period_to`, fetched from the referrals service, or `weights` given here — by the
    largest-remainder method in pence, with optional `floor_pence` and `cap_pence` per recipient. The
    answer shows, per district, the basis value, exact quota, whole pence, remainder, tie-break rank and
    final pence; they sum to the pot exactly. The run is stored as a `preview` with its inputs snapshot
    (the referrals answer as received) so it can be reproduced and explained; commit it to create the
    grants.

    If the referrals service is down, slow or answers oddly: **503** problem with `Retry-After`, and
    nothing is stored. Constraints that cannot be met (floors above the pot, caps below it, no incidents
    at all): 422 `allocation-infeasible`. Director or programme officer.

    Args:
        idempotency_key (str | Unset):
        body (AllocationCreate): What to split and by what. With `knife_incidents` the counts for
            `period_from`–`period_to` are fetched
            from the referrals service; with `weights` they are given here.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AllocationRead | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: AllocationCreate,
    idempotency_key: str | Unset = UNSET,
) -> AllocationRead | Problem | None:
    """Preview a formula allocation

     Split `pot_pence` across districts in proportion to a basis — the knife incidents in
    `period_from`–`period_to`, fetched from the referrals service, or `weights` given here — by the
    largest-remainder method in pence, with optional `floor_pence` and `cap_pence` per recipient. The
    answer shows, per district, the basis value, exact quota, whole pence, remainder, tie-break rank and
    final pence; they sum to the pot exactly. The run is stored as a `preview` with its inputs snapshot
    (the referrals answer as received) so it can be reproduced and explained; commit it to create the
    grants.

    If the referrals service is down, slow or answers oddly: **503** problem with `Retry-After`, and
    nothing is stored. Constraints that cannot be met (floors above the pot, caps below it, no incidents
    at all): 422 `allocation-infeasible`. Director or programme officer.

    Args:
        idempotency_key (str | Unset):
        body (AllocationCreate): What to split and by what. With `knife_incidents` the counts for
            `period_from`–`period_to` are fetched
            from the referrals service; with `weights` they are given here.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AllocationRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
