from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.package import Package
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    financial_year: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_financial_year: str | Unset | None
    if isinstance(financial_year, Unset):
        json_financial_year = UNSET
    else:
        json_financial_year = financial_year
    params["financial_year"] = json_financial_year

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/exports/360giving.json",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Package | Problem | None:
    if response.status_code == 200:
        response_200 = Package.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Package | Problem]:
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
) -> Response[Package | Problem]:
    """360Giving JSON

     Every awarded grant (approved, active, completed, closed) as a 360Giving JSON package: identifier
    (`360G-` prefix), title, description, currency, amount awarded (in pounds, as the standard has it),
    award date, recipient and funding organisation ids and names — the ten required fields, validated
    before publishing — plus planned dates, grant programme (the stream), beneficiary locations with
    each district's ONS code and its type from the standard's codelist (`UA` for Medway, `NMD` for the
    Kent districts), and regrant type `FRG020` for grants to Community Safety Units. A file, not a list:
    filter with `financial_year`. Partner agencies may read it.

    Args:
        financial_year (None | str | Unset): Only this financial year.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Package | Problem]
    """

    kwargs = _get_kwargs(
        financial_year=financial_year,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    financial_year: None | str | Unset = UNSET,
) -> Package | Problem | None:
    """360Giving JSON

     Every awarded grant (approved, active, completed, closed) as a 360Giving JSON package: identifier
    (`360G-` prefix), title, description, currency, amount awarded (in pounds, as the standard has it),
    award date, recipient and funding organisation ids and names — the ten required fields, validated
    before publishing — plus planned dates, grant programme (the stream), beneficiary locations with
    each district's ONS code and its type from the standard's codelist (`UA` for Medway, `NMD` for the
    Kent districts), and regrant type `FRG020` for grants to Community Safety Units. A file, not a list:
    filter with `financial_year`. Partner agencies may read it.

    Args:
        financial_year (None | str | Unset): Only this financial year.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Package | Problem
    """

    return sync_detailed(
        client=client,
        financial_year=financial_year,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    financial_year: None | str | Unset = UNSET,
) -> Response[Package | Problem]:
    """360Giving JSON

     Every awarded grant (approved, active, completed, closed) as a 360Giving JSON package: identifier
    (`360G-` prefix), title, description, currency, amount awarded (in pounds, as the standard has it),
    award date, recipient and funding organisation ids and names — the ten required fields, validated
    before publishing — plus planned dates, grant programme (the stream), beneficiary locations with
    each district's ONS code and its type from the standard's codelist (`UA` for Medway, `NMD` for the
    Kent districts), and regrant type `FRG020` for grants to Community Safety Units. A file, not a list:
    filter with `financial_year`. Partner agencies may read it.

    Args:
        financial_year (None | str | Unset): Only this financial year.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Package | Problem]
    """

    kwargs = _get_kwargs(
        financial_year=financial_year,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    financial_year: None | str | Unset = UNSET,
) -> Package | Problem | None:
    """360Giving JSON

     Every awarded grant (approved, active, completed, closed) as a 360Giving JSON package: identifier
    (`360G-` prefix), title, description, currency, amount awarded (in pounds, as the standard has it),
    award date, recipient and funding organisation ids and names — the ten required fields, validated
    before publishing — plus planned dates, grant programme (the stream), beneficiary locations with
    each district's ONS code and its type from the standard's codelist (`UA` for Medway, `NMD` for the
    Kent districts), and regrant type `FRG020` for grants to Community Safety Units. A file, not a list:
    filter with `financial_year`. Partner agencies may read it.

    Args:
        financial_year (None | str | Unset): Only this financial year.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Package | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            financial_year=financial_year,
        )
    ).parsed
