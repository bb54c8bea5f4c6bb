import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_sites_district_type_0 import ListSitesDistrictType0
from ...models.page_site_read import PageSiteRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    district: ListSitesDistrictType0 | None | Unset = UNSET,
    public: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.date | datetime.datetime | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_district: str | Unset | None
    if isinstance(district, Unset):
        json_district = UNSET
    elif isinstance(district, ListSitesDistrictType0):
        json_district = district.value
    else:
        json_district = district
    params["district"] = json_district

    json_public: bool | Unset | None
    if isinstance(public, Unset):
        json_public = UNSET
    else:
        json_public = public
    params["public"] = json_public

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
        "url": "/v1/sites",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PageSiteRead | Problem | None:
    if response.status_code == 200:
        response_200 = PageSiteRead.from_dict(response.json())

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
) -> Response[PageSiteRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    district: ListSitesDistrictType0 | None | Unset = UNSET,
    public: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.date | datetime.datetime | None | Unset = UNSET,
) -> Response[PageSiteRead | Problem]:
    """List sites

     Sites you can see, ordered by name: staff all, CSP officers their district's, guardians the sites
    they guard. `lock_code` is shown only to the owning CSP's officers and the site's guardians.

    Args:
        district (ListSitesDistrictType0 | None | Unset): Only this district.
        public (bool | None | Unset): `true`: only public sites; `false`: only others.
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
        Response[PageSiteRead | Problem]
    """

    kwargs = _get_kwargs(
        district=district,
        public=public,
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
    district: ListSitesDistrictType0 | None | Unset = UNSET,
    public: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.date | datetime.datetime | None | Unset = UNSET,
) -> PageSiteRead | Problem | None:
    """List sites

     Sites you can see, ordered by name: staff all, CSP officers their district's, guardians the sites
    they guard. `lock_code` is shown only to the owning CSP's officers and the site's guardians.

    Args:
        district (ListSitesDistrictType0 | None | Unset): Only this district.
        public (bool | None | Unset): `true`: only public sites; `false`: only others.
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
        PageSiteRead | Problem
    """

    return sync_detailed(
        client=client,
        district=district,
        public=public,
        limit=limit,
        cursor=cursor,
        updated_since=updated_since,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    district: ListSitesDistrictType0 | None | Unset = UNSET,
    public: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.date | datetime.datetime | None | Unset = UNSET,
) -> Response[PageSiteRead | Problem]:
    """List sites

     Sites you can see, ordered by name: staff all, CSP officers their district's, guardians the sites
    they guard. `lock_code` is shown only to the owning CSP's officers and the site's guardians.

    Args:
        district (ListSitesDistrictType0 | None | Unset): Only this district.
        public (bool | None | Unset): `true`: only public sites; `false`: only others.
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
        Response[PageSiteRead | Problem]
    """

    kwargs = _get_kwargs(
        district=district,
        public=public,
        limit=limit,
        cursor=cursor,
        updated_since=updated_since,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    district: ListSitesDistrictType0 | None | Unset = UNSET,
    public: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.date | datetime.datetime | None | Unset = UNSET,
) -> PageSiteRead | Problem | None:
    """List sites

     Sites you can see, ordered by name: staff all, CSP officers their district's, guardians the sites
    they guard. `lock_code` is shown only to the owning CSP's officers and the site's guardians.

    Args:
        district (ListSitesDistrictType0 | None | Unset): Only this district.
        public (bool | None | Unset): `true`: only public sites; `false`: only others.
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
        PageSiteRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            district=district,
            public=public,
            limit=limit,
            cursor=cursor,
            updated_since=updated_since,
        )
    ).parsed
