from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.secret_rotated import SecretRotated
from ...types import UNSET, Response, Unset


def _get_kwargs(
    subscription_id: UUID,
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
        "url": "/v1/webhook-subscriptions/{subscription_id}/secret".format(
            subscription_id=quote(str(subscription_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | SecretRotated | None:
    if response.status_code == 200:
        response_200 = SecretRotated.from_dict(response.json())

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

    if response.status_code == 428:
        response_428 = Problem.from_dict(response.json())

        return response_428

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
) -> Response[Problem | SecretRotated]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    subscription_id: UUID,
    *,
    client: AuthenticatedClient,
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | SecretRotated]:
    """Rotate the signing secret

     A new secret, shown only in this answer. For the overlap period (24 hours by default) each delivery
    carries two signatures in `webhook-signature`, the new secret's and the old one's, so a receiver can
    switch over without losing a delivery. `If-Match` is optional: when sent, a subscription changed
    since that read is not rotated (412), so a retry with the same `If-Match` cannot rotate twice (the
    answer is `Cache-Control: no-store`, never replayed for an `Idempotency-Key`). The answer's `ETag`
    is the subscription's new version.

    Args:
        subscription_id (UUID):
        if_match (None | str | Unset): Optional: the ETag from your last read of this
            subscription; when sent and stale, 412 and nothing is changed (`*` names no version: 428).
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SecretRotated]
    """

    kwargs = _get_kwargs(
        subscription_id=subscription_id,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    subscription_id: UUID,
    *,
    client: AuthenticatedClient,
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Problem | SecretRotated | None:
    """Rotate the signing secret

     A new secret, shown only in this answer. For the overlap period (24 hours by default) each delivery
    carries two signatures in `webhook-signature`, the new secret's and the old one's, so a receiver can
    switch over without losing a delivery. `If-Match` is optional: when sent, a subscription changed
    since that read is not rotated (412), so a retry with the same `If-Match` cannot rotate twice (the
    answer is `Cache-Control: no-store`, never replayed for an `Idempotency-Key`). The answer's `ETag`
    is the subscription's new version.

    Args:
        subscription_id (UUID):
        if_match (None | str | Unset): Optional: the ETag from your last read of this
            subscription; when sent and stale, 412 and nothing is changed (`*` names no version: 428).
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SecretRotated
    """

    return sync_detailed(
        subscription_id=subscription_id,
        client=client,
        if_match=if_match,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    subscription_id: UUID,
    *,
    client: AuthenticatedClient,
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | SecretRotated]:
    """Rotate the signing secret

     A new secret, shown only in this answer. For the overlap period (24 hours by default) each delivery
    carries two signatures in `webhook-signature`, the new secret's and the old one's, so a receiver can
    switch over without losing a delivery. `If-Match` is optional: when sent, a subscription changed
    since that read is not rotated (412), so a retry with the same `If-Match` cannot rotate twice (the
    answer is `Cache-Control: no-store`, never replayed for an `Idempotency-Key`). The answer's `ETag`
    is the subscription's new version.

    Args:
        subscription_id (UUID):
        if_match (None | str | Unset): Optional: the ETag from your last read of this
            subscription; when sent and stale, 412 and nothing is changed (`*` names no version: 428).
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SecretRotated]
    """

    kwargs = _get_kwargs(
        subscription_id=subscription_id,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    subscription_id: UUID,
    *,
    client: AuthenticatedClient,
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Problem | SecretRotated | None:
    """Rotate the signing secret

     A new secret, shown only in this answer. For the overlap period (24 hours by default) each delivery
    carries two signatures in `webhook-signature`, the new secret's and the old one's, so a receiver can
    switch over without losing a delivery. `If-Match` is optional: when sent, a subscription changed
    since that read is not rotated (412), so a retry with the same `If-Match` cannot rotate twice (the
    answer is `Cache-Control: no-store`, never replayed for an `Idempotency-Key`). The answer's `ETag`
    is the subscription's new version.

    Args:
        subscription_id (UUID):
        if_match (None | str | Unset): Optional: the ETag from your last read of this
            subscription; when sent and stale, 412 and nothing is changed (`*` names no version: 428).
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SecretRotated
    """

    return (
        await asyncio_detailed(
            subscription_id=subscription_id,
            client=client,
            if_match=if_match,
            idempotency_key=idempotency_key,
        )
    ).parsed
