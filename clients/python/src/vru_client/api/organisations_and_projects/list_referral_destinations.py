from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_referral_destinations_district import ListReferralDestinationsDistrict
from ...models.page_referral_destination import PageReferralDestination
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    district: ListReferralDestinationsDistrict,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_district = district.value
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
        "url": "/v1/projects/referral-destinations",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageReferralDestination | Problem | None:
    if response.status_code == 200:
        response_200 = PageReferralDestination.from_dict(response.json())

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
) -> Response[PageReferralDestination | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    district: ListReferralDestinationsDistrict,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageReferralDestination | Problem]:
    """Funded projects a young person can be referred to

     The active projects serving `district` that an active grant funds, by name: the referrals service
    offers them to coordinators as referral destinations. Each names the grant whose monitoring figures
    count the referrals the project accepts. VRU staff and services.

    Args:
        district (ListReferralDestinationsDistrict): The district the young person lives in or is
            referred in.
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageReferralDestination | Problem]
    """

    kwargs = _get_kwargs(
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
    district: ListReferralDestinationsDistrict,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageReferralDestination | Problem | None:
    """Funded projects a young person can be referred to

     The active projects serving `district` that an active grant funds, by name: the referrals service
    offers them to coordinators as referral destinations. Each names the grant whose monitoring figures
    count the referrals the project accepts. VRU staff and services.

    Args:
        district (ListReferralDestinationsDistrict): The district the young person lives in or is
            referred in.
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageReferralDestination | Problem
    """

    return sync_detailed(
        client=client,
        district=district,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    district: ListReferralDestinationsDistrict,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageReferralDestination | Problem]:
    """Funded projects a young person can be referred to

     The active projects serving `district` that an active grant funds, by name: the referrals service
    offers them to coordinators as referral destinations. Each names the grant whose monitoring figures
    count the referrals the project accepts. VRU staff and services.

    Args:
        district (ListReferralDestinationsDistrict): The district the young person lives in or is
            referred in.
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageReferralDestination | Problem]
    """

    kwargs = _get_kwargs(
        district=district,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    district: ListReferralDestinationsDistrict,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageReferralDestination | Problem | None:
    """Funded projects a young person can be referred to

     The active projects serving `district` that an active grant funds, by name: the referrals service
    offers them to coordinators as referral destinations. Each names the grant whose monitoring figures
    count the referrals the project accepts. VRU staff and services.

    Args:
        district (ListReferralDestinationsDistrict): The district the young person lives in or is
            referred in.
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageReferralDestination | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            district=district,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
