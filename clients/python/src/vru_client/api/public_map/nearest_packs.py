from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.nearest_packs import NearestPacks
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    latitude: float,
    longitude: float,
    limit: int | Unset = 5,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["latitude"] = latitude

    params["longitude"] = longitude

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/public/packs/nearest",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> NearestPacks | Problem | None:
    if response.status_code == 200:
        response_200 = NearestPacks.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

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
) -> Response[NearestPacks | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    latitude: float,
    longitude: float,
    limit: int | Unset = 5,
) -> Response[NearestPacks | Problem]:
    """Nearest ready packs

     No token needed. The `limit` ready packs at public sites nearest to `latitude`/`longitude`, nearest
    first, with the straight-line distance in metres. Never a lock code, a contact or a hidden site.

    Args:
        latitude (float): WGS84 latitude of the point (rounded to 9 decimal places).
        longitude (float): WGS84 longitude of the point (rounded to 9 decimal places).
        limit (int | Unset): How many packs (at most 50). Default: 5.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NearestPacks | Problem]
    """

    kwargs = _get_kwargs(
        latitude=latitude,
        longitude=longitude,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    latitude: float,
    longitude: float,
    limit: int | Unset = 5,
) -> NearestPacks | Problem | None:
    """Nearest ready packs

     No token needed. The `limit` ready packs at public sites nearest to `latitude`/`longitude`, nearest
    first, with the straight-line distance in metres. Never a lock code, a contact or a hidden site.

    Args:
        latitude (float): WGS84 latitude of the point (rounded to 9 decimal places).
        longitude (float): WGS84 longitude of the point (rounded to 9 decimal places).
        limit (int | Unset): How many packs (at most 50). Default: 5.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NearestPacks | Problem
    """

    return sync_detailed(
        client=client,
        latitude=latitude,
        longitude=longitude,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    latitude: float,
    longitude: float,
    limit: int | Unset = 5,
) -> Response[NearestPacks | Problem]:
    """Nearest ready packs

     No token needed. The `limit` ready packs at public sites nearest to `latitude`/`longitude`, nearest
    first, with the straight-line distance in metres. Never a lock code, a contact or a hidden site.

    Args:
        latitude (float): WGS84 latitude of the point (rounded to 9 decimal places).
        longitude (float): WGS84 longitude of the point (rounded to 9 decimal places).
        limit (int | Unset): How many packs (at most 50). Default: 5.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NearestPacks | Problem]
    """

    kwargs = _get_kwargs(
        latitude=latitude,
        longitude=longitude,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    latitude: float,
    longitude: float,
    limit: int | Unset = 5,
) -> NearestPacks | Problem | None:
    """Nearest ready packs

     No token needed. The `limit` ready packs at public sites nearest to `latitude`/`longitude`, nearest
    first, with the straight-line distance in metres. Never a lock code, a contact or a hidden site.

    Args:
        latitude (float): WGS84 latitude of the point (rounded to 9 decimal places).
        longitude (float): WGS84 longitude of the point (rounded to 9 decimal places).
        limit (int | Unset): How many packs (at most 50). Default: 5.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NearestPacks | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            latitude=latitude,
            longitude=longitude,
            limit=limit,
        )
    ).parsed
