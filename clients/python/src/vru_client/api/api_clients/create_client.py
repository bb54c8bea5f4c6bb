from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_client_create import ApiClientCreate
from ...models.api_client_created import ApiClientCreated
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ApiClientCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/clients",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApiClientCreated | Problem | None:
    if response.status_code == 201:
        response_201 = ApiClientCreated.from_dict(response.json())

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
) -> Response[ApiClientCreated | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ApiClientCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[ApiClientCreated | Problem]:
    """Register an API client

     Register a system that calls the API with OAuth2 client credentials. The response carries the client
    secret: it is shown this once and only its argon2id hash is kept. Admin only. The response holds a
    secret, which is never stored: `Idempotency-Key` is not honoured here (a retried create answers 409;
    read the client and rotate its secret instead).

    Args:
        idempotency_key (str | Unset):
        body (ApiClientCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiClientCreated | Problem]
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
    body: ApiClientCreate,
    idempotency_key: str | Unset = UNSET,
) -> ApiClientCreated | Problem | None:
    """Register an API client

     Register a system that calls the API with OAuth2 client credentials. The response carries the client
    secret: it is shown this once and only its argon2id hash is kept. Admin only. The response holds a
    secret, which is never stored: `Idempotency-Key` is not honoured here (a retried create answers 409;
    read the client and rotate its secret instead).

    Args:
        idempotency_key (str | Unset):
        body (ApiClientCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiClientCreated | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ApiClientCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[ApiClientCreated | Problem]:
    """Register an API client

     Register a system that calls the API with OAuth2 client credentials. The response carries the client
    secret: it is shown this once and only its argon2id hash is kept. Admin only. The response holds a
    secret, which is never stored: `Idempotency-Key` is not honoured here (a retried create answers 409;
    read the client and rotate its secret instead).

    Args:
        idempotency_key (str | Unset):
        body (ApiClientCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiClientCreated | Problem]
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
    body: ApiClientCreate,
    idempotency_key: str | Unset = UNSET,
) -> ApiClientCreated | Problem | None:
    """Register an API client

     Register a system that calls the API with OAuth2 client credentials. The response carries the client
    secret: it is shown this once and only its argon2id hash is kept. Admin only. The response holds a
    secret, which is never stored: `Idempotency-Key` is not honoured here (a retried create answers 409;
    read the client and rotate its secret instead).

    Args:
        idempotency_key (str | Unset):
        body (ApiClientCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiClientCreated | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
