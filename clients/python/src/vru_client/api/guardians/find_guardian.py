from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_guardian_read import PageGuardianRead
from ...models.problem import Problem
from ...types import UNSET, Response


def _get_kwargs(
    *,
    email: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["email"] = email

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/guardians",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageGuardianRead | Problem | None:
    if response.status_code == 200:
        response_200 = PageGuardianRead.from_dict(response.json())

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
) -> Response[PageGuardianRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    email: str,
) -> Response[PageGuardianRead | Problem]:
    """Look a guardian up by e-mail

     The active person holding the `guardian` role with exactly this e-mail, as a list of none or one:
    how a CSP officer finds the person id to make someone the guardian of a pack site (`PUT
    /v1/sites/{site_id}/guardians/{subject}`). A look-up, not a directory: the e-mail is required.
    Admin, director, programme officer, CSP officer, the platform's services.

    Args:
        email (str): The guardian's e-mail address, exactly (compared case-insensitively).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageGuardianRead | Problem]
    """

    kwargs = _get_kwargs(
        email=email,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    email: str,
) -> PageGuardianRead | Problem | None:
    """Look a guardian up by e-mail

     The active person holding the `guardian` role with exactly this e-mail, as a list of none or one:
    how a CSP officer finds the person id to make someone the guardian of a pack site (`PUT
    /v1/sites/{site_id}/guardians/{subject}`). A look-up, not a directory: the e-mail is required.
    Admin, director, programme officer, CSP officer, the platform's services.

    Args:
        email (str): The guardian's e-mail address, exactly (compared case-insensitively).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageGuardianRead | Problem
    """

    return sync_detailed(
        client=client,
        email=email,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    email: str,
) -> Response[PageGuardianRead | Problem]:
    """Look a guardian up by e-mail

     The active person holding the `guardian` role with exactly this e-mail, as a list of none or one:
    how a CSP officer finds the person id to make someone the guardian of a pack site (`PUT
    /v1/sites/{site_id}/guardians/{subject}`). A look-up, not a directory: the e-mail is required.
    Admin, director, programme officer, CSP officer, the platform's services.

    Args:
        email (str): The guardian's e-mail address, exactly (compared case-insensitively).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageGuardianRead | Problem]
    """

    kwargs = _get_kwargs(
        email=email,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    email: str,
) -> PageGuardianRead | Problem | None:
    """Look a guardian up by e-mail

     The active person holding the `guardian` role with exactly this e-mail, as a list of none or one:
    how a CSP officer finds the person id to make someone the guardian of a pack site (`PUT
    /v1/sites/{site_id}/guardians/{subject}`). A look-up, not a directory: the e-mail is required.
    Admin, director, programme officer, CSP officer, the platform's services.

    Args:
        email (str): The guardian's e-mail address, exactly (compared case-insensitively).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageGuardianRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            email=email,
        )
    ).parsed
