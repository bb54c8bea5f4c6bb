import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.grant_status import GrantStatus
from ...models.list_grants_district_type_0 import ListGrantsDistrictType0
from ...models.page_grant_read import PageGrantRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: GrantStatus | None | Unset = UNSET,
    district: ListGrantsDistrictType0 | None | Unset = UNSET,
    budget_line_id: None | Unset | UUID = UNSET,
    project_id: None | Unset | UUID = UNSET,
    recipient_organisation_id: None | Unset | UUID = UNSET,
    allocation_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.date | datetime.datetime | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: str | Unset | None
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, GrantStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_district: str | Unset | None
    if isinstance(district, Unset):
        json_district = UNSET
    elif isinstance(district, ListGrantsDistrictType0):
        json_district = district.value
    else:
        json_district = district
    params["district"] = json_district

    json_budget_line_id: str | Unset | None
    if isinstance(budget_line_id, Unset):
        json_budget_line_id = UNSET
    elif isinstance(budget_line_id, UUID):
        json_budget_line_id = str(budget_line_id)
    else:
        json_budget_line_id = budget_line_id
    params["budget_line_id"] = json_budget_line_id

    json_project_id: str | Unset | None
    if isinstance(project_id, Unset):
        json_project_id = UNSET
    elif isinstance(project_id, UUID):
        json_project_id = str(project_id)
    else:
        json_project_id = project_id
    params["project_id"] = json_project_id

    json_recipient_organisation_id: str | Unset | None
    if isinstance(recipient_organisation_id, Unset):
        json_recipient_organisation_id = UNSET
    elif isinstance(recipient_organisation_id, UUID):
        json_recipient_organisation_id = str(recipient_organisation_id)
    else:
        json_recipient_organisation_id = recipient_organisation_id
    params["recipient_organisation_id"] = json_recipient_organisation_id

    json_allocation_id: str | Unset | None
    if isinstance(allocation_id, Unset):
        json_allocation_id = UNSET
    elif isinstance(allocation_id, UUID):
        json_allocation_id = str(allocation_id)
    else:
        json_allocation_id = allocation_id
    params["allocation_id"] = json_allocation_id

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
        "url": "/v1/grants",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageGrantRead | Problem | None:
    if response.status_code == 200:
        response_200 = PageGrantRead.from_dict(response.json())

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
) -> Response[PageGrantRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: GrantStatus | None | Unset = UNSET,
    district: ListGrantsDistrictType0 | None | Unset = UNSET,
    budget_line_id: None | Unset | UUID = UNSET,
    project_id: None | Unset | UUID = UNSET,
    recipient_organisation_id: None | Unset | UUID = UNSET,
    allocation_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.date | datetime.datetime | None | Unset = UNSET,
) -> Response[PageGrantRead | Problem]:
    """List grants

     Grants, oldest first. Filter by `status`, `district` (grants serving it), `budget_line_id`,
    `project_id`, `recipient_organisation_id` and `allocation_id`. A CSP officer sees only grants
    serving their districts.

    Args:
        status (GrantStatus | None | Unset): Only grants in this status.
        district (ListGrantsDistrictType0 | None | Unset): Only grants serving it.
        budget_line_id (None | Unset | UUID): Only grants on this line.
        project_id (None | Unset | UUID): Only this project's grants.
        recipient_organisation_id (None | Unset | UUID): Only grants to this organisation.
        allocation_id (None | Unset | UUID): Only the grants a formula allocation created.
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
        Response[PageGrantRead | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        district=district,
        budget_line_id=budget_line_id,
        project_id=project_id,
        recipient_organisation_id=recipient_organisation_id,
        allocation_id=allocation_id,
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
    status: GrantStatus | None | Unset = UNSET,
    district: ListGrantsDistrictType0 | None | Unset = UNSET,
    budget_line_id: None | Unset | UUID = UNSET,
    project_id: None | Unset | UUID = UNSET,
    recipient_organisation_id: None | Unset | UUID = UNSET,
    allocation_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.date | datetime.datetime | None | Unset = UNSET,
) -> PageGrantRead | Problem | None:
    """List grants

     Grants, oldest first. Filter by `status`, `district` (grants serving it), `budget_line_id`,
    `project_id`, `recipient_organisation_id` and `allocation_id`. A CSP officer sees only grants
    serving their districts.

    Args:
        status (GrantStatus | None | Unset): Only grants in this status.
        district (ListGrantsDistrictType0 | None | Unset): Only grants serving it.
        budget_line_id (None | Unset | UUID): Only grants on this line.
        project_id (None | Unset | UUID): Only this project's grants.
        recipient_organisation_id (None | Unset | UUID): Only grants to this organisation.
        allocation_id (None | Unset | UUID): Only the grants a formula allocation created.
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
        PageGrantRead | Problem
    """

    return sync_detailed(
        client=client,
        status=status,
        district=district,
        budget_line_id=budget_line_id,
        project_id=project_id,
        recipient_organisation_id=recipient_organisation_id,
        allocation_id=allocation_id,
        limit=limit,
        cursor=cursor,
        updated_since=updated_since,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: GrantStatus | None | Unset = UNSET,
    district: ListGrantsDistrictType0 | None | Unset = UNSET,
    budget_line_id: None | Unset | UUID = UNSET,
    project_id: None | Unset | UUID = UNSET,
    recipient_organisation_id: None | Unset | UUID = UNSET,
    allocation_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.date | datetime.datetime | None | Unset = UNSET,
) -> Response[PageGrantRead | Problem]:
    """List grants

     Grants, oldest first. Filter by `status`, `district` (grants serving it), `budget_line_id`,
    `project_id`, `recipient_organisation_id` and `allocation_id`. A CSP officer sees only grants
    serving their districts.

    Args:
        status (GrantStatus | None | Unset): Only grants in this status.
        district (ListGrantsDistrictType0 | None | Unset): Only grants serving it.
        budget_line_id (None | Unset | UUID): Only grants on this line.
        project_id (None | Unset | UUID): Only this project's grants.
        recipient_organisation_id (None | Unset | UUID): Only grants to this organisation.
        allocation_id (None | Unset | UUID): Only the grants a formula allocation created.
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
        Response[PageGrantRead | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        district=district,
        budget_line_id=budget_line_id,
        project_id=project_id,
        recipient_organisation_id=recipient_organisation_id,
        allocation_id=allocation_id,
        limit=limit,
        cursor=cursor,
        updated_since=updated_since,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    status: GrantStatus | None | Unset = UNSET,
    district: ListGrantsDistrictType0 | None | Unset = UNSET,
    budget_line_id: None | Unset | UUID = UNSET,
    project_id: None | Unset | UUID = UNSET,
    recipient_organisation_id: None | Unset | UUID = UNSET,
    allocation_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.date | datetime.datetime | None | Unset = UNSET,
) -> PageGrantRead | Problem | None:
    """List grants

     Grants, oldest first. Filter by `status`, `district` (grants serving it), `budget_line_id`,
    `project_id`, `recipient_organisation_id` and `allocation_id`. A CSP officer sees only grants
    serving their districts.

    Args:
        status (GrantStatus | None | Unset): Only grants in this status.
        district (ListGrantsDistrictType0 | None | Unset): Only grants serving it.
        budget_line_id (None | Unset | UUID): Only grants on this line.
        project_id (None | Unset | UUID): Only this project's grants.
        recipient_organisation_id (None | Unset | UUID): Only grants to this organisation.
        allocation_id (None | Unset | UUID): Only the grants a formula allocation created.
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
        PageGrantRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            district=district,
            budget_line_id=budget_line_id,
            project_id=project_id,
            recipient_organisation_id=recipient_organisation_id,
            allocation_id=allocation_id,
            limit=limit,
            cursor=cursor,
            updated_since=updated_since,
        )
    ).parsed
