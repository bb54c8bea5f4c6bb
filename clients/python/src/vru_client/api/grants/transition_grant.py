from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.grant_detail import GrantDetail
from ...models.grant_transition import GrantTransition
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    grant_id: UUID,
    *,
    body: GrantTransition,
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/grants/{grant_id}/transitions".format(
            grant_id=quote(str(grant_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> GrantDetail | Problem | None:
    if response.status_code == 200:
        response_200 = GrantDetail.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 428:
        response_428 = Problem.from_dict(response.json())

        return response_428

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
) -> Response[GrantDetail | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    grant_id: UUID,
    *,
    client: AuthenticatedClient,
    body: GrantTransition,
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[GrantDetail | Problem]:
    """Move a grant on

     One step of the lifecycle: `draft` → `submitted` → `in_review` → `approved` | `rejected` → `active`
    → `completed` | `withdrawn` | `closed` (an undecided or approved grant may also be `withdrawn`). Any
    other step is 409. `rejected` and `closed` need a `reason`.

    **Approval** needs someone other than the person who submitted it (403 `four-eyes`), a current
    passing due-diligence check of the recipient (409 `due-diligence-not-current`: none, failed, or
    older than `FUNDING_DUE_DILIGENCE_VALID_MONTHS`, 12 by default), a budget line, and room on it: the
    awards on a line never exceed it, also when approvals race (409 `budget-exceeded`, with the line's
    figures). Becoming `active` creates the quarterly monitoring returns due. Send `If-Match` with the
    grant's ETag (428 without it, 412 when stale). Director or programme officer.

    Args:
        grant_id (UUID): The grant's id.
        if_match (None | str | Unset): The ETag from your last read of this record. Required, `*`
            is not enough; stale: 412.
        idempotency_key (str | Unset):
        body (GrantTransition): One step of the lifecycle. `rejected` and `closed` need a
            `reason`; `approved` may set the award.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GrantDetail | Problem]
    """

    kwargs = _get_kwargs(
        grant_id=grant_id,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    grant_id: UUID,
    *,
    client: AuthenticatedClient,
    body: GrantTransition,
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> GrantDetail | Problem | None:
    """Move a grant on

     One step of the lifecycle: `draft` → `submitted` → `in_review` → `approved` | `rejected` → `active`
    → `completed` | `withdrawn` | `closed` (an undecided or approved grant may also be `withdrawn`). Any
    other step is 409. `rejected` and `closed` need a `reason`.

    **Approval** needs someone other than the person who submitted it (403 `four-eyes`), a current
    passing due-diligence check of the recipient (409 `due-diligence-not-current`: none, failed, or
    older than `FUNDING_DUE_DILIGENCE_VALID_MONTHS`, 12 by default), a budget line, and room on it: the
    awards on a line never exceed it, also when approvals race (409 `budget-exceeded`, with the line's
    figures). Becoming `active` creates the quarterly monitoring returns due. Send `If-Match` with the
    grant's ETag (428 without it, 412 when stale). Director or programme officer.

    Args:
        grant_id (UUID): The grant's id.
        if_match (None | str | Unset): The ETag from your last read of this record. Required, `*`
            is not enough; stale: 412.
        idempotency_key (str | Unset):
        body (GrantTransition): One step of the lifecycle. `rejected` and `closed` need a
            `reason`; `approved` may set the award.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GrantDetail | Problem
    """

    return sync_detailed(
        grant_id=grant_id,
        client=client,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    grant_id: UUID,
    *,
    client: AuthenticatedClient,
    body: GrantTransition,
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[GrantDetail | Problem]:
    """Move a grant on

     One step of the lifecycle: `draft` → `submitted` → `in_review` → `approved` | `rejected` → `active`
    → `completed` | `withdrawn` | `closed` (an undecided or approved grant may also be `withdrawn`). Any
    other step is 409. `rejected` and `closed` need a `reason`.

    **Approval** needs someone other than the person who submitted it (403 `four-eyes`), a current
    passing due-diligence check of the recipient (409 `due-diligence-not-current`: none, failed, or
    older than `FUNDING_DUE_DILIGENCE_VALID_MONTHS`, 12 by default), a budget line, and room on it: the
    awards on a line never exceed it, also when approvals race (409 `budget-exceeded`, with the line's
    figures). Becoming `active` creates the quarterly monitoring returns due. Send `If-Match` with the
    grant's ETag (428 without it, 412 when stale). Director or programme officer.

    Args:
        grant_id (UUID): The grant's id.
        if_match (None | str | Unset): The ETag from your last read of this record. Required, `*`
            is not enough; stale: 412.
        idempotency_key (str | Unset):
        body (GrantTransition): One step of the lifecycle. `rejected` and `closed` need a
            `reason`; `approved` may set the award.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GrantDetail | Problem]
    """

    kwargs = _get_kwargs(
        grant_id=grant_id,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    grant_id: UUID,
    *,
    client: AuthenticatedClient,
    body: GrantTransition,
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> GrantDetail | Problem | None:
    """Move a grant on

     One step of the lifecycle: `draft` → `submitted` → `in_review` → `approved` | `rejected` → `active`
    → `completed` | `withdrawn` | `closed` (an undecided or approved grant may also be `withdrawn`). Any
    other step is 409. `rejected` and `closed` need a `reason`.

    **Approval** needs someone other than the person who submitted it (403 `four-eyes`), a current
    passing due-diligence check of the recipient (409 `due-diligence-not-current`: none, failed, or
    older than `FUNDING_DUE_DILIGENCE_VALID_MONTHS`, 12 by default), a budget line, and room on it: the
    awards on a line never exceed it, also when approvals race (409 `budget-exceeded`, with the line's
    figures). Becoming `active` creates the quarterly monitoring returns due. Send `If-Match` with the
    grant's ETag (428 without it, 412 when stale). Director or programme officer.

    Args:
        grant_id (UUID): The grant's id.
        if_match (None | str | Unset): The ETag from your last read of this record. Required, `*`
            is not enough; stale: 412.
        idempotency_key (str | Unset):
        body (GrantTransition): One step of the lifecycle. `rejected` and `closed` need a
            `reason`; `approved` may set the award.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GrantDetail | Problem
    """

    return (
        await asyncio_detailed(
            grant_id=grant_id,
            client=client,
            body=body,
            if_match=if_match,
            idempotency_key=idempotency_key,
        )
    ).parsed
