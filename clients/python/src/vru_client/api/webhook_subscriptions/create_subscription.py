from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.subscription_create import SubscriptionCreate
from ...models.subscription_created import SubscriptionCreated
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: SubscriptionCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/webhook-subscriptions",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | SubscriptionCreated | None:
    if response.status_code == 201:
        response_201 = SubscriptionCreated.from_dict(response.json())

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
) -> Response[Problem | SubscriptionCreated]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: SubscriptionCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | SubscriptionCreated]:
    """Subscribe to events

     A webhook endpoint for your agency (an administrator: for any agency, or the unit's own). The URL is
    checked: https only, and its host must resolve to public addresses (422 `webhook-url-not-https`,
    `webhook-target-not-public`, `webhook-host-unresolvable`, `webhook-url-invalid`). The answer carries
    the signing `secret` — shown only this once (`Cache-Control: no-store`: never kept for an
    `Idempotency-Key` replay). Retried with the same `Idempotency-Key`: 409 `webhook-subscription-
    already-created` with the subscription's `Location` (rotate its secret if the first answer was
    lost). The answer's `ETag` is the subscription's version.

    Args:
        idempotency_key (str | Unset):
        body (SubscriptionCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SubscriptionCreated]
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
    body: SubscriptionCreate,
    idempotency_key: str | Unset = UNSET,
) -> Problem | SubscriptionCreated | None:
    """Subscribe to events

     A webhook endpoint for your agency (an administrator: for any agency, or the unit's own). The URL is
    checked: https only, and its host must resolve to public addresses (422 `webhook-url-not-https`,
    `webhook-target-not-public`, `webhook-host-unresolvable`, `webhook-url-invalid`). The answer carries
    the signing `secret` — shown only this once (`Cache-Control: no-store`: never kept for an
    `Idempotency-Key` replay). Retried with the same `Idempotency-Key`: 409 `webhook-subscription-
    already-created` with the subscription's `Location` (rotate its secret if the first answer was
    lost). The answer's `ETag` is the subscription's version.

    Args:
        idempotency_key (str | Unset):
        body (SubscriptionCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SubscriptionCreated
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: SubscriptionCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | SubscriptionCreated]:
    """Subscribe to events

     A webhook endpoint for your agency (an administrator: for any agency, or the unit's own). The URL is
    checked: https only, and its host must resolve to public addresses (422 `webhook-url-not-https`,
    `webhook-target-not-public`, `webhook-host-unresolvable`, `webhook-url-invalid`). The answer carries
    the signing `secret` — shown only this once (`Cache-Control: no-store`: never kept for an
    `Idempotency-Key` replay). Retried with the same `Idempotency-Key`: 409 `webhook-subscription-
    already-created` with the subscription's `Location` (rotate its secret if the first answer was
    lost). The answer's `ETag` is the subscription's version.

    Args:
        idempotency_key (str | Unset):
        body (SubscriptionCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SubscriptionCreated]
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
    body: SubscriptionCreate,
    idempotency_key: str | Unset = UNSET,
) -> Problem | SubscriptionCreated | None:
    """Subscribe to events

     A webhook endpoint for your agency (an administrator: for any agency, or the unit's own). The URL is
    checked: https only, and its host must resolve to public addresses (422 `webhook-url-not-https`,
    `webhook-target-not-public`, `webhook-host-unresolvable`, `webhook-url-invalid`). The answer carries
    the signing `secret` — shown only this once (`Cache-Control: no-store`: never kept for an
    `Idempotency-Key` replay). Retried with the same `Idempotency-Key`: 409 `webhook-subscription-
    already-created` with the subscription's `Location` (rotate its secret if the first answer was
    lost). The answer's `ETag` is the subscription's version.

    Args:
        idempotency_key (str | Unset):
        body (SubscriptionCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SubscriptionCreated
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
