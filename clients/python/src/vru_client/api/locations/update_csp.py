from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.csp_summary import CspSummary
from ...models.csp_update import CspUpdate
from ...models.problem import Problem
from ...models.update_csp_district import UpdateCspDistrict
from ...types import UNSET, Response, Unset


def _get_kwargs(
    district: UpdateCspDistrict,
    *,
    body: CspUpdate,
    if_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/csps/{district}".format(
            district=quote(str(district), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
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

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 428:
        response_428 = Problem.from_dict(response.json())

        return response_428

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
    district: UpdateCspDistrict,
    *,
    client: AuthenticatedClient,
    body: CspUpdate,
    if_match: None | str | Unset = UNSET,
) -> Response[CspSummary | Problem]:
    """Set a CSP's minimum stock

     Below `minimum_stock` packs held, the CSP is on the low-stock alert; `null` returns it to the
    service default. Send `If-Match` with the CSP's ETag (428 without, 412 when stale). The unit's
    staff.

    Args:
        district (UpdateCspDistrict): District code of the CSP.
        if_match (None | str | Unset): The ETag from your last read of this record. Required, `*`
            is not enough; stale: 412.
        body (CspUpdate): Change a CSP's own minimum stock (`null`: back to the service's
            default).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CspSummary | Problem]
    """

    kwargs = _get_kwargs(
        district=district,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    district: UpdateCspDistrict,
    *,
    client: AuthenticatedClient,
    body: CspUpdate,
    if_match: None | str | Unset = UNSET,
) -> CspSummary | Problem | None:
    """Set a CSP's minimum stock

     Below `minimum_stock` packs held, the CSP is on the low-stock alert; `null` returns it to the
    service default. Send `If-Match` with the CSP's ETag (428 without, 412 when stale). The unit's
    staff.

    Args:
        district (UpdateCspDistrict): District code of the CSP.
        if_match (None | str | Unset): The ETag from your last read of this record. Required, `*`
            is not enough; stale: 412.
        body (CspUpdate): Change a CSP's own minimum stock (`null`: back to the service's
            default).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CspSummary | Problem
    """

    return sync_detailed(
        district=district,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    district: UpdateCspDistrict,
    *,
    client: AuthenticatedClient,
    body: CspUpdate,
    if_match: None | str | Unset = UNSET,
) -> Response[CspSummary | Problem]:
    """Set a CSP's minimum stock

     Below `minimum_stock` packs held, the CSP is on the low-stock alert; `null` returns it to the
    service default. Send `If-Match` with the CSP's ETag (428 without, 412 when stale). The unit's
    staff.

    Args:
        district (UpdateCspDistrict): District code of the CSP.
        if_match (None | str | Unset): The ETag from your last read of this record. Required, `*`
            is not enough; stale: 412.
        body (CspUpdate): Change a CSP's own minimum stock (`null`: back to the service's
            default).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CspSummary | Problem]
    """

    kwargs = _get_kwargs(
        district=district,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    district: UpdateCspDistrict,
    *,
    client: AuthenticatedClient,
    body: CspUpdate,
    if_match: None | str | Unset = UNSET,
) -> CspSummary | Problem | None:
    """Set a CSP's minimum stock

     Below `minimum_stock` packs held, the CSP is on the low-stock alert; `null` returns it to the
    service default. Send `If-Match` with the CSP's ETag (428 without, 412 when stale). The unit's
    staff.

    Args:
        district (UpdateCspDistrict): District code of the CSP.
        if_match (None | str | Unset): The ETag from your last read of this record. Required, `*`
            is not enough; stale: 412.
        body (CspUpdate): Change a CSP's own minimum stock (`null`: back to the service's
            default).

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
            body=body,
            if_match=if_match,
        )
    ).parsed
