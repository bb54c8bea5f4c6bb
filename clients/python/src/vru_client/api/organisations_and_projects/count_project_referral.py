from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.project_referral_create import ProjectReferralCreate
from ...models.project_referral_read import ProjectReferralRead
from ...types import UNSET, Response, Unset


def _get_kwargs(
    project_id: UUID,
    *,
    body: ProjectReferralCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/projects/{project_id}/referrals".format(
            project_id=quote(str(project_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ProjectReferralRead | None:
    if response.status_code == 200:
        response_200 = ProjectReferralRead.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = ProjectReferralRead.from_dict(response.json())

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
) -> Response[Problem | ProjectReferralRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    project_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ProjectReferralCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | ProjectReferralRead]:
    """Count a referral the project accepted

     For the referrals service: a young person referred to this project was accepted — one more person
    receiving a service, counted into the funding grant's figures (`people_referred` on the grant and on
    its monitoring return for the quarter of `accepted_at`, when it has one). Idempotent twice over:
    `Idempotency-Key` replays the stored response, and the referral id is unique — a repeat for the same
    project answers **200** with the first record, for another project **409** `project-referral-
    conflict`. Unknown project 404; a project no awarded grant funds 409 `project-not-funded`. Service
    role only.

    Args:
        project_id (UUID): The project's id.
        idempotency_key (str | Unset):
        body (ProjectReferralCreate): A referral the project accepted, reported by the referrals
            service.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProjectReferralRead]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    project_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ProjectReferralCreate,
    idempotency_key: str | Unset = UNSET,
) -> Problem | ProjectReferralRead | None:
    """Count a referral the project accepted

     For the referrals service: a young person referred to this project was accepted — one more person
    receiving a service, counted into the funding grant's figures (`people_referred` on the grant and on
    its monitoring return for the quarter of `accepted_at`, when it has one). Idempotent twice over:
    `Idempotency-Key` replays the stored response, and the referral id is unique — a repeat for the same
    project answers **200** with the first record, for another project **409** `project-referral-
    conflict`. Unknown project 404; a project no awarded grant funds 409 `project-not-funded`. Service
    role only.

    Args:
        project_id (UUID): The project's id.
        idempotency_key (str | Unset):
        body (ProjectReferralCreate): A referral the project accepted, reported by the referrals
            service.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProjectReferralRead
    """

    return sync_detailed(
        project_id=project_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    project_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ProjectReferralCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | ProjectReferralRead]:
    """Count a referral the project accepted

     For the referrals service: a young person referred to this project was accepted — one more person
    receiving a service, counted into the funding grant's figures (`people_referred` on the grant and on
    its monitoring return for the quarter of `accepted_at`, when it has one). Idempotent twice over:
    `Idempotency-Key` replays the stored response, and the referral id is unique — a repeat for the same
    project answers **200** with the first record, for another project **409** `project-referral-
    conflict`. Unknown project 404; a project no awarded grant funds 409 `project-not-funded`. Service
    role only.

    Args:
        project_id (UUID): The project's id.
        idempotency_key (str | Unset):
        body (ProjectReferralCreate): A referral the project accepted, reported by the referrals
            service.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProjectReferralRead]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    project_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ProjectReferralCreate,
    idempotency_key: str | Unset = UNSET,
) -> Problem | ProjectReferralRead | None:
    """Count a referral the project accepted

     For the referrals service: a young person referred to this project was accepted — one more person
    receiving a service, counted into the funding grant's figures (`people_referred` on the grant and on
    its monitoring return for the quarter of `accepted_at`, when it has one). Idempotent twice over:
    `Idempotency-Key` replays the stored response, and the referral id is unique — a repeat for the same
    project answers **200** with the first record, for another project **409** `project-referral-
    conflict`. Unknown project 404; a project no awarded grant funds 409 `project-not-funded`. Service
    role only.

    Args:
        project_id (UUID): The project's id.
        idempotency_key (str | Unset):
        body (ProjectReferralCreate): A referral the project accepted, reported by the referrals
            service.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProjectReferralRead
    """

    return (
        await asyncio_detailed(
            project_id=project_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
