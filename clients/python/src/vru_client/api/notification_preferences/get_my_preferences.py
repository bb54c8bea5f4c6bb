from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.preferences_read import PreferencesRead
from ...models.problem import Problem
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/notification-preferences/me",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PreferencesRead | Problem | None:
    if response.status_code == 200:
        response_200 = PreferencesRead.from_dict(response.json())

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
) -> Response[PreferencesRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[PreferencesRead | Problem]:
    """Your notification preferences

     Per kind of notice your roles receive: e-mail on or off, SMS on or off (defaults: e-mail on, SMS
    off), and the mobile number SMS go to. Signed-in people only (an API client: 403 `forbidden`). A
    person another issuer signed in (not an identity person) sees the defaults, with `person_id` null.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PreferencesRead | Problem]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> PreferencesRead | Problem | None:
    """Your notification preferences

     Per kind of notice your roles receive: e-mail on or off, SMS on or off (defaults: e-mail on, SMS
    off), and the mobile number SMS go to. Signed-in people only (an API client: 403 `forbidden`). A
    person another issuer signed in (not an identity person) sees the defaults, with `person_id` null.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PreferencesRead | Problem
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[PreferencesRead | Problem]:
    """Your notification preferences

     Per kind of notice your roles receive: e-mail on or off, SMS on or off (defaults: e-mail on, SMS
    off), and the mobile number SMS go to. Signed-in people only (an API client: 403 `forbidden`). A
    person another issuer signed in (not an identity person) sees the defaults, with `person_id` null.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PreferencesRead | Problem]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> PreferencesRead | Problem | None:
    """Your notification preferences

     Per kind of notice your roles receive: e-mail on or off, SMS on or off (defaults: e-mail on, SMS
    off), and the mobile number SMS go to. Signed-in people only (an API client: 403 `forbidden`). A
    person another issuer signed in (not an identity person) sees the defaults, with `person_id` null.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PreferencesRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
