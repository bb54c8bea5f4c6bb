from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.incident_read import IncidentRead
from ...models.manual_screening import ManualScreening
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    incident_id: UUID,
    *,
    body: ManualScreening,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/incidents/{incident_id}/screening".format(
            incident_id=quote(str(incident_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> IncidentRead | Problem | None:
    if response.status_code == 200:
        response_200 = IncidentRead.from_dict(response.json())

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
) -> Response[IncidentRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    incident_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ManualScreening,
    idempotency_key: str | Unset = UNSET,
) -> Response[IncidentRead | Problem]:
    """Screen an incident in or out by hand

     An analyst's decision, with a required reason. Screening in links the incident to the open review of
    one of its young people, or opens a review for the coordinator of its district; screening out takes
    it out of its review (the review's history records it). Only the people of an incident in scope are
    young people's records: screening in matches them (as on intake), screening out unlinks them (a
    record nothing else names is deleted). The decision sticks: re-sent reports and automatic screening
    never override it. Analysts only.

    Args:
        incident_id (UUID): The incident's id.
        idempotency_key (str | Unset):
        body (ManualScreening): An analyst's decision on an incident. It sticks: automatic
            screening never overrides it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IncidentRead | Problem]
    """

    kwargs = _get_kwargs(
        incident_id=incident_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    incident_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ManualScreening,
    idempotency_key: str | Unset = UNSET,
) -> IncidentRead | Problem | None:
    """Screen an incident in or out by hand

     An analyst's decision, with a required reason. Screening in links the incident to the open review of
    one of its young people, or opens a review for the coordinator of its district; screening out takes
    it out of its review (the review's history records it). Only the people of an incident in scope are
    young people's records: screening in matches them (as on intake), screening out unlinks them (a
    record nothing else names is deleted). The decision sticks: re-sent reports and automatic screening
    never override it. Analysts only.

    Args:
        incident_id (UUID): The incident's id.
        idempotency_key (str | Unset):
        body (ManualScreening): An analyst's decision on an incident. It sticks: automatic
            screening never overrides it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IncidentRead | Problem
    """

    return sync_detailed(
        incident_id=incident_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    incident_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ManualScreening,
    idempotency_key: str | Unset = UNSET,
) -> Response[IncidentRead | Problem]:
    """Screen an incident in or out by hand

     An analyst's decision, with a required reason. Screening in links the incident to the open review of
    one of its young people, or opens a review for the coordinator of its district; screening out takes
    it out of its review (the review's history records it). Only the people of an incident in scope are
    young people's records: screening in matches them (as on intake), screening out unlinks them (a
    record nothing else names is deleted). The decision sticks: re-sent reports and automatic screening
    never override it. Analysts only.

    Args:
        incident_id (UUID): The incident's id.
        idempotency_key (str | Unset):
        body (ManualScreening): An analyst's decision on an incident. It sticks: automatic
            screening never overrides it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IncidentRead | Problem]
    """

    kwargs = _get_kwargs(
        incident_id=incident_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    incident_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ManualScreening,
    idempotency_key: str | Unset = UNSET,
) -> IncidentRead | Problem | None:
    """Screen an incident in or out by hand

     An analyst's decision, with a required reason. Screening in links the incident to the open review of
    one of its young people, or opens a review for the coordinator of its district; screening out takes
    it out of its review (the review's history records it). Only the people of an incident in scope are
    young people's records: screening in matches them (as on intake), screening out unlinks them (a
    record nothing else names is deleted). The decision sticks: re-sent reports and automatic screening
    never override it. Analysts only.

    Args:
        incident_id (UUID): The incident's id.
        idempotency_key (str | Unset):
        body (ManualScreening): An analyst's decision on an incident. It sticks: automatic
            screening never overrides it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IncidentRead | Problem
    """

    return (
        await asyncio_detailed(
            incident_id=incident_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
