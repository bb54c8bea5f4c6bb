import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.action_status import ActionStatus
from ...models.page_action_read import PageActionRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    agency: None | str | Unset = UNSET,
    area: None | str | Unset = UNSET,
    status: ActionStatus | None | Unset = UNSET,
    overdue: bool | None | Unset = UNSET,
    meeting_id: None | Unset | UUID = UNSET,
    subject_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.date | datetime.datetime | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_agency: str | Unset | None
    if isinstance(agency, Unset):
        json_agency = UNSET
    else:
        json_agency = agency
    params["agency"] = json_agency

    json_area: str | Unset | None
    if isinstance(area, Unset):
        json_area = UNSET
    else:
        json_area = area
    params["area"] = json_area

    json_status: str | Unset | None
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, ActionStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_overdue: bool | Unset | None
    if isinstance(overdue, Unset):
        json_overdue = UNSET
    else:
        json_overdue = overdue
    params["overdue"] = json_overdue

    json_meeting_id: str | Unset | None
    if isinstance(meeting_id, Unset):
        json_meeting_id = UNSET
    elif isinstance(meeting_id, UUID):
        json_meeting_id = str(meeting_id)
    else:
        json_meeting_id = meeting_id
    params["meeting_id"] = json_meeting_id

    json_subject_id: str | Unset | None
    if isinstance(subject_id, Unset):
        json_subject_id = UNSET
    elif isinstance(subject_id, UUID):
        json_subject_id = str(subject_id)
    else:
        json_subject_id = subject_id
    params["subject_id"] = json_subject_id

    params["limit"] = limit

    json_cursor: str | Unset | None
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    json_updated_since: str | Unset | None
    if isinstance(updated_since, Unset):
        json_updated_since = UNSET
    elif isinstance(updated_since, datetime.datetime) or isinstance(updated_since, datetime.date):
        json_updated_since = updated_since.isoformat()
    else:
        json_updated_since = updated_since
    params["updated_since"] = json_updated_since

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/actions",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageActionRead | Problem | None:
    if response.status_code == 200:
        response_200 = PageActionRead.from_dict(response.json())

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
) -> Response[PageActionRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    agency: None | str | Unset = UNSET,
    area: None | str | Unset = UNSET,
    status: ActionStatus | None | Unset = UNSET,
    overdue: bool | None | Unset = UNSET,
    meeting_id: None | Unset | UUID = UNSET,
    subject_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.date | datetime.datetime | None | Unset = UNSET,
) -> Response[PageActionRead | Problem]:
    """List meeting actions

     Actions agreed at meetings, soonest due first. Filter by owning `agency`, coordinator `area`,
    `status`, `overdue`, `meeting_id` and `subject_id`; `overdue=true&agency=…` lists an agency's
    overdue actions, `overdue=true&area=…` an area's. A partner agency sees the actions its agency owns
    (the young person's name and date of birth only). Recorded in the audit log.

    Args:
        agency (None | str | Unset):
        area (None | str | Unset):
        status (ActionStatus | None | Unset): Only actions in this status.
        overdue (bool | None | Unset): `true`: only overdue actions (open or in progress, past
            due); `false`: the rest.
        meeting_id (None | Unset | UUID): Only the actions of this meeting.
        subject_id (None | Unset | UUID): Only this young person's actions (VRU staff).
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.
        updated_since (datetime.date | datetime.datetime | None | Unset): A change feed: only the
            records created or changed at or after this time (RFC 3339, or a date: the start of that
            UK day), oldest change first. Keep the `updated_at` of the last record you processed and
            ask again from a little before it (a change committed late can carry an earlier time); de-
            duplicate by `id` and `version`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageActionRead | Problem]
    """

    kwargs = _get_kwargs(
        agency=agency,
        area=area,
        status=status,
        overdue=overdue,
        meeting_id=meeting_id,
        subject_id=subject_id,
        limit=limit,
        cursor=cursor,
        updated_since=updated_since,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    agency: None | str | Unset = UNSET,
    area: None | str | Unset = UNSET,
    status: ActionStatus | None | Unset = UNSET,
    overdue: bool | None | Unset = UNSET,
    meeting_id: None | Unset | UUID = UNSET,
    subject_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.date | datetime.datetime | None | Unset = UNSET,
) -> PageActionRead | Problem | None:
    """List meeting actions

     Actions agreed at meetings, soonest due first. Filter by owning `agency`, coordinator `area`,
    `status`, `overdue`, `meeting_id` and `subject_id`; `overdue=true&agency=…` lists an agency's
    overdue actions, `overdue=true&area=…` an area's. A partner agency sees the actions its agency owns
    (the young person's name and date of birth only). Recorded in the audit log.

    Args:
        agency (None | str | Unset):
        area (None | str | Unset):
        status (ActionStatus | None | Unset): Only actions in this status.
        overdue (bool | None | Unset): `true`: only overdue actions (open or in progress, past
            due); `false`: the rest.
        meeting_id (None | Unset | UUID): Only the actions of this meeting.
        subject_id (None | Unset | UUID): Only this young person's actions (VRU staff).
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.
        updated_since (datetime.date | datetime.datetime | None | Unset): A change feed: only the
            records created or changed at or after this time (RFC 3339, or a date: the start of that
            UK day), oldest change first. Keep the `updated_at` of the last record you processed and
            ask again from a little before it (a change committed late can carry an earlier time); de-
            duplicate by `id` and `version`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageActionRead | Problem
    """

    return sync_detailed(
        client=client,
        agency=agency,
        area=area,
        status=status,
        overdue=overdue,
        meeting_id=meeting_id,
        subject_id=subject_id,
        limit=limit,
        cursor=cursor,
        updated_since=updated_since,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    agency: None | str | Unset = UNSET,
    area: None | str | Unset = UNSET,
    status: ActionStatus | None | Unset = UNSET,
    overdue: bool | None | Unset = UNSET,
    meeting_id: None | Unset | UUID = UNSET,
    subject_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.date | datetime.datetime | None | Unset = UNSET,
) -> Response[PageActionRead | Problem]:
    """List meeting actions

     Actions agreed at meetings, soonest due first. Filter by owning `agency`, coordinator `area`,
    `status`, `overdue`, `meeting_id` and `subject_id`; `overdue=true&agency=…` lists an agency's
    overdue actions, `overdue=true&area=…` an area's. A partner agency sees the actions its agency owns
    (the young person's name and date of birth only). Recorded in the audit log.

    Args:
        agency (None | str | Unset):
        area (None | str | Unset):
        status (ActionStatus | None | Unset): Only actions in this status.
        overdue (bool | None | Unset): `true`: only overdue actions (open or in progress, past
            due); `false`: the rest.
        meeting_id (None | Unset | UUID): Only the actions of this meeting.
        subject_id (None | Unset | UUID): Only this young person's actions (VRU staff).
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.
        updated_since (datetime.date | datetime.datetime | None | Unset): A change feed: only the
            records created or changed at or after this time (RFC 3339, or a date: the start of that
            UK day), oldest change first. Keep the `updated_at` of the last record you processed and
            ask again from a little before it (a change committed late can carry an earlier time); de-
            duplicate by `id` and `version`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageActionRead | Problem]
    """

    kwargs = _get_kwargs(
        agency=agency,
        area=area,
        status=status,
        overdue=overdue,
        meeting_id=meeting_id,
        subject_id=subject_id,
        limit=limit,
        cursor=cursor,
        updated_since=updated_since,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    agency: None | str | Unset = UNSET,
    area: None | str | Unset = UNSET,
    status: ActionStatus | None | Unset = UNSET,
    overdue: bool | None | Unset = UNSET,
    meeting_id: None | Unset | UUID = UNSET,
    subject_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.date | datetime.datetime | None | Unset = UNSET,
) -> PageActionRead | Problem | None:
    """List meeting actions

     Actions agreed at meetings, soonest due first. Filter by owning `agency`, coordinator `area`,
    `status`, `overdue`, `meeting_id` and `subject_id`; `overdue=true&agency=…` lists an agency's
    overdue actions, `overdue=true&area=…` an area's. A partner agency sees the actions its agency owns
    (the young person's name and date of birth only). Recorded in the audit log.

    Args:
        agency (None | str | Unset):
        area (None | str | Unset):
        status (ActionStatus | None | Unset): Only actions in this status.
        overdue (bool | None | Unset): `true`: only overdue actions (open or in progress, past
            due); `false`: the rest.
        meeting_id (None | Unset | UUID): Only the actions of this meeting.
        subject_id (None | Unset | UUID): Only this young person's actions (VRU staff).
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.
        updated_since (datetime.date | datetime.datetime | None | Unset): A change feed: only the
            records created or changed at or after this time (RFC 3339, or a date: the start of that
            UK day), oldest change first. Keep the `updated_at` of the last record you processed and
            ask again from a little before it (a change committed late can carry an earlier time); de-
            duplicate by `id` and `version`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageActionRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            agency=agency,
            area=area,
            status=status,
            overdue=overdue,
            meeting_id=meeting_id,
            subject_id=subject_id,
            limit=limit,
            cursor=cursor,
            updated_since=updated_since,
        )
    ).parsed
