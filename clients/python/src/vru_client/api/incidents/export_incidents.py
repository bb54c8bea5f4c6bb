import datetime
from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.export_format import ExportFormat
from ...models.problem import Problem
from ...models.screening_decision import ScreeningDecision
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    format_: ExportFormat | Unset = UNSET,
    crime_reference: None | str | Unset = UNSET,
    district: None | str | Unset = UNSET,
    screening: None | ScreeningDecision | Unset = UNSET,
    occurred_from: datetime.date | datetime.datetime | None | Unset = UNSET,
    occurred_to: datetime.date | datetime.datetime | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    json_crime_reference: str | Unset | None
    if isinstance(crime_reference, Unset):
        json_crime_reference = UNSET
    else:
        json_crime_reference = crime_reference
    params["crime_reference"] = json_crime_reference

    json_district: str | Unset | None
    if isinstance(district, Unset):
        json_district = UNSET
    else:
        json_district = district
    params["district"] = json_district

    json_screening: str | Unset | None
    if isinstance(screening, Unset):
        json_screening = UNSET
    elif isinstance(screening, ScreeningDecision):
        json_screening = screening.value
    else:
        json_screening = screening
    params["screening"] = json_screening

    json_occurred_from: str | Unset | None
    if isinstance(occurred_from, Unset):
        json_occurred_from = UNSET
    elif isinstance(occurred_from, datetime.datetime) or isinstance(occurred_from, datetime.date):
        json_occurred_from = occurred_from.isoformat()
    else:
        json_occurred_from = occurred_from
    params["occurred_from"] = json_occurred_from

    json_occurred_to: str | Unset | None
    if isinstance(occurred_to, Unset):
        json_occurred_to = UNSET
    elif isinstance(occurred_to, datetime.datetime) or isinstance(occurred_to, datetime.date):
        json_occurred_to = occurred_to.isoformat()
    else:
        json_occurred_to = occurred_to
    params["occurred_to"] = json_occurred_to

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/incidents/export",
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
    crime_reference: None | str | Unset = UNSET,
    district: None | str | Unset = UNSET,
    screening: None | ScreeningDecision | Unset = UNSET,
    occurred_from: datetime.date | datetime.datetime | None | Unset = UNSET,
    occurred_to: datetime.date | datetime.datetime | None | Unset = UNSET,
) -> Response[Any | Problem]:
    """Export incidents (CSV or xlsx)

     Every incident the list shows with the same filters and visibility, most recent first, as a file:
    `format=csv` (the default) or `xlsx`. Columns in a fixed order (docs/referrals.md, "Exports").
    Recorded in the audit log (action `export`, the incidents' ids, the filters).

    Args:
        format_ (ExportFormat | Unset):
        crime_reference (None | str | Unset): The police crime reference.
        district (None | str | Unset): District code where it happened.
        screening (None | ScreeningDecision | Unset): `in`: screened into a review; `out`: not.
        occurred_from (datetime.date | datetime.datetime | None | Unset): Occurred at or after
            this time (RFC 3339), or from the start of this day (UK time).
        occurred_to (datetime.date | datetime.datetime | None | Unset): Occurred before this time
            (RFC 3339), or before the start of this day (UK time).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        format_=format_,
        crime_reference=crime_reference,
        district=district,
        screening=screening,
        occurred_from=occurred_from,
        occurred_to=occurred_to,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    format_: ExportFormat | Unset = UNSET,
    crime_reference: None | str | Unset = UNSET,
    district: None | str | Unset = UNSET,
    screening: None | ScreeningDecision | Unset = UNSET,
    occurred_from: datetime.date | datetime.datetime | None | Unset = UNSET,
    occurred_to: datetime.date | datetime.datetime | None | Unset = UNSET,
) -> Any | Problem | None:
    """Export incidents (CSV or xlsx)

     Every incident the list shows with the same filters and visibility, most recent first, as a file:
    `format=csv` (the default) or `xlsx`. Columns in a fixed order (docs/referrals.md, "Exports").
    Recorded in the audit log (action `export`, the incidents' ids, the filters).

    Args:
        format_ (ExportFormat | Unset):
        crime_reference (None | str | Unset): The police crime reference.
        district (None | str | Unset): District code where it happened.
        screening (None | ScreeningDecision | Unset): `in`: screened into a review; `out`: not.
        occurred_from (datetime.date | datetime.datetime | None | Unset): Occurred at or after
            this time (RFC 3339), or from the start of this day (UK time).
        occurred_to (datetime.date | datetime.datetime | None | Unset): Occurred before this time
            (RFC 3339), or before the start of this day (UK time).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        client=client,
        format_=format_,
        crime_reference=crime_reference,
        district=district,
        screening=screening,
        occurred_from=occurred_from,
        occurred_to=occurred_to,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    format_: ExportFormat | Unset = UNSET,
    crime_reference: None | str | Unset = UNSET,
    district: None | str | Unset = UNSET,
    screening: None | ScreeningDecision | Unset = UNSET,
    occurred_from: datetime.date | datetime.datetime | None | Unset = UNSET,
    occurred_to: datetime.date | datetime.datetime | None | Unset = UNSET,
) -> Response[Any | Problem]:
    """Export incidents (CSV or xlsx)

     Every incident the list shows with the same filters and visibility, most recent first, as a file:
    `format=csv` (the default) or `xlsx`. Columns in a fixed order (docs/referrals.md, "Exports").
    Recorded in the audit log (action `export`, the incidents' ids, the filters).

    Args:
        format_ (ExportFormat | Unset):
        crime_reference (None | str | Unset): The police crime reference.
        district (None | str | Unset): District code where it happened.
        screening (None | ScreeningDecision | Unset): `in`: screened into a review; `out`: not.
        occurred_from (datetime.date | datetime.datetime | None | Unset): Occurred at or after
            this time (RFC 3339), or from the start of this day (UK time).
        occurred_to (datetime.date | datetime.datetime | None | Unset): Occurred before this time
            (RFC 3339), or before the start of this day (UK time).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        format_=format_,
        crime_reference=crime_reference,
        district=district,
        screening=screening,
        occurred_from=occurred_from,
        occurred_to=occurred_to,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    format_: ExportFormat | Unset = UNSET,
    crime_reference: None | str | Unset = UNSET,
    district: None | str | Unset = UNSET,
    screening: None | ScreeningDecision | Unset = UNSET,
    occurred_from: datetime.date | datetime.datetime | None | Unset = UNSET,
    occurred_to: datetime.date | datetime.datetime | None | Unset = UNSET,
) -> Any | Problem | None:
    """Export incidents (CSV or xlsx)

     Every incident the list shows with the same filters and visibility, most recent first, as a file:
    `format=csv` (the default) or `xlsx`. Columns in a fixed order (docs/referrals.md, "Exports").
    Recorded in the audit log (action `export`, the incidents' ids, the filters).

    Args:
        format_ (ExportFormat | Unset):
        crime_reference (None | str | Unset): The police crime reference.
        district (None | str | Unset): District code where it happened.
        screening (None | ScreeningDecision | Unset): `in`: screened into a review; `out`: not.
        occurred_from (datetime.date | datetime.datetime | None | Unset): Occurred at or after
            this time (RFC 3339), or from the start of this day (UK time).
        occurred_to (datetime.date | datetime.datetime | None | Unset): Occurred before this time
            (RFC 3339), or before the start of this day (UK time).

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
            crime_reference=crime_reference,
            district=district,
            screening=screening,
            occurred_from=occurred_from,
            occurred_to=occurred_to,
        )
    ).parsed
