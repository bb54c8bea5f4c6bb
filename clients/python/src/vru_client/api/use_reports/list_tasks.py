from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_tasks_district_type_0 import ListTasksDistrictType0
from ...models.page_resupply_task_read import PageResupplyTaskRead
from ...models.problem import Problem
from ...models.resupply_status import ResupplyStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: None | ResupplyStatus | Unset = UNSET,
    district: ListTasksDistrictType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: str | Unset | None
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, ResupplyStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_district: str | Unset | None
    if isinstance(district, Unset):
        json_district = UNSET
    elif isinstance(district, ListTasksDistrictType0):
        json_district = district.value
    else:
        json_district = district
    params["district"] = json_district

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
        "url": "/v1/resupply-tasks",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageResupplyTaskRead | Problem | None:
    if response.status_code == 200:
        response_200 = PageResupplyTaskRead.from_dict(response.json())

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
) -> Response[PageResupplyTaskRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: None | ResupplyStatus | Unset = UNSET,
    district: ListTasksDistrictType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageResupplyTaskRead | Problem]:
    """List resupply tasks

     A site whose pack was used needs a new one: each use report opens a task for the site's CSP;
    deploying a pack to the site completes it. Newest first; filter by `status` and `district`. Staff,
    or CSP officers in their district.

    Args:
        status (None | ResupplyStatus | Unset): Only tasks in this status.
        district (ListTasksDistrictType0 | None | Unset): Only this district.
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageResupplyTaskRead | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        district=district,
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
    status: None | ResupplyStatus | Unset = UNSET,
    district: ListTasksDistrictType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageResupplyTaskRead | Problem | None:
    """List resupply tasks

     A site whose pack was used needs a new one: each use report opens a task for the site's CSP;
    deploying a pack to the site completes it. Newest first; filter by `status` and `district`. Staff,
    or CSP officers in their district.

    Args:
        status (None | ResupplyStatus | Unset): Only tasks in this status.
        district (ListTasksDistrictType0 | None | Unset): Only this district.
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageResupplyTaskRead | Problem
    """

    return sync_detailed(
        client=client,
        status=status,
        district=district,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: None | ResupplyStatus | Unset = UNSET,
    district: ListTasksDistrictType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageResupplyTaskRead | Problem]:
    """List resupply tasks

     A site whose pack was used needs a new one: each use report opens a task for the site's CSP;
    deploying a pack to the site completes it. Newest first; filter by `status` and `district`. Staff,
    or CSP officers in their district.

    Args:
        status (None | ResupplyStatus | Unset): Only tasks in this status.
        district (ListTasksDistrictType0 | None | Unset): Only this district.
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageResupplyTaskRead | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        district=district,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    status: None | ResupplyStatus | Unset = UNSET,
    district: ListTasksDistrictType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageResupplyTaskRead | Problem | None:
    """List resupply tasks

     A site whose pack was used needs a new one: each use report opens a task for the site's CSP;
    deploying a pack to the site completes it. Newest first; filter by `status` and `district`. Staff,
    or CSP officers in their district.

    Args:
        status (None | ResupplyStatus | Unset): Only tasks in this status.
        district (ListTasksDistrictType0 | None | Unset): Only this district.
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageResupplyTaskRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            district=district,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
