from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.import_result import ImportResult
from ...models.incident_batch import IncidentBatch
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: IncidentBatch,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/imports/incidents",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ImportResult | Problem | None:
    if response.status_code == 200:
        response_200 = ImportResult.from_dict(response.json())

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

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

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
) -> Response[ImportResult | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: IncidentBatch,
) -> Response[ImportResult | Problem]:
    """Import crime reports (JSON)

     A batch of the police's serious-violence crime reports as JSON. Idempotent on `crime_reference`: a
    report already held unchanged is `unchanged`; a changed one is `updated` (the change is recorded in
    the incident's history); a new one is `created`. Each report is checked in full and written whole or
    not at all; invalid reports are listed in `rejected_rows` while the others are imported. Every
    created or updated incident is screened. Up to 10,000 reports. Analysts, or an API client with the
    `incidents:ingest` scope.

    Args:
        body (IncidentBatch): Up to 10,000 crime reports. Each report is validated on its own:
            invalid ones are listed in the
            response's `rejected_rows` while the others are imported.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportResult | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: IncidentBatch,
) -> ImportResult | Problem | None:
    """Import crime reports (JSON)

     A batch of the police's serious-violence crime reports as JSON. Idempotent on `crime_reference`: a
    report already held unchanged is `unchanged`; a changed one is `updated` (the change is recorded in
    the incident's history); a new one is `created`. Each report is checked in full and written whole or
    not at all; invalid reports are listed in `rejected_rows` while the others are imported. Every
    created or updated incident is screened. Up to 10,000 reports. Analysts, or an API client with the
    `incidents:ingest` scope.

    Args:
        body (IncidentBatch): Up to 10,000 crime reports. Each report is validated on its own:
            invalid ones are listed in the
            response's `rejected_rows` while the others are imported.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportResult | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: IncidentBatch,
) -> Response[ImportResult | Problem]:
    """Import crime reports (JSON)

     A batch of the police's serious-violence crime reports as JSON. Idempotent on `crime_reference`: a
    report already held unchanged is `unchanged`; a changed one is `updated` (the change is recorded in
    the incident's history); a new one is `created`. Each report is checked in full and written whole or
    not at all; invalid reports are listed in `rejected_rows` while the others are imported. Every
    created or updated incident is screened. Up to 10,000 reports. Analysts, or an API client with the
    `incidents:ingest` scope.

    Args:
        body (IncidentBatch): Up to 10,000 crime reports. Each report is validated on its own:
            invalid ones are listed in the
            response's `rejected_rows` while the others are imported.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportResult | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: IncidentBatch,
) -> ImportResult | Problem | None:
    """Import crime reports (JSON)

     A batch of the police's serious-violence crime reports as JSON. Idempotent on `crime_reference`: a
    report already held unchanged is `unchanged`; a changed one is `updated` (the change is recorded in
    the incident's history); a new one is `created`. Each report is checked in full and written whole or
    not at all; invalid reports are listed in `rejected_rows` while the others are imported. Every
    created or updated incident is screened. Up to 10,000 reports. Analysts, or an API client with the
    `incidents:ingest` scope.

    Args:
        body (IncidentBatch): Up to 10,000 crime reports. Each report is validated on its own:
            invalid ones are listed in the
            response's `rejected_rows` while the others are imported.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportResult | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
