from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.preferences_read import PreferencesRead
from ...models.preferences_update import PreferencesUpdate
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: PreferencesUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/notification-preferences/me",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
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

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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
    body: PreferencesUpdate,
) -> Response[PreferencesRead | Problem]:
    """Set your notification preferences

     Your mobile number (a UK mobile, `07…` or `+447…`; null: none) and your choices for the kinds you
    list (the others keep theirs). SMS on for any kind needs a mobile number (422 `mobile-number-
    required`); a kind listed twice is 422 `notice-kind-repeated`; a person who is not an identity
    person (another issuer's): 404 `notification-person-unknown`. Never a young person's details:
    notices carry a link only.

    Args:
        body (PreferencesUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PreferencesRead | Problem]
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
    body: PreferencesUpdate,
) -> PreferencesRead | Problem | None:
    """Set your notification preferences

     Your mobile number (a UK mobile, `07…` or `+447…`; null: none) and your choices for the kinds you
    list (the others keep theirs). SMS on for any kind needs a mobile number (422 `mobile-number-
    required`); a kind listed twice is 422 `notice-kind-repeated`; a person who is not an identity
    person (another issuer's): 404 `notification-person-unknown`. Never a young person's details:
    notices carry a link only.

    Args:
        body (PreferencesUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PreferencesRead | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: PreferencesUpdate,
) -> Response[PreferencesRead | Problem]:
    """Set your notification preferences

     Your mobile number (a UK mobile, `07…` or `+447…`; null: none) and your choices for the kinds you
    list (the others keep theirs). SMS on for any kind needs a mobile number (422 `mobile-number-
    required`); a kind listed twice is 422 `notice-kind-repeated`; a person who is not an identity
    person (another issuer's): 404 `notification-person-unknown`. Never a young person's details:
    notices carry a link only.

    Args:
        body (PreferencesUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PreferencesRead | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: PreferencesUpdate,
) -> PreferencesRead | Problem | None:
    """Set your notification preferences

     Your mobile number (a UK mobile, `07…` or `+447…`; null: none) and your choices for the kinds you
    list (the others keep theirs). SMS on for any kind needs a mobile number (422 `mobile-number-
    required`); a kind listed twice is 422 `notice-kind-repeated`; a person who is not an identity
    person (another issuer's): 404 `notification-person-unknown`. Never a young person's details:
    notices carry a link only.

    Args:
        body (PreferencesUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PreferencesRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
