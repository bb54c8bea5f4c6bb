from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.project_provider_read import ProjectProviderRead
from ...types import Response


def _get_kwargs(
    code: str,
    project_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/partner-agencies/{code}/projects/{project_id}".format(
            code=quote(str(code), safe=""),
            project_id=quote(str(project_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ProjectProviderRead | None:
    if response.status_code == 200:
        response_200 = ProjectProviderRead.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = ProjectProviderRead.from_dict(response.json())

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
) -> Response[Problem | ProjectProviderRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    code: str,
    project_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | ProjectProviderRead]:
    """Record that a partner agency delivers a funded project

     The partner agency (a funded project's provider organisation, linked to its identity agency)
    delivers this funded project: its people and API clients (role `partner_agency`, that `agency` in
    their token) then list and read the referrals *sent* to the project — in the shared view, each read
    audited as a disclosure to the agency — and answer them (accept, reject, start, complete with an
    outcome). One provider per project: another's is 409 `project-provider-taken`. 201 the first time,
    200 when already recorded. Admins and analysts.

    Args:
        code (str):
        project_id (UUID): The funding service's project id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProjectProviderRead]
    """

    kwargs = _get_kwargs(
        code=code,
        project_id=project_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    code: str,
    project_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | ProjectProviderRead | None:
    """Record that a partner agency delivers a funded project

     The partner agency (a funded project's provider organisation, linked to its identity agency)
    delivers this funded project: its people and API clients (role `partner_agency`, that `agency` in
    their token) then list and read the referrals *sent* to the project — in the shared view, each read
    audited as a disclosure to the agency — and answer them (accept, reject, start, complete with an
    outcome). One provider per project: another's is 409 `project-provider-taken`. 201 the first time,
    200 when already recorded. Admins and analysts.

    Args:
        code (str):
        project_id (UUID): The funding service's project id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProjectProviderRead
    """

    return sync_detailed(
        code=code,
        project_id=project_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    code: str,
    project_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | ProjectProviderRead]:
    """Record that a partner agency delivers a funded project

     The partner agency (a funded project's provider organisation, linked to its identity agency)
    delivers this funded project: its people and API clients (role `partner_agency`, that `agency` in
    their token) then list and read the referrals *sent* to the project — in the shared view, each read
    audited as a disclosure to the agency — and answer them (accept, reject, start, complete with an
    outcome). One provider per project: another's is 409 `project-provider-taken`. 201 the first time,
    200 when already recorded. Admins and analysts.

    Args:
        code (str):
        project_id (UUID): The funding service's project id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProjectProviderRead]
    """

    kwargs = _get_kwargs(
        code=code,
        project_id=project_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    code: str,
    project_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | ProjectProviderRead | None:
    """Record that a partner agency delivers a funded project

     The partner agency (a funded project's provider organisation, linked to its identity agency)
    delivers this funded project: its people and API clients (role `partner_agency`, that `agency` in
    their token) then list and read the referrals *sent* to the project — in the shared view, each read
    audited as a disclosure to the agency — and answer them (accept, reject, start, complete with an
    outcome). One provider per project: another's is 409 `project-provider-taken`. 201 the first time,
    200 when already recorded. Admins and analysts.

    Args:
        code (str):
        project_id (UUID): The funding service's project id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProjectProviderRead
    """

    return (
        await asyncio_detailed(
            code=code,
            project_id=project_id,
            client=client,
        )
    ).parsed
