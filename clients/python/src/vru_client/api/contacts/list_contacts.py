from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_contacts_district_type_0 import ListContactsDistrictType0
from ...models.page_contact_read import PageContactRead
from ...models.problem import Problem
from ...models.role import Role
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    person_id: list[UUID] | None | Unset = UNSET,
    role: None | Role | Unset = UNSET,
    district: ListContactsDistrictType0 | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_person_id: list[str] | Unset | None
    if isinstance(person_id, Unset):
        json_person_id = UNSET
    elif isinstance(person_id, list):
        json_person_id = []
        for person_id_type_0_item_data in person_id:
            person_id_type_0_item = str(person_id_type_0_item_data)
            json_person_id.append(person_id_type_0_item)

    else:
        json_person_id = person_id
    params["person_id"] = json_person_id

    json_role: str | Unset | None
    if isinstance(role, Unset):
        json_role = UNSET
    elif isinstance(role, Role):
        json_role = role.value
    else:
        json_role = role
    params["role"] = json_role

    json_district: str | Unset | None
    if isinstance(district, Unset):
        json_district = UNSET
    elif isinstance(district, ListContactsDistrictType0):
        json_district = district.value
    else:
        json_district = district
    params["district"] = json_district

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/contacts",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageContactRead | Problem | None:
    if response.status_code == 200:
        response_200 = PageContactRead.from_dict(response.json())

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
) -> Response[PageContactRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    person_id: list[UUID] | None | Unset = UNSET,
    role: None | Role | Unset = UNSET,
    district: ListContactsDistrictType0 | None | Unset = UNSET,
) -> Response[PageContactRead | Problem]:
    """Whom to send a notice to

     Active people with their e-mail, roles and districts: by id (`person_id`, repeated, at most 100), or
    the holders of a role in a district (`role` and `district`) — how the notifications service
    addresses its e-mail notices. A role without a district (or a district without a role) is 422
    `contacts-query-incomplete`; no query at all, an empty list. Deactivated people are left out. The
    platform's services only.

    Args:
        person_id (list[UUID] | None | Unset): People by id (repeat the parameter; at most 100).
        role (None | Role | Unset): With `district`: the holders of this role there.
        district (ListContactsDistrictType0 | None | Unset): With `role`: the district.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageContactRead | Problem]
    """

    kwargs = _get_kwargs(
        person_id=person_id,
        role=role,
        district=district,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    person_id: list[UUID] | None | Unset = UNSET,
    role: None | Role | Unset = UNSET,
    district: ListContactsDistrictType0 | None | Unset = UNSET,
) -> PageContactRead | Problem | None:
    """Whom to send a notice to

     Active people with their e-mail, roles and districts: by id (`person_id`, repeated, at most 100), or
    the holders of a role in a district (`role` and `district`) — how the notifications service
    addresses its e-mail notices. A role without a district (or a district without a role) is 422
    `contacts-query-incomplete`; no query at all, an empty list. Deactivated people are left out. The
    platform's services only.

    Args:
        person_id (list[UUID] | None | Unset): People by id (repeat the parameter; at most 100).
        role (None | Role | Unset): With `district`: the holders of this role there.
        district (ListContactsDistrictType0 | None | Unset): With `role`: the district.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageContactRead | Problem
    """

    return sync_detailed(
        client=client,
        person_id=person_id,
        role=role,
        district=district,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    person_id: list[UUID] | None | Unset = UNSET,
    role: None | Role | Unset = UNSET,
    district: ListContactsDistrictType0 | None | Unset = UNSET,
) -> Response[PageContactRead | Problem]:
    """Whom to send a notice to

     Active people with their e-mail, roles and districts: by id (`person_id`, repeated, at most 100), or
    the holders of a role in a district (`role` and `district`) — how the notifications service
    addresses its e-mail notices. A role without a district (or a district without a role) is 422
    `contacts-query-incomplete`; no query at all, an empty list. Deactivated people are left out. The
    platform's services only.

    Args:
        person_id (list[UUID] | None | Unset): People by id (repeat the parameter; at most 100).
        role (None | Role | Unset): With `district`: the holders of this role there.
        district (ListContactsDistrictType0 | None | Unset): With `role`: the district.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageContactRead | Problem]
    """

    kwargs = _get_kwargs(
        person_id=person_id,
        role=role,
        district=district,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    person_id: list[UUID] | None | Unset = UNSET,
    role: None | Role | Unset = UNSET,
    district: ListContactsDistrictType0 | None | Unset = UNSET,
) -> PageContactRead | Problem | None:
    """Whom to send a notice to

     Active people with their e-mail, roles and districts: by id (`person_id`, repeated, at most 100), or
    the holders of a role in a district (`role` and `district`) — how the notifications service
    addresses its e-mail notices. A role without a district (or a district without a role) is 422
    `contacts-query-incomplete`; no query at all, an empty list. Deactivated people are left out. The
    platform's services only.

    Args:
        person_id (list[UUID] | None | Unset): People by id (repeat the parameter; at most 100).
        role (None | Role | Unset): With `district`: the holders of this role there.
        district (ListContactsDistrictType0 | None | Unset): With `role`: the district.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageContactRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            person_id=person_id,
            role=role,
            district=district,
        )
    ).parsed
