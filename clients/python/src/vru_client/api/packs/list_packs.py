from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_packs_district_type_0 import ListPacksDistrictType0
from ...models.pack_status import PackStatus
from ...models.page_pack_read import PagePackRead
from ...models.problem import Problem
from ...models.readiness import Readiness
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    location_id: None | Unset | UUID = UNSET,
    district: ListPacksDistrictType0 | None | Unset = UNSET,
    status: None | PackStatus | Unset = UNSET,
    readiness: None | Readiness | Unset = UNSET,
    serial: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_location_id: str | Unset | None
    if isinstance(location_id, Unset):
        json_location_id = UNSET
    elif isinstance(location_id, UUID):
        json_location_id = str(location_id)
    else:
        json_location_id = location_id
    params["location_id"] = json_location_id

    json_district: str | Unset | None
    if isinstance(district, Unset):
        json_district = UNSET
    elif isinstance(district, ListPacksDistrictType0):
        json_district = district.value
    else:
        json_district = district
    params["district"] = json_district

    json_status: str | Unset | None
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, PackStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_readiness: str | Unset | None
    if isinstance(readiness, Unset):
        json_readiness = UNSET
    elif isinstance(readiness, Readiness):
        json_readiness = readiness.value
    else:
        json_readiness = readiness
    params["readiness"] = json_readiness

    json_serial: str | Unset | None
    if isinstance(serial, Unset):
        json_serial = UNSET
    else:
        json_serial = serial
    params["serial"] = json_serial

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
        "url": "/v1/packs",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PagePackRead | Problem | None:
    if response.status_code == 200:
        response_200 = PagePackRead.from_dict(response.json())

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
) -> Response[PagePackRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    location_id: None | Unset | UUID = UNSET,
    district: ListPacksDistrictType0 | None | Unset = UNSET,
    status: None | PackStatus | Unset = UNSET,
    readiness: None | Readiness | Unset = UNSET,
    serial: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PagePackRead | Problem]:
    """List packs

     Packs you can see, ordered by serial, with readiness (`ready`, `needs_attention`, `used`,
    `check_overdue`, `expired`) and when the next check is due. Filter by `location_id`, `district`,
    `status`, `readiness` or `serial`. Staff see all; CSP officers their district's; guardians those at
    their sites.

    Args:
        location_id (None | Unset | UUID): Only packs at (or last at) this location.
        district (ListPacksDistrictType0 | None | Unset): Only this district.
        status (None | PackStatus | Unset): Only packs in this status.
        readiness (None | Readiness | Unset): Only packs with this readiness.
        serial (None | str | Unset): The pack with this serial.
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PagePackRead | Problem]
    """

    kwargs = _get_kwargs(
        location_id=location_id,
        district=district,
        status=status,
        readiness=readiness,
        serial=serial,
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
    location_id: None | Unset | UUID = UNSET,
    district: ListPacksDistrictType0 | None | Unset = UNSET,
    status: None | PackStatus | Unset = UNSET,
    readiness: None | Readiness | Unset = UNSET,
    serial: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PagePackRead | Problem | None:
    """List packs

     Packs you can see, ordered by serial, with readiness (`ready`, `needs_attention`, `used`,
    `check_overdue`, `expired`) and when the next check is due. Filter by `location_id`, `district`,
    `status`, `readiness` or `serial`. Staff see all; CSP officers their district's; guardians those at
    their sites.

    Args:
        location_id (None | Unset | UUID): Only packs at (or last at) this location.
        district (ListPacksDistrictType0 | None | Unset): Only this district.
        status (None | PackStatus | Unset): Only packs in this status.
        readiness (None | Readiness | Unset): Only packs with this readiness.
        serial (None | str | Unset): The pack with this serial.
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PagePackRead | Problem
    """

    return sync_detailed(
        client=client,
        location_id=location_id,
        district=district,
        status=status,
        readiness=readiness,
        serial=serial,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    location_id: None | Unset | UUID = UNSET,
    district: ListPacksDistrictType0 | None | Unset = UNSET,
    status: None | PackStatus | Unset = UNSET,
    readiness: None | Readiness | Unset = UNSET,
    serial: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PagePackRead | Problem]:
    """List packs

     Packs you can see, ordered by serial, with readiness (`ready`, `needs_attention`, `used`,
    `check_overdue`, `expired`) and when the next check is due. Filter by `location_id`, `district`,
    `status`, `readiness` or `serial`. Staff see all; CSP officers their district's; guardians those at
    their sites.

    Args:
        location_id (None | Unset | UUID): Only packs at (or last at) this location.
        district (ListPacksDistrictType0 | None | Unset): Only this district.
        status (None | PackStatus | Unset): Only packs in this status.
        readiness (None | Readiness | Unset): Only packs with this readiness.
        serial (None | str | Unset): The pack with this serial.
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PagePackRead | Problem]
    """

    kwargs = _get_kwargs(
        location_id=location_id,
        district=district,
        status=status,
        readiness=readiness,
        serial=serial,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    location_id: None | Unset | UUID = UNSET,
    district: ListPacksDistrictType0 | None | Unset = UNSET,
    status: None | PackStatus | Unset = UNSET,
    readiness: None | Readiness | Unset = UNSET,
    serial: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PagePackRead | Problem | None:
    """List packs

     Packs you can see, ordered by serial, with readiness (`ready`, `needs_attention`, `used`,
    `check_overdue`, `expired`) and when the next check is due. Filter by `location_id`, `district`,
    `status`, `readiness` or `serial`. Staff see all; CSP officers their district's; guardians those at
    their sites.

    Args:
        location_id (None | Unset | UUID): Only packs at (or last at) this location.
        district (ListPacksDistrictType0 | None | Unset): Only this district.
        status (None | PackStatus | Unset): Only packs in this status.
        readiness (None | Readiness | Unset): Only packs with this readiness.
        serial (None | str | Unset): The pack with this serial.
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PagePackRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            location_id=location_id,
            district=district,
            status=status,
            readiness=readiness,
            serial=serial,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
