from http import HTTPStatus
from typing import Any, cast
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.export_format import ExportFormat
from ...models.problem import Problem
from ...models.referral_status import ReferralStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    format_: ExportFormat | Unset = UNSET,
    status: None | ReferralStatus | Unset = UNSET,
    subject_id: None | Unset | UUID = UNSET,
    review_id: None | Unset | UUID = UNSET,
    forum: None | str | Unset = UNSET,
    partner_agency: None | str | Unset = UNSET,
    district: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    json_status: str | Unset | None
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, ReferralStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_subject_id: str | Unset | None
    if isinstance(subject_id, Unset):
        json_subject_id = UNSET
    elif isinstance(subject_id, UUID):
        json_subject_id = str(subject_id)
    else:
        json_subject_id = subject_id
    params["subject_id"] = json_subject_id

    json_review_id: str | Unset | None
    if isinstance(review_id, Unset):
        json_review_id = UNSET
    elif isinstance(review_id, UUID):
        json_review_id = str(review_id)
    else:
        json_review_id = review_id
    params["review_id"] = json_review_id

    json_forum: str | Unset | None
    if isinstance(forum, Unset):
        json_forum = UNSET
    else:
        json_forum = forum
    params["forum"] = json_forum

    json_partner_agency: str | Unset | None
    if isinstance(partner_agency, Unset):
        json_partner_agency = UNSET
    else:
        json_partner_agency = partner_agency
    params["partner_agency"] = json_partner_agency

    json_district: str | Unset | None
    if isinstance(district, Unset):
        json_district = UNSET
    else:
        json_district = district
    params["district"] = json_district

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/referrals/export",
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
    status: None | ReferralStatus | Unset = UNSET,
    subject_id: None | Unset | UUID = UNSET,
    review_id: None | Unset | UUID = UNSET,
    forum: None | str | Unset = UNSET,
    partner_agency: None | str | Unset = UNSET,
    district: None | str | Unset = UNSET,
) -> Response[Any | Problem]:
    """Export referrals (CSV or xlsx)

     Every referral the list shows with the same filters and visibility, newest first, as a file:
    `format=csv` (the default) or `xlsx`, in the caller's view — a partner agency's export has only the
    shared view's columns. Columns in a fixed order (docs/referrals.md, "Exports"). Recorded in the
    audit log (action `export`, the referrals' and young people's ids, the filters; for a partner
    agency, a disclosure naming it).

    Args:
        format_ (ExportFormat | Unset):
        status (None | ReferralStatus | Unset): Only referrals in this status.
        subject_id (None | Unset | UUID): Only this young person's referrals.
        review_id (None | Unset | UUID): Only referrals from this review.
        forum (None | str | Unset):
        partner_agency (None | str | Unset):
        district (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        format_=format_,
        status=status,
        subject_id=subject_id,
        review_id=review_id,
        forum=forum,
        partner_agency=partner_agency,
        district=district,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    format_: ExportFormat | Unset = UNSET,
    status: None | ReferralStatus | Unset = UNSET,
    subject_id: None | Unset | UUID = UNSET,
    review_id: None | Unset | UUID = UNSET,
    forum: None | str | Unset = UNSET,
    partner_agency: None | str | Unset = UNSET,
    district: None | str | Unset = UNSET,
) -> Any | Problem | None:
    """Export referrals (CSV or xlsx)

     Every referral the list shows with the same filters and visibility, newest first, as a file:
    `format=csv` (the default) or `xlsx`, in the caller's view — a partner agency's export has only the
    shared view's columns. Columns in a fixed order (docs/referrals.md, "Exports"). Recorded in the
    audit log (action `export`, the referrals' and young people's ids, the filters; for a partner
    agency, a disclosure naming it).

    Args:
        format_ (ExportFormat | Unset):
        status (None | ReferralStatus | Unset): Only referrals in this status.
        subject_id (None | Unset | UUID): Only this young person's referrals.
        review_id (None | Unset | UUID): Only referrals from this review.
        forum (None | str | Unset):
        partner_agency (None | str | Unset):
        district (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        client=client,
        format_=format_,
        status=status,
        subject_id=subject_id,
        review_id=review_id,
        forum=forum,
        partner_agency=partner_agency,
        district=district,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    format_: ExportFormat | Unset = UNSET,
    status: None | ReferralStatus | Unset = UNSET,
    subject_id: None | Unset | UUID = UNSET,
    review_id: None | Unset | UUID = UNSET,
    forum: None | str | Unset = UNSET,
    partner_agency: None | str | Unset = UNSET,
    district: None | str | Unset = UNSET,
) -> Response[Any | Problem]:
    """Export referrals (CSV or xlsx)

     Every referral the list shows with the same filters and visibility, newest first, as a file:
    `format=csv` (the default) or `xlsx`, in the caller's view — a partner agency's export has only the
    shared view's columns. Columns in a fixed order (docs/referrals.md, "Exports"). Recorded in the
    audit log (action `export`, the referrals' and young people's ids, the filters; for a partner
    agency, a disclosure naming it).

    Args:
        format_ (ExportFormat | Unset):
        status (None | ReferralStatus | Unset): Only referrals in this status.
        subject_id (None | Unset | UUID): Only this young person's referrals.
        review_id (None | Unset | UUID): Only referrals from this review.
        forum (None | str | Unset):
        partner_agency (None | str | Unset):
        district (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        format_=format_,
        status=status,
        subject_id=subject_id,
        review_id=review_id,
        forum=forum,
        partner_agency=partner_agency,
        district=district,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    format_: ExportFormat | Unset = UNSET,
    status: None | ReferralStatus | Unset = UNSET,
    subject_id: None | Unset | UUID = UNSET,
    review_id: None | Unset | UUID = UNSET,
    forum: None | str | Unset = UNSET,
    partner_agency: None | str | Unset = UNSET,
    district: None | str | Unset = UNSET,
) -> Any | Problem | None:
    """Export referrals (CSV or xlsx)

     Every referral the list shows with the same filters and visibility, newest first, as a file:
    `format=csv` (the default) or `xlsx`, in the caller's view — a partner agency's export has only the
    shared view's columns. Columns in a fixed order (docs/referrals.md, "Exports"). Recorded in the
    audit log (action `export`, the referrals' and young people's ids, the filters; for a partner
    agency, a disclosure naming it).

    Args:
        format_ (ExportFormat | Unset):
        status (None | ReferralStatus | Unset): Only referrals in this status.
        subject_id (None | Unset | UUID): Only this young person's referrals.
        review_id (None | Unset | UUID): Only referrals from this review.
        forum (None | str | Unset):
        partner_agency (None | str | Unset):
        district (None | str | Unset):

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
            status=status,
            subject_id=subject_id,
            review_id=review_id,
            forum=forum,
            partner_agency=partner_agency,
            district=district,
        )
    ).parsed
