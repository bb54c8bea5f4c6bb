from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.incident_read import IncidentRead
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    incident_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/incidents/{incident_id}".format(
            incident_id=quote(str(incident_id), safe=""),
        ),
    }

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
) -> Response[IncidentRead | Problem]:
    """Get an incident

     One incident with the people involved (and the young people matched), its screening and the history
    of changes from re-sent reports. A coordinator sees the incidents in their districts in full; one in
    another district only when someone involved lives in one of theirs, and then only those residents
    (`view`: `residents`); any other: 404. Recorded in the audit log, with the reason for a `residents`
    read.

    Args:
        incident_id (UUID): The incident's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IncidentRead | Problem]
    """

    kwargs = _get_kwargs(
        incident_id=incident_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    incident_id: UUID,
    *,
    client: AuthenticatedClient,
) -> IncidentRead | Problem | None:
    """Get an incident

     One incident with the people involved (and the young people matched), its screening and the history
    of changes from re-sent reports. A coordinator sees the incidents in their districts in full; one in
    another district only when someone involved lives in one of theirs, and then only those residents
    (`view`: `residents`); any other: 404. Recorded in the audit log, with the reason for a `residents`
    read.

    Args:
        incident_id (UUID): The incident's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IncidentRead | Problem
    """

    return sync_detailed(
        incident_id=incident_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    incident_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[IncidentRead | Problem]:
    """Get an incident

     One incident with the people involved (and the young people matched), its screening and the history
    of changes from re-sent reports. A coordinator sees the incidents in their districts in full; one in
    another district only when someone involved lives in one of theirs, and then only those residents
    (`view`: `residents`); any other: 404. Recorded in the audit log, with the reason for a `residents`
    read.

    Args:
        incident_id (UUID): The incident's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IncidentRead | Problem]
    """

    kwargs = _get_kwargs(
        incident_id=incident_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    incident_id: UUID,
    *,
    client: AuthenticatedClient,
) -> IncidentRead | Problem | None:
    """Get an incident

     One incident with the people involved (and the young people matched), its screening and the history
    of changes from re-sent reports. A coordinator sees the incidents in their districts in full; one in
    another district only when someone involved lives in one of theirs, and then only those residents
    (`view`: `residents`); any other: 404. Recorded in the audit log, with the reason for a `residents`
    read.

    Args:
        incident_id (UUID): The incident's id.

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
        )
    ).parsed
