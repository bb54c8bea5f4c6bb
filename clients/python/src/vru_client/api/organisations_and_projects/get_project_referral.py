from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.project_referral_read import ProjectReferralRead
from ...types import Response


def _get_kwargs(
    project_id: UUID,
    referral_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/projects/{project_id}/referrals/{referral_id}".format(
            project_id=quote(str(project_id), safe=""),
            referral_id=quote(str(referral_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ProjectReferralRead | None:
    if response.status_code == 200:
        response_200 = ProjectReferralRead.from_dict(response.json())

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
) -> Response[Problem | ProjectReferralRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    project_id: UUID,
    referral_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | ProjectReferralRead]:
    """Get a counted referral

     Whether the referrals service's referral `referral_id` is counted for the project, and where.

    Args:
        project_id (UUID): The project's id.
        referral_id (UUID): The referrals service's id of the referral.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProjectReferralRead]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        referral_id=referral_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    project_id: UUID,
    referral_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | ProjectReferralRead | None:
    """Get a counted referral

     Whether the referrals service's referral `referral_id` is counted for the project, and where.

    Args:
        project_id (UUID): The project's id.
        referral_id (UUID): The referrals service's id of the referral.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProjectReferralRead
    """

    return sync_detailed(
        project_id=project_id,
        referral_id=referral_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    project_id: UUID,
    referral_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | ProjectReferralRead]:
    """Get a counted referral

     Whether the referrals service's referral `referral_id` is counted for the project, and where.

    Args:
        project_id (UUID): The project's id.
        referral_id (UUID): The referrals service's id of the referral.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProjectReferralRead]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        referral_id=referral_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    project_id: UUID,
    referral_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | ProjectReferralRead | None:
    """Get a counted referral

     Whether the referrals service's referral `referral_id` is counted for the project, and where.

    Args:
        project_id (UUID): The project's id.
        referral_id (UUID): The referrals service's id of the referral.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProjectReferralRead
    """

    return (
        await asyncio_detailed(
            project_id=project_id,
            referral_id=referral_id,
            client=client,
        )
    ).parsed
