from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.http_validation_error import HTTPValidationError
from ...models.problem import Problem
from ...models.revocation_list import RevocationList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    if_none_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["if-none-match"] = if_none_match

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/revocations",
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | HTTPValidationError | Problem | RevocationList | None:
    if response.status_code == 200:
        response_200 = RevocationList.from_dict(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 422:
        response_422 = HTTPValidationError.from_dict(response.json())

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
) -> Response[Any | HTTPValidationError | Problem | RevocationList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    if_none_match: None | str | Unset = UNSET,
) -> Response[Any | HTTPValidationError | Problem | RevocationList]:
    """Token revocations

     The subjects whose earlier access tokens no longer count, for the platform's services, which poll
    it (every `revocation_poll_seconds`, 15 s by default) and refuse a listed subject's token issued
    (`iat`) at or before
    its `not_before` with 401 `token-revoked`.

    A subject is listed when an administrator deactivates the person or API client, changes their roles,
    districts,
    agency or scopes, sets the person's password, or rotates the client's secret; it stays listed until
    every token that
    entry can refuse has expired (`retention_seconds`), so the list stays small. New tokens are issued
    after
    `not_before`: reactivating an account (or logging in with its new roles) gives tokens that work.

    Send the `ETag` of the list you hold in `If-None-Match`: 304 while nothing changed. The `service`
    role only.

    Args:
        if_none_match (None | str | Unset): The `ETag` of the list you hold: 304 with no body
            while it is still current.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | HTTPValidationError | Problem | RevocationList]
    """

    kwargs = _get_kwargs(
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    if_none_match: None | str | Unset = UNSET,
) -> Any | HTTPValidationError | Problem | RevocationList | None:
    """Token revocations

     The subjects whose earlier access tokens no longer count, for the platform's services, which poll
    it (every `revocation_poll_seconds`, 15 s by default) and refuse a listed subject's token issued
    (`iat`) at or before
    its `not_before` with 401 `token-revoked`.

    A subject is listed when an administrator deactivates the person or API client, changes their roles,
    districts,
    agency or scopes, sets the person's password, or rotates the client's secret; it stays listed until
    every token that
    entry can refuse has expired (`retention_seconds`), so the list stays small. New tokens are issued
    after
    `not_before`: reactivating an account (or logging in with its new roles) gives tokens that work.

    Send the `ETag` of the list you hold in `If-None-Match`: 304 while nothing changed. The `service`
    role only.

    Args:
        if_none_match (None | str | Unset): The `ETag` of the list you hold: 304 with no body
            while it is still current.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | HTTPValidationError | Problem | RevocationList
    """

    return sync_detailed(
        client=client,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    if_none_match: None | str | Unset = UNSET,
) -> Response[Any | HTTPValidationError | Problem | RevocationList]:
    """Token revocations

     The subjects whose earlier access tokens no longer count, for the platform's services, which poll
    it (every `revocation_poll_seconds`, 15 s by default) and refuse a listed subject's token issued
    (`iat`) at or before
    its `not_before` with 401 `token-revoked`.

    A subject is listed when an administrator deactivates the person or API client, changes their roles,
    districts,
    agency or scopes, sets the person's password, or rotates the client's secret; it stays listed until
    every token that
    entry can refuse has expired (`retention_seconds`), so the list stays small. New tokens are issued
    after
    `not_before`: reactivating an account (or logging in with its new roles) gives tokens that work.

    Send the `ETag` of the list you hold in `If-None-Match`: 304 while nothing changed. The `service`
    role only.

    Args:
        if_none_match (None | str | Unset): The `ETag` of the list you hold: 304 with no body
            while it is still current.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | HTTPValidationError | Problem | RevocationList]
    """

    kwargs = _get_kwargs(
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    if_none_match: None | str | Unset = UNSET,
) -> Any | HTTPValidationError | Problem | RevocationList | None:
    """Token revocations

     The subjects whose earlier access tokens no longer count, for the platform's services, which poll
    it (every `revocation_poll_seconds`, 15 s by default) and refuse a listed subject's token issued
    (`iat`) at or before
    its `not_before` with 401 `token-revoked`.

    A subject is listed when an administrator deactivates the person or API client, changes their roles,
    districts,
    agency or scopes, sets the person's password, or rotates the client's secret; it stays listed until
    every token that
    entry can refuse has expired (`retention_seconds`), so the list stays small. New tokens are issued
    after
    `not_before`: reactivating an account (or logging in with its new roles) gives tokens that work.

    Send the `ETag` of the list you hold in `If-None-Match`: 304 while nothing changed. The `service`
    role only.

    Args:
        if_none_match (None | str | Unset): The `ETag` of the list you hold: 304 with no body
            while it is still current.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | HTTPValidationError | Problem | RevocationList
    """

    return (
        await asyncio_detailed(
            client=client,
            if_none_match=if_none_match,
        )
    ).parsed
