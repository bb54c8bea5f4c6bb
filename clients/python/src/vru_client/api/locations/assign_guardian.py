from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.guardian_assign import GuardianAssign
from ...models.problem import Problem
from ...models.site_read import SiteRead
from ...types import Response


def _get_kwargs(
    site_id: UUID,
    subject: str,
    *,
    body: GuardianAssign,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/sites/{site_id}/guardians/{subject}".format(
            site_id=quote(str(site_id), safe=""),
            subject=quote(str(subject), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | SiteRead | None:
    if response.status_code == 200:
        response_200 = SiteRead.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = SiteRead.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | SiteRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    site_id: UUID,
    subject: str,
    *,
    client: AuthenticatedClient,
    body: GuardianAssign,
) -> Response[Problem | SiteRead]:
    """Assign a guardian to a site

     The person whose token `sub` is `subject` becomes a guardian of the site: they see it (with its lock
    code), log checks and report use there. `subject` is their person id, found by e-mail with the
    identity service's `GET /v1/guardians?email=…`; anyone who is not an active guardian there is 422
    `not-a-guardian` (503 while identity cannot say). `name` defaults to their display name. Repeating
    it only renames. Staff, or the district's CSP officers. 201 when newly assigned, 200 otherwise.

    Args:
        site_id (UUID): The site's id.
        subject (str): The guardian's person id: the `sub` of their access token.
        body (GuardianAssign):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SiteRead]
    """

    kwargs = _get_kwargs(
        site_id=site_id,
        subject=subject,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    site_id: UUID,
    subject: str,
    *,
    client: AuthenticatedClient,
    body: GuardianAssign,
) -> Problem | SiteRead | None:
    """Assign a guardian to a site

     The person whose token `sub` is `subject` becomes a guardian of the site: they see it (with its lock
    code), log checks and report use there. `subject` is their person id, found by e-mail with the
    identity service's `GET /v1/guardians?email=…`; anyone who is not an active guardian there is 422
    `not-a-guardian` (503 while identity cannot say). `name` defaults to their display name. Repeating
    it only renames. Staff, or the district's CSP officers. 201 when newly assigned, 200 otherwise.

    Args:
        site_id (UUID): The site's id.
        subject (str): The guardian's person id: the `sub` of their access token.
        body (GuardianAssign):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SiteRead
    """

    return sync_detailed(
        site_id=site_id,
        subject=subject,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    site_id: UUID,
    subject: str,
    *,
    client: AuthenticatedClient,
    body: GuardianAssign,
) -> Response[Problem | SiteRead]:
    """Assign a guardian to a site

     The person whose token `sub` is `subject` becomes a guardian of the site: they see it (with its lock
    code), log checks and report use there. `subject` is their person id, found by e-mail with the
    identity service's `GET /v1/guardians?email=…`; anyone who is not an active guardian there is 422
    `not-a-guardian` (503 while identity cannot say). `name` defaults to their display name. Repeating
    it only renames. Staff, or the district's CSP officers. 201 when newly assigned, 200 otherwise.

    Args:
        site_id (UUID): The site's id.
        subject (str): The guardian's person id: the `sub` of their access token.
        body (GuardianAssign):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SiteRead]
    """

    kwargs = _get_kwargs(
        site_id=site_id,
        subject=subject,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    site_id: UUID,
    subject: str,
    *,
    client: AuthenticatedClient,
    body: GuardianAssign,
) -> Problem | SiteRead | None:
    """Assign a guardian to a site

     The person whose token `sub` is `subject` becomes a guardian of the site: they see it (with its lock
    code), log checks and report use there. `subject` is their person id, found by e-mail with the
    identity service's `GET /v1/guardians?email=…`; anyone who is not an active guardian there is 422
    `not-a-guardian` (503 while identity cannot say). `name` defaults to their display name. Repeating
    it only renames. Staff, or the district's CSP officers. 201 when newly assigned, 200 otherwise.

    Args:
        site_id (UUID): The site's id.
        subject (str): The guardian's person id: the `sub` of their access token.
        body (GuardianAssign):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SiteRead
    """

    return (
        await asyncio_detailed(
            site_id=site_id,
            subject=subject,
            client=client,
            body=body,
        )
    ).parsed
