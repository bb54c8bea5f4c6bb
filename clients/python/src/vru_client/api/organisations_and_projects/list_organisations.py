from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_organisations_district_type_0 import ListOrganisationsDistrictType0
from ...models.organisation_kind import OrganisationKind
from ...models.page_organisation_read import PageOrganisationRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    kind: None | OrganisationKind | Unset = UNSET,
    district: ListOrganisationsDistrictType0 | None | Unset = UNSET,
    csu: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_kind: str | Unset | None
    if isinstance(kind, Unset):
        json_kind = UNSET
    elif isinstance(kind, OrganisationKind):
        json_kind = kind.value
    else:
        json_kind = kind
    params["kind"] = json_kind

    json_district: str | Unset | None
    if isinstance(district, Unset):
        json_district = UNSET
    elif isinstance(district, ListOrganisationsDistrictType0):
        json_district = district.value
    else:
        json_district = district
    params["district"] = json_district

    json_csu: bool | Unset | None
    if isinstance(csu, Unset):
        json_csu = UNSET
    else:
        json_csu = csu
    params["csu"] = json_csu

    params["limit"] = limit

    json_cursor: str | Unset | None
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/organisations",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageOrganisationRead | Problem | None:
    if response.status_code == 200:
        response_200 = PageOrganisationRead.from_dict(response.json())

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
) -> Response[PageOrganisationRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    kind: None | OrganisationKind | Unset = UNSET,
    district: ListOrganisationsDistrictType0 | None | Unset = UNSET,
    csu: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageOrganisationRead | Problem]:
    """List organisations

     Funded organisations by name, each with its org-id identifier. Filter by `kind`, `district` and
    `csu` (the 13 district councils hosting the Community Safety Units receive formula allocations).

    Args:
        kind (None | OrganisationKind | Unset): Only this kind.
        district (ListOrganisationsDistrictType0 | None | Unset): Only this district's.
        csu (bool | None | Unset): `true`: only the councils hosting a Community Safety Unit.
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageOrganisationRead | Problem]
    """

    kwargs = _get_kwargs(
        kind=kind,
        district=district,
        csu=csu,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    kind: None | OrganisationKind | Unset = UNSET,
    district: ListOrganisationsDistrictType0 | None | Unset = UNSET,
    csu: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageOrganisationRead | Problem | None:
    """List organisations

     Funded organisations by name, each with its org-id identifier. Filter by `kind`, `district` and
    `csu` (the 13 district councils hosting the Community Safety Units receive formula allocations).

    Args:
        kind (None | OrganisationKind | Unset): Only this kind.
        district (ListOrganisationsDistrictType0 | None | Unset): Only this district's.
        csu (bool | None | Unset): `true`: only the councils hosting a Community Safety Unit.
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageOrganisationRead | Problem
    """

    return sync_detailed(
        client=client,
        kind=kind,
        district=district,
        csu=csu,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    kind: None | OrganisationKind | Unset = UNSET,
    district: ListOrganisationsDistrictType0 | None | Unset = UNSET,
    csu: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageOrganisationRead | Problem]:
    """List organisations

     Funded organisations by name, each with its org-id identifier. Filter by `kind`, `district` and
    `csu` (the 13 district councils hosting the Community Safety Units receive formula allocations).

    Args:
        kind (None | OrganisationKind | Unset): Only this kind.
        district (ListOrganisationsDistrictType0 | None | Unset): Only this district's.
        csu (bool | None | Unset): `true`: only the councils hosting a Community Safety Unit.
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageOrganisationRead | Problem]
    """

    kwargs = _get_kwargs(
        kind=kind,
        district=district,
        csu=csu,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    kind: None | OrganisationKind | Unset = UNSET,
    district: ListOrganisationsDistrictType0 | None | Unset = UNSET,
    csu: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageOrganisationRead | Problem | None:
    """List organisations

     Funded organisations by name, each with its org-id identifier. Filter by `kind`, `district` and
    `csu` (the 13 district councils hosting the Community Safety Units receive formula allocations).

    Args:
        kind (None | OrganisationKind | Unset): Only this kind.
        district (ListOrganisationsDistrictType0 | None | Unset): Only this district's.
        csu (bool | None | Unset): `true`: only the councils hosting a Community Safety Unit.
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageOrganisationRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            kind=kind,
            district=district,
            csu=csu,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
