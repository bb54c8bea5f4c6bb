from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.client_secret_issued import ClientSecretIssued
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    client_uuid: UUID,
    *,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/clients/{client_uuid}/secret".format(
            client_uuid=quote(str(client_uuid), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ClientSecretIssued | Problem | None:
    if response.status_code == 200:
        response_200 = ClientSecretIssued.from_dict(response.json())

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
) -> Response[ClientSecretIssued | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    client_uuid: UUID,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> Response[ClientSecretIssued | Problem]:
    """Rotate an API client's secret

     Issue a new secret, shown this once; the old secret stops working immediately, and the tokens issued
    with it are revoked: every service refuses them (401 `token-revoked`) within its revocation poll
    interval (`GET /v1/revocations`). Admin only. The response holds a secret, which is never stored:
    `Idempotency-Key` is not honoured here (a retried create answers 409; read the client and rotate its
    secret instead).

    Args:
        client_uuid (UUID): The client's id (uuid, not `client_id`).
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClientSecretIssued | Problem]
    """

    kwargs = _get_kwargs(
        client_uuid=client_uuid,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    client_uuid: UUID,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> ClientSecretIssued | Problem | None:
    """Rotate an API client's secret

     Issue a new secret, shown this once; the old secret stops working immediately, and the tokens issued
    with it are revoked: every service refuses them (401 `token-revoked`) within its revocation poll
    interval (`GET /v1/revocations`). Admin only. The response holds a secret, which is never stored:
    `Idempotency-Key` is not honoured here (a retried create answers 409; read the client and rotate its
    secret instead).

    Args:
        client_uuid (UUID): The client's id (uuid, not `client_id`).
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClientSecretIssued | Problem
    """

    return sync_detailed(
        client_uuid=client_uuid,
        client=client,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    client_uuid: UUID,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> Response[ClientSecretIssued | Problem]:
    """Rotate an API client's secret

     Issue a new secret, shown this once; the old secret stops working immediately, and the tokens issued
    with it are revoked: every service refuses them (401 `token-revoked`) within its revocation poll
    interval (`GET /v1/revocations`). Admin only. The response holds a secret, which is never stored:
    `Idempotency-Key` is not honoured here (a retried create answers 409; read the client and rotate its
    secret instead).

    Args:
        client_uuid (UUID): The client's id (uuid, not `client_id`).
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClientSecretIssued | Problem]
    """

    kwargs = _get_kwargs(
        client_uuid=client_uuid,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    client_uuid: UUID,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> ClientSecretIssued | Problem | None:
    """Rotate an API client's secret

     Issue a new secret, shown this once; the old secret stops working immediately, and the tokens issued
    with it are revoked: every service refuses them (401 `token-revoked`) within its revocation poll
    interval (`GET /v1/revocations`). Admin only. The response holds a secret, which is never stored:
    `Idempotency-Key` is not honoured here (a retried create answers 409; read the client and rotate its
    secret instead).

    Args:
        client_uuid (UUID): The client's id (uuid, not `client_id`).
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClientSecretIssued | Problem
    """

    return (
        await asyncio_detailed(
            client_uuid=client_uuid,
            client=client,
            idempotency_key=idempotency_key,
        )
    ).parsed
