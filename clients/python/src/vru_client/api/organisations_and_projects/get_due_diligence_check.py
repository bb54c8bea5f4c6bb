from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.due_diligence_check_read import DueDiligenceCheckRead
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    organisation_id: UUID,
    check_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/organisations/{organisation_id}/due-diligence-checks/{check_id}".format(
            organisation_id=quote(str(organisation_id), safe=""),
            check_id=quote(str(check_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DueDiligenceCheckRead | Problem | None:
    if response.status_code == 200:
        response_200 = DueDiligenceCheckRead.from_dict(response.json())

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
) -> Response[DueDiligenceCheckRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    organisation_id: UUID,
    check_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[DueDiligenceCheckRead | Problem]:
    """Get a due-diligence check

     One recorded check (unknown: 404 `due-diligence-check-not-found`).

    Args:
        organisation_id (UUID): The organisation's id (not its org-id identifier).
        check_id (UUID): The due-diligence check's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DueDiligenceCheckRead | Problem]
    """

    kwargs = _get_kwargs(
        organisation_id=organisation_id,
        check_id=check_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    organisation_id: UUID,
    check_id: UUID,
    *,
    client: AuthenticatedClient,
) -> DueDiligenceCheckRead | Problem | None:
    """Get a due-diligence check

     One recorded check (unknown: 404 `due-diligence-check-not-found`).

    Args:
        organisation_id (UUID): The organisation's id (not its org-id identifier).
        check_id (UUID): The due-diligence check's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DueDiligenceCheckRead | Problem
    """

    return sync_detailed(
        organisation_id=organisation_id,
        check_id=check_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    organisation_id: UUID,
    check_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[DueDiligenceCheckRead | Problem]:
    """Get a due-diligence check

     One recorded check (unknown: 404 `due-diligence-check-not-found`).

    Args:
        organisation_id (UUID): The organisation's id (not its org-id identifier).
        check_id (UUID): The due-diligence check's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DueDiligenceCheckRead | Problem]
    """

    kwargs = _get_kwargs(
        organisation_id=organisation_id,
        check_id=check_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    organisation_id: UUID,
    check_id: UUID,
    *,
    client: AuthenticatedClient,
) -> DueDiligenceCheckRead | Problem | None:
    """Get a due-diligence check

     One recorded check (unknown: 404 `due-diligence-check-not-found`).

    Args:
        organisation_id (UUID): The organisation's id (not its org-id identifier).
        check_id (UUID): The due-diligence check's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DueDiligenceCheckRead | Problem
    """

    return (
        await asyncio_detailed(
            organisation_id=organisation_id,
            check_id=check_id,
            client=client,
        )
    ).parsed
