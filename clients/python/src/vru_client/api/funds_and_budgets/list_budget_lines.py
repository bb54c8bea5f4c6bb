from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_budget_line_read import PageBudgetLineRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    financial_year: None | str | Unset = UNSET,
    stream: None | str | Unset = UNSET,
    fund_id: None | Unset | UUID = UNSET,
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

    json_stream: str | Unset | None
    if isinstance(stream, Unset):
        json_stream = UNSET
    else:
        json_stream = stream
    params["stream"] = json_stream

    json_fund_id: str | Unset | None
    if isinstance(fund_id, Unset):
        json_fund_id = UNSET
    elif isinstance(fund_id, UUID):
        json_fund_id = str(fund_id)
    else:
        json_fund_id = fund_id
    params["fund_id"] = json_fund_id

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
        "url": "/v1/budget-lines",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageBudgetLineRead | Problem | None:
    if response.status_code == 200:
        response_200 = PageBudgetLineRead.from_dict(response.json())

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
) -> Response[PageBudgetLineRead | Problem]:
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
    stream: None | str | Unset = UNSET,
    fund_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageBudgetLineRead | Problem]:
    """List budget lines

     Budget lines, oldest first, each with what is awarded, spent and still available. Filter by
    `financial_year`, `stream` and `fund_id`.

    Args:
        financial_year (None | str | Unset): Only this financial year (its code).
        stream (None | str | Unset): Only this stream (its code).
        fund_id (None | Unset | UUID): Only this fund's lines.
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageBudgetLineRead | Problem]
    """

    kwargs = _get_kwargs(
        financial_year=financial_year,
        stream=stream,
        fund_id=fund_id,
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
    stream: None | str | Unset = UNSET,
    fund_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageBudgetLineRead | Problem | None:
    """List budget lines

     Budget lines, oldest first, each with what is awarded, spent and still available. Filter by
    `financial_year`, `stream` and `fund_id`.

    Args:
        financial_year (None | str | Unset): Only this financial year (its code).
        stream (None | str | Unset): Only this stream (its code).
        fund_id (None | Unset | UUID): Only this fund's lines.
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageBudgetLineRead | Problem
    """

    return sync_detailed(
        client=client,
        financial_year=financial_year,
        stream=stream,
        fund_id=fund_id,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    financial_year: None | str | Unset = UNSET,
    stream: None | str | Unset = UNSET,
    fund_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageBudgetLineRead | Problem]:
    """List budget lines

     Budget lines, oldest first, each with what is awarded, spent and still available. Filter by
    `financial_year`, `stream` and `fund_id`.

    Args:
        financial_year (None | str | Unset): Only this financial year (its code).
        stream (None | str | Unset): Only this stream (its code).
        fund_id (None | Unset | UUID): Only this fund's lines.
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageBudgetLineRead | Problem]
    """

    kwargs = _get_kwargs(
        financial_year=financial_year,
        stream=stream,
        fund_id=fund_id,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    financial_year: None | str | Unset = UNSET,
    stream: None | str | Unset = UNSET,
    fund_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageBudgetLineRead | Problem | None:
    """List budget lines

     Budget lines, oldest first, each with what is awarded, spent and still available. Filter by
    `financial_year`, `stream` and `fund_id`.

    Args:
        financial_year (None | str | Unset): Only this financial year (its code).
        stream (None | str | Unset): Only this stream (its code).
        fund_id (None | Unset | UUID): Only this fund's lines.
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageBudgetLineRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            financial_year=financial_year,
            stream=stream,
            fund_id=fund_id,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
