from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.json_web_key_set import JsonWebKeySet
from ...models.problem import Problem
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/.well-known/jwks.json",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> JsonWebKeySet | Problem | None:
    if response.status_code == 200:
        response_200 = JsonWebKeySet.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

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
) -> Response[JsonWebKeySet | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[JsonWebKeySet | Problem]:
    """Token verification keys (JWKS)

     The public keys that verify access tokens (RFC 7517): the active key and retired keys whose tokens
    may still be valid. Match a token's `kid` header; refetch when you meet an unknown `kid`. Cacheable
    (`Cache-Control: public, max-age=300`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[JsonWebKeySet | Problem]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> JsonWebKeySet | Problem | None:
    """Token verification keys (JWKS)

     The public keys that verify access tokens (RFC 7517): the active key and retired keys whose tokens
    may still be valid. Match a token's `kid` header; refetch when you meet an unknown `kid`. Cacheable
    (`Cache-Control: public, max-age=300`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        JsonWebKeySet | Problem
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[JsonWebKeySet | Problem]:
    """Token verification keys (JWKS)

     The public keys that verify access tokens (RFC 7517): the active key and retired keys whose tokens
    may still be valid. Match a token's `kid` header; refetch when you meet an unknown `kid`. Cacheable
    (`Cache-Control: public, max-age=300`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[JsonWebKeySet | Problem]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> JsonWebKeySet | Problem | None:
    """Token verification keys (JWKS)

     The public keys that verify access tokens (RFC 7517): the active key and retired keys whose tokens
    may still be valid. Match a token's `kid` header; refetch when you meet an unknown `kid`. Cacheable
    (`Cache-Control: public, max-age=300`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        JsonWebKeySet | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
