from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.token_request import TokenRequest
from ...models.token_response import TokenResponse
from ...types import Response


def _get_kwargs(
    *,
    body: TokenRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/oauth/token",
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | TokenResponse | None:
    if response.status_code == 200:
        response_200 = TokenResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

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
) -> Response[Problem | TokenResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: TokenRequest,
) -> Response[Problem | TokenResponse]:
    """Get an access token

     OAuth 2.0 token endpoint (RFC 6749), `application/x-www-form-urlencoded`.

    * **Client credentials** (`grant_type=client_credentials`) for systems: authenticate with HTTP Basic
      (`client_id:client_secret`) or the `client_id` and `client_secret` form fields. An optional
    `scope`
      narrows the token to a subset of the client's scopes.
    * **Password** (`grant_type=password`, `username` = e-mail, `password`) for people, where enabled.
      Client credentials are optional here; when sent, they must be right (else 401 `invalid_client`).
      A wrong password and an unknown e-mail get the same answer. Failures are throttled per account and
      address, never by locking the account: each failure answers after a doubling delay (at most 4 s),
    and
      more than 4 attempts at once from one address on one account are refused with 429 + `Retry-After`.
      The right password is never delayed.
    * Overload: more logins at once than the service can check are refused at once with 503 + `Retry-
    After`.

    The answer is an ES256 JWT valid for 15 minutes (`expires_in`). There is no refresh token: ask
    again.
    Errors are RFC 9457 problems with the RFC 6749 code in `error`.

    Args:
        body (TokenRequest): The token request (RFC 6749 §4.3, §4.4), form-encoded. Parameters
            this endpoint does not know are
            ignored, as RFC 6749 §3.2 requires.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TokenResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: TokenRequest,
) -> Problem | TokenResponse | None:
    """Get an access token

     OAuth 2.0 token endpoint (RFC 6749), `application/x-www-form-urlencoded`.

    * **Client credentials** (`grant_type=client_credentials`) for systems: authenticate with HTTP Basic
      (`client_id:client_secret`) or the `client_id` and `client_secret` form fields. An optional
    `scope`
      narrows the token to a subset of the client's scopes.
    * **Password** (`grant_type=password`, `username` = e-mail, `password`) for people, where enabled.
      Client credentials are optional here; when sent, they must be right (else 401 `invalid_client`).
      A wrong password and an unknown e-mail get the same answer. Failures are throttled per account and
      address, never by locking the account: each failure answers after a doubling delay (at most 4 s),
    and
      more than 4 attempts at once from one address on one account are refused with 429 + `Retry-After`.
      The right password is never delayed.
    * Overload: more logins at once than the service can check are refused at once with 503 + `Retry-
    After`.

    The answer is an ES256 JWT valid for 15 minutes (`expires_in`). There is no refresh token: ask
    again.
    Errors are RFC 9457 problems with the RFC 6749 code in `error`.

    Args:
        body (TokenRequest): The token request (RFC 6749 §4.3, §4.4), form-encoded. Parameters
            this endpoint does not know are
            ignored, as RFC 6749 §3.2 requires.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TokenResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: TokenRequest,
) -> Response[Problem | TokenResponse]:
    """Get an access token

     OAuth 2.0 token endpoint (RFC 6749), `application/x-www-form-urlencoded`.

    * **Client credentials** (`grant_type=client_credentials`) for systems: authenticate with HTTP Basic
      (`client_id:client_secret`) or the `client_id` and `client_secret` form fields. An optional
    `scope`
      narrows the token to a subset of the client's scopes.
    * **Password** (`grant_type=password`, `username` = e-mail, `password`) for people, where enabled.
      Client credentials are optional here; when sent, they must be right (else 401 `invalid_client`).
      A wrong password and an unknown e-mail get the same answer. Failures are throttled per account and
      address, never by locking the account: each failure answers after a doubling delay (at most 4 s),
    and
      more than 4 attempts at once from one address on one account are refused with 429 + `Retry-After`.
      The right password is never delayed.
    * Overload: more logins at once than the service can check are refused at once with 503 + `Retry-
    After`.

    The answer is an ES256 JWT valid for 15 minutes (`expires_in`). There is no refresh token: ask
    again.
    Errors are RFC 9457 problems with the RFC 6749 code in `error`.

    Args:
        body (TokenRequest): The token request (RFC 6749 §4.3, §4.4), form-encoded. Parameters
            this endpoint does not know are
            ignored, as RFC 6749 §3.2 requires.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TokenResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: TokenRequest,
) -> Problem | TokenResponse | None:
    """Get an access token

     OAuth 2.0 token endpoint (RFC 6749), `application/x-www-form-urlencoded`.

    * **Client credentials** (`grant_type=client_credentials`) for systems: authenticate with HTTP Basic
      (`client_id:client_secret`) or the `client_id` and `client_secret` form fields. An optional
    `scope`
      narrows the token to a subset of the client's scopes.
    * **Password** (`grant_type=password`, `username` = e-mail, `password`) for people, where enabled.
      Client credentials are optional here; when sent, they must be right (else 401 `invalid_client`).
      A wrong password and an unknown e-mail get the same answer. Failures are throttled per account and
      address, never by locking the account: each failure answers after a doubling delay (at most 4 s),
    and
      more than 4 attempts at once from one address on one account are refused with 429 + `Retry-After`.
      The right password is never delayed.
    * Overload: more logins at once than the service can check are refused at once with 503 + `Retry-
    After`.

    The answer is an ES256 JWT valid for 15 minutes (`expires_in`). There is no refresh token: ask
    again.
    Errors are RFC 9457 problems with the RFC 6749 code in `error`.

    Args:
        body (TokenRequest): The token request (RFC 6749 §4.3, §4.4), form-encoded. Parameters
            this endpoint does not know are
            ignored, as RFC 6749 §3.2 requires.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TokenResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
