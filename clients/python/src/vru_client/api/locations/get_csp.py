from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.csp_summary import CspSummary
from ...models.get_csp_district import GetCspDistrict
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    district: GetCspDistrict,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/csps/{district}".format(
            district=quote(str(district), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CspSummary | Problem | None:
    if response.status_code == 200:
        response_200 = CspSummary.from_dict(response.json())

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

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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
) -> Response[CspSummary | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    district: GetCspDistrict,
    *,
    client: AuthenticatedClient,
) -> Response[CspSummary | Problem]:
    """One CSP's summary

     The figures of one district's CSP, with its `ETag` for a later PATCH.

    Args:
        district (GetCspDistrict): District code of the CSP.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CspSummary | Problem]
    """

    kwargs = _get_kwargs(
        district=district,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    district: GetCspDistrict,
    *,
    client: AuthenticatedClient,
) -> CspSummary | Problem | None:
    """One CSP's summary

     The figures of one district's CSP, with its `ETag` for a later PATCH.

    Args:
        district (GetCspDistrict): District code of the CSP.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CspSummary | Problem
    """

    return sync_detailed(
        district=district,
        client=client,
    ).parsed


async def asyncio_detailed(
    district: GetCspDistrict,
    *,
    client: AuthenticatedClient,
) -> Response[CspSummary | Problem]:
    """One CSP's summary

     The figures of one district's CSP, with its `ETag` for a later PATCH.

    Args:
        district (GetCspDistrict): District code of the CSP.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CspSummary | Problem]
    """

    kwargs = _get_kwargs(
        district=district,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    district: GetCspDistrict,
    *,
    client: AuthenticatedClient,
) -> CspSummary | Problem | None:
    """One CSP's summary

     The figures of one district's CSP, with its `ETag` for a later PATCH.

    Args:
        district (GetCspDistrict): District code of the CSP.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CspSummary | Problem
    """

    return (
        await asyncio_detailed(
            district=district,
            client=client,
        )
    ).parsed
