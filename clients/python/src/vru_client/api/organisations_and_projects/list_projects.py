from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.area import Area
from ...models.list_projects_district_type_0 import ListProjectsDistrictType0
from ...models.page_project_read import PageProjectRead
from ...models.problem import Problem
from ...models.project_status import ProjectStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    financial_year: None | str | Unset = UNSET,
    area: Area | None | Unset = UNSET,
    stream: None | str | Unset = UNSET,
    district: ListProjectsDistrictType0 | None | Unset = UNSET,
    status: None | ProjectStatus | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_financial_year: str | Unset | None
    if isinstance(financial_year, Unset):
        json_financial_year = UNSET
    else:
        json_financial_year = financial_year
    params["financial_year"] = json_financial_year

    json_area: str | Unset | None
    if isinstance(area, Unset):
        json_area = UNSET
    elif isinstance(area, Area):
        json_area = area.value
    else:
        json_area = area
    params["area"] = json_area

    json_stream: str | Unset | None
    if isinstance(stream, Unset):
        json_stream = UNSET
    else:
        json_stream = stream
    params["stream"] = json_stream

    json_district: str | Unset | None
    if isinstance(district, Unset):
        json_district = UNSET
    elif isinstance(district, ListProjectsDistrictType0):
        json_district = district.value
    else:
        json_district = district
    params["district"] = json_district

    json_status: str | Unset | None
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, ProjectStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

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
        "url": "/v1/projects",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageProjectRead | Problem | None:
    if response.status_code == 200:
        response_200 = PageProjectRead.from_dict(response.json())

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
) -> Response[PageProjectRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    financial_year: None | str | Unset = UNSET,
    area: Area | None | Unset = UNSET,
    stream: None | str | Unset = UNSET,
    district: ListProjectsDistrictType0 | None | Unset = UNSET,
    status: None | ProjectStatus | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageProjectRead | Problem]:
    """List projects

     Funded projects by name. Filter by `financial_year`, `area` (north-kent, east-kent, west-kent,
    south-kent, countywide), `stream`, `district` (projects serving it) and `status`. The 2019/20 and
    2020/21 projects named in the unit's autumn 2020 newsletter are seeded (`illustrative`: their
    amounts are made up).

    Args:
        financial_year (None | str | Unset): Only this financial year.
        area (Area | None | Unset): Only this area.
        stream (None | str | Unset): Only this stream's code.
        district (ListProjectsDistrictType0 | None | Unset): Only projects serving it.
        status (None | ProjectStatus | Unset): Only this status.
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageProjectRead | Problem]
    """

    kwargs = _get_kwargs(
        financial_year=financial_year,
        area=area,
        stream=stream,
        district=district,
        status=status,
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
    financial_year: None | str | Unset = UNSET,
    area: Area | None | Unset = UNSET,
    stream: None | str | Unset = UNSET,
    district: ListProjectsDistrictType0 | None | Unset = UNSET,
    status: None | ProjectStatus | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageProjectRead | Problem | None:
    """List projects

     Funded projects by name. Filter by `financial_year`, `area` (north-kent, east-kent, west-kent,
    south-kent, countywide), `stream`, `district` (projects serving it) and `status`. The 2019/20 and
    2020/21 projects named in the unit's autumn 2020 newsletter are seeded (`illustrative`: their
    amounts are made up).

    Args:
        financial_year (None | str | Unset): Only this financial year.
        area (Area | None | Unset): Only this area.
        stream (None | str | Unset): Only this stream's code.
        district (ListProjectsDistrictType0 | None | Unset): Only projects serving it.
        status (None | ProjectStatus | Unset): Only this status.
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageProjectRead | Problem
    """

    return sync_detailed(
        client=client,
        financial_year=financial_year,
        area=area,
        stream=stream,
        district=district,
        status=status,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    financial_year: None | str | Unset = UNSET,
    area: Area | None | Unset = UNSET,
    stream: None | str | Unset = UNSET,
    district: ListProjectsDistrictType0 | None | Unset = UNSET,
    status: None | ProjectStatus | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageProjectRead | Problem]:
    """List projects

     Funded projects by name. Filter by `financial_year`, `area` (north-kent, east-kent, west-kent,
    south-kent, countywide), `stream`, `district` (projects serving it) and `status`. The 2019/20 and
    2020/21 projects named in the unit's autumn 2020 newsletter are seeded (`illustrative`: their
    amounts are made up).

    Args:
        financial_year (None | str | Unset): Only this financial year.
        area (Area | None | Unset): Only this area.
        stream (None | str | Unset): Only this stream's code.
        district (ListProjectsDistrictType0 | None | Unset): Only projects serving it.
        status (None | ProjectStatus | Unset): Only this status.
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageProjectRead | Problem]
    """

    kwargs = _get_kwargs(
        financial_year=financial_year,
        area=area,
        stream=stream,
        district=district,
        status=status,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    financial_year: None | str | Unset = UNSET,
    area: Area | None | Unset = UNSET,
    stream: None | str | Unset = UNSET,
    district: ListProjectsDistrictType0 | None | Unset = UNSET,
    status: None | ProjectStatus | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageProjectRead | Problem | None:
    """List projects

     Funded projects by name. Filter by `financial_year`, `area` (north-kent, east-kent, west-kent,
    south-kent, countywide), `stream`, `district` (projects serving it) and `status`. The 2019/20 and
    2020/21 projects named in the unit's autumn 2020 newsletter are seeded (`illustrative`: their
    amounts are made up).

    Args:
        financial_year (None | str | Unset): Only this financial year.
        area (Area | None | Unset): Only this area.
        stream (None | str | Unset): Only this stream's code.
        district (ListProjectsDistrictType0 | None | Unset): Only projects serving it.
        status (None | ProjectStatus | Unset): Only this status.
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageProjectRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            financial_year=financial_year,
            area=area,
            stream=stream,
            district=district,
            status=status,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
