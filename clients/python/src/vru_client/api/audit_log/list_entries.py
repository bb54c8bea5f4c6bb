import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.audit_action import AuditAction
from ...models.page_audit_entry_read import PageAuditEntryRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    from_: datetime.date | datetime.datetime | None | Unset = UNSET,
    to: datetime.date | datetime.datetime | None | Unset = UNSET,
    actor: None | str | Unset = UNSET,
    agency: None | Unset | UUID = UNSET,
    record_id: None | str | Unset = UNSET,
    action: AuditAction | None | Unset = UNSET,
    record_type: None | str | Unset = UNSET,
    purpose: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    json_cursor: str | Unset | None
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    json_from_: str | Unset | None
    if isinstance(from_, Unset):
        json_from_ = UNSET
    elif isinstance(from_, datetime.datetime) or isinstance(from_, datetime.date):
        json_from_ = from_.isoformat()
    else:
        json_from_ = from_
    params["from"] = json_from_

    json_to: str | Unset | None
    if isinstance(to, Unset):
        json_to = UNSET
    elif isinstance(to, datetime.datetime) or isinstance(to, datetime.date):
        json_to = to.isoformat()
    else:
        json_to = to
    params["to"] = json_to

    json_actor: str | Unset | None
    if isinstance(actor, Unset):
        json_actor = UNSET
    else:
        json_actor = actor
    params["actor"] = json_actor

    json_agency: str | Unset | None
    if isinstance(agency, Unset):
        json_agency = UNSET
    elif isinstance(agency, UUID):
        json_agency = str(agency)
    else:
        json_agency = agency
    params["agency"] = json_agency

    json_record_id: str | Unset | None
    if isinstance(record_id, Unset):
        json_record_id = UNSET
    else:
        json_record_id = record_id
    params["record_id"] = json_record_id

    json_action: str | Unset | None
    if isinstance(action, Unset):
        json_action = UNSET
    elif isinstance(action, AuditAction):
        json_action = action.value
    else:
        json_action = action
    params["action"] = json_action

    json_record_type: str | Unset | None
    if isinstance(record_type, Unset):
        json_record_type = UNSET
    else:
        json_record_type = record_type
    params["record_type"] = json_record_type

    json_purpose: str | Unset | None
    if isinstance(purpose, Unset):
        json_purpose = UNSET
    else:
        json_purpose = purpose
    params["purpose"] = json_purpose

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/audit-log",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageAuditEntryRead | Problem | None:
    if response.status_code == 200:
        response_200 = PageAuditEntryRead.from_dict(response.json())

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
) -> Response[PageAuditEntryRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    from_: datetime.date | datetime.datetime | None | Unset = UNSET,
    to: datetime.date | datetime.datetime | None | Unset = UNSET,
    actor: None | str | Unset = UNSET,
    agency: None | Unset | UUID = UNSET,
    record_id: None | str | Unset = UNSET,
    action: AuditAction | None | Unset = UNSET,
    record_type: None | str | Unset = UNSET,
    purpose: None | str | Unset = UNSET,
) -> Response[PageAuditEntryRead | Problem]:
    """Query the audit log

     Every read, creation, change, disclosure and erasure of personal data in this service (DPA 2018
    s.62), newest first, each naming the actor (token subject, display name and agency at the time).
    Filter by who (`actor`: token subject; `agency`), which record (`record_id`), action, record type,
    purpose (text it contains) and period. Auditors only.

    Args:
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.
        from_ (datetime.date | datetime.datetime | None | Unset): Entries at or after this time
            (RFC 3339), or from the start of this day (UK).
        to (datetime.date | datetime.datetime | None | Unset): Entries before this time (RFC
            3339), or before the start of this day (UK).
        actor (None | str | Unset): The actor's token subject.
        agency (None | Unset | UUID): The actor's agency.
        record_id (None | str | Unset):
        action (AuditAction | None | Unset):
        record_type (None | str | Unset):
        purpose (None | str | Unset): Text the purpose contains (any case).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageAuditEntryRead | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        from_=from_,
        to=to,
        actor=actor,
        agency=agency,
        record_id=record_id,
        action=action,
        record_type=record_type,
        purpose=purpose,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    from_: datetime.date | datetime.datetime | None | Unset = UNSET,
    to: datetime.date | datetime.datetime | None | Unset = UNSET,
    actor: None | str | Unset = UNSET,
    agency: None | Unset | UUID = UNSET,
    record_id: None | str | Unset = UNSET,
    action: AuditAction | None | Unset = UNSET,
    record_type: None | str | Unset = UNSET,
    purpose: None | str | Unset = UNSET,
) -> PageAuditEntryRead | Problem | None:
    """Query the audit log

     Every read, creation, change, disclosure and erasure of personal data in this service (DPA 2018
    s.62), newest first, each naming the actor (token subject, display name and agency at the time).
    Filter by who (`actor`: token subject; `agency`), which record (`record_id`), action, record type,
    purpose (text it contains) and period. Auditors only.

    Args:
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.
        from_ (datetime.date | datetime.datetime | None | Unset): Entries at or after this time
            (RFC 3339), or from the start of this day (UK).
        to (datetime.date | datetime.datetime | None | Unset): Entries before this time (RFC
            3339), or before the start of this day (UK).
        actor (None | str | Unset): The actor's token subject.
        agency (None | Unset | UUID): The actor's agency.
        record_id (None | str | Unset):
        action (AuditAction | None | Unset):
        record_type (None | str | Unset):
        purpose (None | str | Unset): Text the purpose contains (any case).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageAuditEntryRead | Problem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        from_=from_,
        to=to,
        actor=actor,
        agency=agency,
        record_id=record_id,
        action=action,
        record_type=record_type,
        purpose=purpose,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    from_: datetime.date | datetime.datetime | None | Unset = UNSET,
    to: datetime.date | datetime.datetime | None | Unset = UNSET,
    actor: None | str | Unset = UNSET,
    agency: None | Unset | UUID = UNSET,
    record_id: None | str | Unset = UNSET,
    action: AuditAction | None | Unset = UNSET,
    record_type: None | str | Unset = UNSET,
    purpose: None | str | Unset = UNSET,
) -> Response[PageAuditEntryRead | Problem]:
    """Query the audit log

     Every read, creation, change, disclosure and erasure of personal data in this service (DPA 2018
    s.62), newest first, each naming the actor (token subject, display name and agency at the time).
    Filter by who (`actor`: token subject; `agency`), which record (`record_id`), action, record type,
    purpose (text it contains) and period. Auditors only.

    Args:
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.
        from_ (datetime.date | datetime.datetime | None | Unset): Entries at or after this time
            (RFC 3339), or from the start of this day (UK).
        to (datetime.date | datetime.datetime | None | Unset): Entries before this time (RFC
            3339), or before the start of this day (UK).
        actor (None | str | Unset): The actor's token subject.
        agency (None | Unset | UUID): The actor's agency.
        record_id (None | str | Unset):
        action (AuditAction | None | Unset):
        record_type (None | str | Unset):
        purpose (None | str | Unset): Text the purpose contains (any case).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageAuditEntryRead | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        from_=from_,
        to=to,
        actor=actor,
        agency=agency,
        record_id=record_id,
        action=action,
        record_type=record_type,
        purpose=purpose,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    from_: datetime.date | datetime.datetime | None | Unset = UNSET,
    to: datetime.date | datetime.datetime | None | Unset = UNSET,
    actor: None | str | Unset = UNSET,
    agency: None | Unset | UUID = UNSET,
    record_id: None | str | Unset = UNSET,
    action: AuditAction | None | Unset = UNSET,
    record_type: None | str | Unset = UNSET,
    purpose: None | str | Unset = UNSET,
) -> PageAuditEntryRead | Problem | None:
    """Query the audit log

     Every read, creation, change, disclosure and erasure of personal data in this service (DPA 2018
    s.62), newest first, each naming the actor (token subject, display name and agency at the time).
    Filter by who (`actor`: token subject; `agency`), which record (`record_id`), action, record type,
    purpose (text it contains) and period. Auditors only.

    Args:
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.
        from_ (datetime.date | datetime.datetime | None | Unset): Entries at or after this time
            (RFC 3339), or from the start of this day (UK).
        to (datetime.date | datetime.datetime | None | Unset): Entries before this time (RFC
            3339), or before the start of this day (UK).
        actor (None | str | Unset): The actor's token subject.
        agency (None | Unset | UUID): The actor's agency.
        record_id (None | str | Unset):
        action (AuditAction | None | Unset):
        record_type (None | str | Unset):
        purpose (None | str | Unset): Text the purpose contains (any case).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageAuditEntryRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            from_=from_,
            to=to,
            actor=actor,
            agency=agency,
            record_id=record_id,
            action=action,
            record_type=record_type,
            purpose=purpose,
        )
    ).parsed
