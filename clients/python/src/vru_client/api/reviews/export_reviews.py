from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.export_format import ExportFormat
from ...models.problem import Problem
from ...models.review_status import ReviewStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    format_: ExportFormat | Unset = UNSET,
    area: None | str | Unset = UNSET,
    district: None | str | Unset = UNSET,
    status: None | ReviewStatus | Unset = UNSET,
    overdue: bool | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    json_area: str | Unset | None
    if isinstance(area, Unset):
        json_area = UNSET
    else:
        json_area = area
    params["area"] = json_area

    json_district: str | Unset | None
    if isinstance(district, Unset):
        json_district = UNSET
    else:
        json_district = district
    params["district"] = json_district

    json_status: str | Unset | None
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, ReviewStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_overdue: bool | Unset | None
    if isinstance(overdue, Unset):
        json_overdue = UNSET
    else:
        json_overdue = overdue
    params["overdue"] = json_overdue

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/reviews/export",
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
    area: None | str | Unset = UNSET,
    district: None | str | Unset = UNSET,
    status: None | ReviewStatus | Unset = UNSET,
    overdue: bool | None | Unset = UNSET,
) -> Response[Any | Problem]:
    """Export the review queue (CSV or xlsx)

     Every review the queue shows with the same filters and visibility, newest first, as a file:
    `format=csv` (the default) or `xlsx`. Columns in a fixed order (docs/referrals.md, "Exports").
    Recorded in the audit log (action `export`, the reviews' ids, the filters).

    Args:
        format_ (ExportFormat | Unset):
        area (None | str | Unset): Coordinator area code.
        district (None | str | Unset): District code: reviews that draw in this district.
        status (None | ReviewStatus | Unset): Only reviews in this status.
        overdue (bool | None | Unset): `true`: only overdue reviews (open past `due_on`); `false`:
            only the others.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        format_=format_,
        area=area,
        district=district,
        status=status,
        overdue=overdue,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    format_: ExportFormat | Unset = UNSET,
    area: None | str | Unset = UNSET,
    district: None | str | Unset = UNSET,
    status: None | ReviewStatus | Unset = UNSET,
    overdue: bool | None | Unset = UNSET,
) -> Any | Problem | None:
    """Export the review queue (CSV or xlsx)

     Every review the queue shows with the same filters and visibility, newest first, as a file:
    `format=csv` (the default) or `xlsx`. Columns in a fixed order (docs/referrals.md, "Exports").
    Recorded in the audit log (action `export`, the reviews' ids, the filters).

    Args:
        format_ (ExportFormat | Unset):
        area (None | str | Unset): Coordinator area code.
        district (None | str | Unset): District code: reviews that draw in this district.
        status (None | ReviewStatus | Unset): Only reviews in this status.
        overdue (bool | None | Unset): `true`: only overdue reviews (open past `due_on`); `false`:
            only the others.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        client=client,
        format_=format_,
        area=area,
        district=district,
        status=status,
        overdue=overdue,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    format_: ExportFormat | Unset = UNSET,
    area: None | str | Unset = UNSET,
    district: None | str | Unset = UNSET,
    status: None | ReviewStatus | Unset = UNSET,
    overdue: bool | None | Unset = UNSET,
) -> Response[Any | Problem]:
    """Export the review queue (CSV or xlsx)

     Every review the queue shows with the same filters and visibility, newest first, as a file:
    `format=csv` (the default) or `xlsx`. Columns in a fixed order (docs/referrals.md, "Exports").
    Recorded in the audit log (action `export`, the reviews' ids, the filters).

    Args:
        format_ (ExportFormat | Unset):
        area (None | str | Unset): Coordinator area code.
        district (None | str | Unset): District code: reviews that draw in this district.
        status (None | ReviewStatus | Unset): Only reviews in this status.
        overdue (bool | None | Unset): `true`: only overdue reviews (open past `due_on`); `false`:
            only the others.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        format_=format_,
        area=area,
        district=district,
        status=status,
        overdue=overdue,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    format_: ExportFormat | Unset = UNSET,
    area: None | str | Unset = UNSET,
    district: None | str | Unset = UNSET,
    status: None | ReviewStatus | Unset = UNSET,
    overdue: bool | None | Unset = UNSET,
) -> Any | Problem | None:
    """Export the review queue (CSV or xlsx)

     Every review the queue shows with the same filters and visibility, newest first, as a file:
    `format=csv` (the default) or `xlsx`. Columns in a fixed order (docs/referrals.md, "Exports").
    Recorded in the audit log (action `export`, the reviews' ids, the filters).

    Args:
        format_ (ExportFormat | Unset):
        area (None | str | Unset): Coordinator area code.
        district (None | str | Unset): District code: reviews that draw in this district.
        status (None | ReviewStatus | Unset): Only reviews in this status.
        overdue (bool | None | Unset): `true`: only overdue reviews (open past `due_on`); `false`:
            only the others.

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
            area=area,
            district=district,
            status=status,
            overdue=overdue,
        )
    ).parsed
