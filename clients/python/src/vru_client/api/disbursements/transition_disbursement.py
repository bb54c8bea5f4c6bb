from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.disbursement_read import DisbursementRead
from ...models.disbursement_transition import DisbursementTransition
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    disbursement_id: UUID,
    *,
    body: DisbursementTransition,
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
        "url": "/v1/disbursements/{disbursement_id}/transitions".format(
            disbursement_id=quote(str(disbursement_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DisbursementRead | Problem | None:
    if response.status_code == 200:
        response_200 = DisbursementRead.from_dict(response.json())

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
) -> Response[DisbursementRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    disbursement_id: UUID,
    *,
    client: AuthenticatedClient,
    body: DisbursementTransition,
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[DisbursementRead | Problem]:
    """Approve, pay or cancel a disbursement

     `scheduled` → `approved` → `paid` | `cancelled` (a scheduled one may be cancelled too); other steps
    409. Paying needs the grant approved or active. `If-Match` is checked when sent (412 when stale).
    Director or programme officer.

    Args:
        disbursement_id (UUID): The disbursement's id.
        if_match (None | str | Unset): The ETag from your last read of this record. Required, `*`
            is not enough; stale: 412.
        idempotency_key (str | Unset):
        body (DisbursementTransition):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DisbursementRead | Problem]
    """

    kwargs = _get_kwargs(
        disbursement_id=disbursement_id,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    disbursement_id: UUID,
    *,
    client: AuthenticatedClient,
    body: DisbursementTransition,
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> DisbursementRead | Problem | None:
    """Approve, pay or cancel a disbursement

     `scheduled` → `approved` → `paid` | `cancelled` (a scheduled one may be cancelled too); other steps
    409. Paying needs the grant approved or active. `If-Match` is checked when sent (412 when stale).
    Director or programme officer.

    Args:
        disbursement_id (UUID): The disbursement's id.
        if_match (None | str | Unset): The ETag from your last read of this record. Required, `*`
            is not enough; stale: 412.
        idempotency_key (str | Unset):
        body (DisbursementTransition):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DisbursementRead | Problem
    """

    return sync_detailed(
        disbursement_id=disbursement_id,
        client=client,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    disbursement_id: UUID,
    *,
    client: AuthenticatedClient,
    body: DisbursementTransition,
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[DisbursementRead | Problem]:
    """Approve, pay or cancel a disbursement

     `scheduled` → `approved` → `paid` | `cancelled` (a scheduled one may be cancelled too); other steps
    409. Paying needs the grant approved or active. `If-Match` is checked when sent (412 when stale).
    Director or programme officer.

    Args:
        disbursement_id (UUID): The disbursement's id.
        if_match (None | str | Unset): The ETag from your last read of this record. Required, `*`
            is not enough; stale: 412.
        idempotency_key (str | Unset):
        body (DisbursementTransition):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DisbursementRead | Problem]
    """

    kwargs = _get_kwargs(
        disbursement_id=disbursement_id,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    disbursement_id: UUID,
    *,
    client: AuthenticatedClient,
    body: DisbursementTransition,
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> DisbursementRead | Problem | None:
    """Approve, pay or cancel a disbursement

     `scheduled` → `approved` → `paid` | `cancelled` (a scheduled one may be cancelled too); other steps
    409. Paying needs the grant approved or active. `If-Match` is checked when sent (412 when stale).
    Director or programme officer.

    Args:
        disbursement_id (UUID): The disbursement's id.
        if_match (None | str | Unset): The ETag from your last read of this record. Required, `*`
            is not enough; stale: 412.
        idempotency_key (str | Unset):
        body (DisbursementTransition):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DisbursementRead | Problem
    """

    return (
        await asyncio_detailed(
            disbursement_id=disbursement_id,
            client=client,
            body=body,
            if_match=if_match,
            idempotency_key=idempotency_key,
        )
    ).parsed
