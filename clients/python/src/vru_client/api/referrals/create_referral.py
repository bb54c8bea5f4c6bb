from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.referral_create import ReferralCreate
from ...models.referral_read import ReferralRead
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ReferralCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/referrals",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | ReferralRead | None:
    if response.status_code == 201:
        response_201 = ReferralRead.from_dict(response.json())

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
) -> Response[Problem | ReferralRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ReferralCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | ReferralRead]:
    """Refer a young person

     Draft a referral of a young person to a forum (DCSM, CARM, the area's multi-agency meeting), to a
    partner agency's service, or to a funded project serving the district (`project`: an id from `GET
    /v1/referrals/funded-projects`, checked with the funding service — 503 with `Retry-After` and
    nothing saved when it cannot answer; 422 when the project is not active, funded and serving the
    district). The lawful basis for sharing and consent may be given now or later, but the referral
    cannot be sent without them. 409 when an open referral of the same young person to the same
    destination exists (the problem names it in `existing_referral_id`). Analysts, and coordinators for
    young people in their districts.

    Args:
        idempotency_key (str | Unset):
        body (ReferralCreate): A new referral (a draft). Name exactly one destination: `forum`,
            `partner_agency` or `project` (a funded
            project serving the district, from `GET /v1/referrals/funded-projects`). The district is
            the review's unless
            given. The lawful basis and consent may be recorded now or later, but before sending.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReferralRead]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: ReferralCreate,
    idempotency_key: str | Unset = UNSET,
) -> Problem | ReferralRead | None:
    """Refer a young person

     Draft a referral of a young person to a forum (DCSM, CARM, the area's multi-agency meeting), to a
    partner agency's service, or to a funded project serving the district (`project`: an id from `GET
    /v1/referrals/funded-projects`, checked with the funding service — 503 with `Retry-After` and
    nothing saved when it cannot answer; 422 when the project is not active, funded and serving the
    district). The lawful basis for sharing and consent may be given now or later, but the referral
    cannot be sent without them. 409 when an open referral of the same young person to the same
    destination exists (the problem names it in `existing_referral_id`). Analysts, and coordinators for
    young people in their districts.

    Args:
        idempotency_key (str | Unset):
        body (ReferralCreate): A new referral (a draft). Name exactly one destination: `forum`,
            `partner_agency` or `project` (a funded
            project serving the district, from `GET /v1/referrals/funded-projects`). The district is
            the review's unless
            given. The lawful basis and consent may be recorded now or later, but before sending.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReferralRead
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ReferralCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | ReferralRead]:
    """Refer a young person

     Draft a referral of a young person to a forum (DCSM, CARM, the area's multi-agency meeting), to a
    partner agency's service, or to a funded project serving the district (`project`: an id from `GET
    /v1/referrals/funded-projects`, checked with the funding service — 503 with `Retry-After` and
    nothing saved when it cannot answer; 422 when the project is not active, funded and serving the
    district). The lawful basis for sharing and consent may be given now or later, but the referral
    cannot be sent without them. 409 when an open referral of the same young person to the same
    destination exists (the problem names it in `existing_referral_id`). Analysts, and coordinators for
    young people in their districts.

    Args:
        idempotency_key (str | Unset):
        body (ReferralCreate): A new referral (a draft). Name exactly one destination: `forum`,
            `partner_agency` or `project` (a funded
            project serving the district, from `GET /v1/referrals/funded-projects`). The district is
            the review's unless
            given. The lawful basis and consent may be recorded now or later, but before sending.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReferralRead]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ReferralCreate,
    idempotency_key: str | Unset = UNSET,
) -> Problem | ReferralRead | None:
    """Refer a young person

     Draft a referral of a young person to a forum (DCSM, CARM, the area's multi-agency meeting), to a
    partner agency's service, or to a funded project serving the district (`project`: an id from `GET
    /v1/referrals/funded-projects`, checked with the funding service — 503 with `Retry-After` and
    nothing saved when it cannot answer; 422 when the project is not active, funded and serving the
    district). The lawful basis for sharing and consent may be given now or later, but the referral
    cannot be sent without them. 409 when an open referral of the same young person to the same
    destination exists (the problem names it in `existing_referral_id`). Analysts, and coordinators for
    young people in their districts.

    Args:
        idempotency_key (str | Unset):
        body (ReferralCreate): A new referral (a draft). Name exactly one destination: `forum`,
            `partner_agency` or `project` (a funded
            project serving the district, from `GET /v1/referrals/funded-projects`). The district is
            the review's unless
            given. The lawful basis and consent may be recorded now or later, but before sending.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReferralRead
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
