from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.intervention_create import InterventionCreate
from ...models.intervention_read import InterventionRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    plan_id: UUID,
    *,
    body: InterventionCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/support-plans/{plan_id}/interventions".format(
            plan_id=quote(str(plan_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> InterventionRead | Problem | None:
    if response.status_code == 201:
        response_201 = InterventionRead.from_dict(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[InterventionRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    plan_id: UUID,
    *,
    client: AuthenticatedClient,
    body: InterventionCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[InterventionRead | Problem]:
    """Add an intervention

     An intervention agreed for the young person: electronic tag, NRM submission, education re-
    engagement, substance-misuse support, diversionary activity, … with provider and dates. An outcome
    is required to record it completed or stopped. Returns the new intervention with its `Location` and
    `ETag`; the plan's own ETag moves on too (read the plan again before changing it).

    Args:
        plan_id (UUID): The support plan's id.
        idempotency_key (str | Unset):
        body (InterventionCreate): An intervention agreed for the young person. `provider`
            defaults to the provider agency's name.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InterventionRead | Problem]
    """

    kwargs = _get_kwargs(
        plan_id=plan_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    plan_id: UUID,
    *,
    client: AuthenticatedClient,
    body: InterventionCreate,
    idempotency_key: str | Unset = UNSET,
) -> InterventionRead | Problem | None:
    """Add an intervention

     An intervention agreed for the young person: electronic tag, NRM submission, education re-
    engagement, substance-misuse support, diversionary activity, … with provider and dates. An outcome
    is required to record it completed or stopped. Returns the new intervention with its `Location` and
    `ETag`; the plan's own ETag moves on too (read the plan again before changing it).

    Args:
        plan_id (UUID): The support plan's id.
        idempotency_key (str | Unset):
        body (InterventionCreate): An intervention agreed for the young person. `provider`
            defaults to the provider agency's name.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InterventionRead | Problem
    """

    return sync_detailed(
        plan_id=plan_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    plan_id: UUID,
    *,
    client: AuthenticatedClient,
    body: InterventionCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[InterventionRead | Problem]:
    """Add an intervention

     An intervention agreed for the young person: electronic tag, NRM submission, education re-
    engagement, substance-misuse support, diversionary activity, … with provider and dates. An outcome
    is required to record it completed or stopped. Returns the new intervention with its `Location` and
    `ETag`; the plan's own ETag moves on too (read the plan again before changing it).

    Args:
        plan_id (UUID): The support plan's id.
        idempotency_key (str | Unset):
        body (InterventionCreate): An intervention agreed for the young person. `provider`
            defaults to the provider agency's name.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InterventionRead | Problem]
    """

    kwargs = _get_kwargs(
        plan_id=plan_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    plan_id: UUID,
    *,
    client: AuthenticatedClient,
    body: InterventionCreate,
    idempotency_key: str | Unset = UNSET,
) -> InterventionRead | Problem | None:
    """Add an intervention

     An intervention agreed for the young person: electronic tag, NRM submission, education re-
    engagement, substance-misuse support, diversionary activity, … with provider and dates. An outcome
    is required to record it completed or stopped. Returns the new intervention with its `Location` and
    `ETag`; the plan's own ETag moves on too (read the plan again before changing it).

    Args:
        plan_id (UUID): The support plan's id.
        idempotency_key (str | Unset):
        body (InterventionCreate): An intervention agreed for the young person. `provider`
            defaults to the provider agency's name.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InterventionRead | Problem
    """

    return (
        await asyncio_detailed(
            plan_id=plan_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
