from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.export_format import ExportFormat
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    format_: ExportFormat | Unset = UNSET,
    financial_year: None | str | Unset = UNSET,
    group_by: str | Unset = "financial_year",
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    json_financial_year: str | Unset | None
    if isinstance(financial_year, Unset):
        json_financial_year = UNSET
    else:
        json_financial_year = financial_year
    params["financial_year"] = json_financial_year

    params["group_by"] = group_by

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/reports/totals/export",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem | None:
    if response.status_code == 200:
        response_200 = cast(Any, None)
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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    format_: ExportFormat | Unset = UNSET,
    financial_year: None | str | Unset = UNSET,
    group_by: str | Unset = "financial_year",
) -> Response[Any | Problem]:
    """Export the totals (CSV or xlsx)

     The groups of `GET /v1/reports/totals` with the same parameters, as a file: `format=csv` (the
    default) or `xlsx`; money in pounds. Columns in a fixed order (docs/funding.md, "Exports").

    Args:
        format_ (ExportFormat | Unset):
        financial_year (None | str | Unset): Only this year.
        group_by (str | Unset): Comma-separated: `financial_year`, `area`, `stream`. Empty: one
            overall total. Default: 'financial_year'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        format_=format_,
        financial_year=financial_year,
        group_by=group_by,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    format_: ExportFormat | Unset = UNSET,
    financial_year: None | str | Unset = UNSET,
    group_by: str | Unset = "financial_year",
) -> Any | Problem | None:
    """Export the totals (CSV or xlsx)

     The groups of `GET /v1/reports/totals` with the same parameters, as a file: `format=csv` (the
    default) or `xlsx`; money in pounds. Columns in a fixed order (docs/funding.md, "Exports").

    Args:
        format_ (ExportFormat | Unset):
        financial_year (None | str | Unset): Only this year.
        group_by (str | Unset): Comma-separated: `financial_year`, `area`, `stream`. Empty: one
            overall total. Default: 'financial_year'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        client=client,
        format_=format_,
        financial_year=financial_year,
        group_by=group_by,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    format_: ExportFormat | Unset = UNSET,
    financial_year: None | str | Unset = UNSET,
    group_by: str | Unset = "financial_year",
) -> Response[Any | Problem]:
    """Export the totals (CSV or xlsx)

     The groups of `GET /v1/reports/totals` with the same parameters, as a file: `format=csv` (the
    default) or `xlsx`; money in pounds. Columns in a fixed order (docs/funding.md, "Exports").

    Args:
        format_ (ExportFormat | Unset):
        financial_year (None | str | Unset): Only this year.
        group_by (str | Unset): Comma-separated: `financial_year`, `area`, `stream`. Empty: one
            overall total. Default: 'financial_year'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        format_=format_,
        financial_year=financial_year,
        group_by=group_by,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    format_: ExportFormat | Unset = UNSET,
    financial_year: None | str | Unset = UNSET,
    group_by: str | Unset = "financial_year",
) -> Any | Problem | None:
    """Export the totals (CSV or xlsx)

     The groups of `GET /v1/reports/totals` with the same parameters, as a file: `format=csv` (the
    default) or `xlsx`; money in pounds. Columns in a fixed order (docs/funding.md, "Exports").

    Args:
        format_ (ExportFormat | Unset):
        financial_year (None | str | Unset): Only this year.
        group_by (str | Unset): Comma-separated: `financial_year`, `area`, `stream`. Empty: one
            overall total. Default: 'financial_year'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            format_=format_,
            financial_year=financial_year,
            group_by=group_by,
        )
    ).parsed
