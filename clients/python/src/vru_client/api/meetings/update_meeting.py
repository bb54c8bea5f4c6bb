from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.meeting_read import MeetingRead
from ...models.meeting_update import MeetingUpdate
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    meeting_id: UUID,
    *,
    body: MeetingUpdate,
    if_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/meetings/{meeting_id}".format(
            meeting_id=quote(str(meeting_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> MeetingRead | Problem | None:
    if response.status_code == 200:
        response_200 = MeetingRead.from_dict(response.json())

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
) -> Response[MeetingRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    meeting_id: UUID,
    *,
    client: AuthenticatedClient,
    body: MeetingUpdate,
    if_match: None | str | Unset = UNSET,
) -> Response[MeetingRead | Problem]:
    """Update a meeting (minutes, held, attendance)

     Record that the meeting was held (or cancelled), store its minutes, change who attended or when.
    Requires `If-Match` (428 without it, 412 when stale).

    Args:
        meeting_id (UUID): The meeting's id.
        if_match (None | str | Unset): The ETag from your last read of this record. Required, `*`
            is not enough; stale: 412.
        body (MeetingUpdate): Change a meeting: record that it was held (or cancelled), its
            minutes, who attended, a new time.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MeetingRead | Problem]
    """

    kwargs = _get_kwargs(
        meeting_id=meeting_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    meeting_id: UUID,
    *,
    client: AuthenticatedClient,
    body: MeetingUpdate,
    if_match: None | str | Unset = UNSET,
) -> MeetingRead | Problem | None:
    """Update a meeting (minutes, held, attendance)

     Record that the meeting was held (or cancelled), store its minutes, change who attended or when.
    Requires `If-Match` (428 without it, 412 when stale).

    Args:
        meeting_id (UUID): The meeting's id.
        if_match (None | str | Unset): The ETag from your last read of this record. Required, `*`
            is not enough; stale: 412.
        body (MeetingUpdate): Change a meeting: record that it was held (or cancelled), its
            minutes, who attended, a new time.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MeetingRead | Problem
    """

    return sync_detailed(
        meeting_id=meeting_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    meeting_id: UUID,
    *,
    client: AuthenticatedClient,
    body: MeetingUpdate,
    if_match: None | str | Unset = UNSET,
) -> Response[MeetingRead | Problem]:
    """Update a meeting (minutes, held, attendance)

     Record that the meeting was held (or cancelled), store its minutes, change who attended or when.
    Requires `If-Match` (428 without it, 412 when stale).

    Args:
        meeting_id (UUID): The meeting's id.
        if_match (None | str | Unset): The ETag from your last read of this record. Required, `*`
            is not enough; stale: 412.
        body (MeetingUpdate): Change a meeting: record that it was held (or cancelled), its
            minutes, who attended, a new time.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MeetingRead | Problem]
    """

    kwargs = _get_kwargs(
        meeting_id=meeting_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    meeting_id: UUID,
    *,
    client: AuthenticatedClient,
    body: MeetingUpdate,
    if_match: None | str | Unset = UNSET,
) -> MeetingRead | Problem | None:
    """Update a meeting (minutes, held, attendance)

     Record that the meeting was held (or cancelled), store its minutes, change who attended or when.
    Requires `If-Match` (428 without it, 412 when stale).

    Args:
        meeting_id (UUID): The meeting's id.
        if_match (None | str | Unset): The ETag from your last read of this record. Required, `*`
            is not enough; stale: 412.
        body (MeetingUpdate): Change a meeting: record that it was held (or cancelled), its
            minutes, who attended, a new time.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MeetingRead | Problem
    """

    return (
        await asyncio_detailed(
            meeting_id=meeting_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
