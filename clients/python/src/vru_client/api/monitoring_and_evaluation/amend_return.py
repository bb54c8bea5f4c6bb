from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.monitoring_return_amend import MonitoringReturnAmend
from ...models.monitoring_return_read import MonitoringReturnRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    return_id: UUID,
    *,
    body: MonitoringReturnAmend,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/monitoring-returns/{return_id}/amendments".format(
            return_id=quote(str(return_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MonitoringReturnRead | Problem | None:
    if response.status_code == 201:
        response_201 = MonitoringReturnRead.from_dict(response.json())

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
) -> Response[MonitoringReturnRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    return_id: UUID,
    *,
    client: AuthenticatedClient,
    body: MonitoringReturnAmend,
    idempotency_key: str | Unset = UNSET,
) -> Response[MonitoringReturnRead | Problem]:
    """Amend a submitted monitoring return

     Correct a submitted return's figures: a new version with a mandatory `reason`, recorded with who and
    when. The return then shows the new figures (and `version`, `amended_at`, `amended_by`), and so do
    the totals derived from returns; every earlier version stays readable at `/v1/monitoring-
    returns/{id}/versions`. A return not yet submitted: 409 `monitoring-return-not-submitted` (submit
    it). Director or programme officer, as for submitting. 201 with `Location` of the new version.

    Args:
        return_id (UUID): The monitoring return's id.
        idempotency_key (str | Unset):
        body (MonitoringReturnAmend): Corrected figures for a submitted return, and why: a new
            version (the earlier ones are kept).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MonitoringReturnRead | Problem]
    """

    kwargs = _get_kwargs(
        return_id=return_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    return_id: UUID,
    *,
    client: AuthenticatedClient,
    body: MonitoringReturnAmend,
    idempotency_key: str | Unset = UNSET,
) -> MonitoringReturnRead | Problem | None:
    """Amend a submitted monitoring return

     Correct a submitted return's figures: a new version with a mandatory `reason`, recorded with who and
    when. The return then shows the new figures (and `version`, `amended_at`, `amended_by`), and so do
    the totals derived from returns; every earlier version stays readable at `/v1/monitoring-
    returns/{id}/versions`. A return not yet submitted: 409 `monitoring-return-not-submitted` (submit
    it). Director or programme officer, as for submitting. 201 with `Location` of the new version.

    Args:
        return_id (UUID): The monitoring return's id.
        idempotency_key (str | Unset):
        body (MonitoringReturnAmend): Corrected figures for a submitted return, and why: a new
            version (the earlier ones are kept).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MonitoringReturnRead | Problem
    """

    return sync_detailed(
        return_id=return_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    return_id: UUID,
    *,
    client: AuthenticatedClient,
    body: MonitoringReturnAmend,
    idempotency_key: str | Unset = UNSET,
) -> Response[MonitoringReturnRead | Problem]:
    """Amend a submitted monitoring return

     Correct a submitted return's figures: a new version with a mandatory `reason`, recorded with who and
    when. The return then shows the new figures (and `version`, `amended_at`, `amended_by`), and so do
    the totals derived from returns; every earlier version stays readable at `/v1/monitoring-
    returns/{id}/versions`. A return not yet submitted: 409 `monitoring-return-not-submitted` (submit
    it). Director or programme officer, as for submitting. 201 with `Location` of the new version.

    Args:
        return_id (UUID): The monitoring return's id.
        idempotency_key (str | Unset):
        body (MonitoringReturnAmend): Corrected figures for a submitted return, and why: a new
            version (the earlier ones are kept).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MonitoringReturnRead | Problem]
    """

    kwargs = _get_kwargs(
        return_id=return_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    return_id: UUID,
    *,
    client: AuthenticatedClient,
    body: MonitoringReturnAmend,
    idempotency_key: str | Unset = UNSET,
) -> MonitoringReturnRead | Problem | None:
    """Amend a submitted monitoring return

     Correct a submitted return's figures: a new version with a mandatory `reason`, recorded with who and
    when. The return then shows the new figures (and `version`, `amended_at`, `amended_by`), and so do
    the totals derived from returns; every earlier version stays readable at `/v1/monitoring-
    returns/{id}/versions`. A return not yet submitted: 409 `monitoring-return-not-submitted` (submit
    it). Director or programme officer, as for submitting. 201 with `Location` of the new version.

    Args:
        return_id (UUID): The monitoring return's id.
        idempotency_key (str | Unset):
        body (MonitoringReturnAmend): Corrected figures for a submitted return, and why: a new
            version (the earlier ones are kept).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MonitoringReturnRead | Problem
    """

    return (
        await asyncio_detailed(
            return_id=return_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
