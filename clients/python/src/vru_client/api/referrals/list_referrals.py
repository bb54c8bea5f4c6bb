import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.referral_page import ReferralPage
from ...models.referral_status import ReferralStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: None | ReferralStatus | Unset = UNSET,
    subject_id: None | Unset | UUID = UNSET,
    review_id: None | Unset | UUID = UNSET,
    forum: None | str | Unset = UNSET,
    partner_agency: None | str | Unset = UNSET,
    district: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.date | datetime.datetime | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

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

    params["limit"] = limit

    json_cursor: str | Unset | None
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    json_updated_since: str | Unset | None
    if isinstance(updated_since, Unset):
        json_updated_since = UNSET
    elif isinstance(updated_since, datetime.datetime) or isinstance(updated_since, datetime.date):
        json_updated_since = updated_since.isoformat()
    else:
        json_updated_since = updated_since
    params["updated_since"] = json_updated_since

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/referrals",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | ReferralPage | None:
    if response.status_code == 200:
        response_200 = ReferralPage.from_dict(response.json())

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
) -> Response[Problem | ReferralPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: None | ReferralStatus | Unset = UNSET,
    subject_id: None | Unset | UUID = UNSET,
    review_id: None | Unset | UUID = UNSET,
    forum: None | str | Unset = UNSET,
    partner_agency: None | str | Unset = UNSET,
    district: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.date | datetime.datetime | None | Unset = UNSET,
) -> Response[Problem | ReferralPage]:
    """List referrals

     Referrals, newest first. Filter by `status`, `subject_id`, `review_id`, `forum`, `partner_agency`
    and `district`. Analysts and the director see all; a coordinator those of their districts; a partner
    agency exactly those sent to it or to a funded project it delivers (never drafts). VRU staff get the
    full view (`view: full`); a partner agency gets the shared view (`view: shared`) of the referrals
    sent to it — the young person's name and date of birth, the reason and the lawful basis, nothing of
    the incidents or reviews. Every page is recorded in the audit log (for a partner agency, as a
    disclosure naming it).

    Args:
        status (None | ReferralStatus | Unset): Only referrals in this status.
        subject_id (None | Unset | UUID): Only this young person's referrals.
        review_id (None | Unset | UUID): Only referrals from this review.
        forum (None | str | Unset):
        partner_agency (None | str | Unset):
        district (None | str | Unset):
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.
        updated_since (datetime.date | datetime.datetime | None | Unset): A change feed: only the
            records created or changed at or after this time (RFC 3339, or a date: the start of that
            UK day), oldest change first. Keep the `updated_at` of the last record you processed and
            ask again from a little before it (a change committed late can carry an earlier time); de-
            duplicate by `id` and `version`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReferralPage]
    """

    kwargs = _get_kwargs(
        status=status,
        subject_id=subject_id,
        review_id=review_id,
        forum=forum,
        partner_agency=partner_agency,
        district=district,
        limit=limit,
        cursor=cursor,
        updated_since=updated_since,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    status: None | ReferralStatus | Unset = UNSET,
    subject_id: None | Unset | UUID = UNSET,
    review_id: None | Unset | UUID = UNSET,
    forum: None | str | Unset = UNSET,
    partner_agency: None | str | Unset = UNSET,
    district: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.date | datetime.datetime | None | Unset = UNSET,
) -> Problem | ReferralPage | None:
    """List referrals

     Referrals, newest first. Filter by `status`, `subject_id`, `review_id`, `forum`, `partner_agency`
    and `district`. Analysts and the director see all; a coordinator those of their districts; a partner
    agency exactly those sent to it or to a funded project it delivers (never drafts). VRU staff get the
    full view (`view: full`); a partner agency gets the shared view (`view: shared`) of the referrals
    sent to it — the young person's name and date of birth, the reason and the lawful basis, nothing of
    the incidents or reviews. Every page is recorded in the audit log (for a partner agency, as a
    disclosure naming it).

    Args:
        status (None | ReferralStatus | Unset): Only referrals in this status.
        subject_id (None | Unset | UUID): Only this young person's referrals.
        review_id (None | Unset | UUID): Only referrals from this review.
        forum (None | str | Unset):
        partner_agency (None | str | Unset):
        district (None | str | Unset):
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.
        updated_since (datetime.date | datetime.datetime | None | Unset): A change feed: only the
            records created or changed at or after this time (RFC 3339, or a date: the start of that
            UK day), oldest change first. Keep the `updated_at` of the last record you processed and
            ask again from a little before it (a change committed late can carry an earlier time); de-
            duplicate by `id` and `version`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReferralPage
    """

    return sync_detailed(
        client=client,
        status=status,
        subject_id=subject_id,
        review_id=review_id,
        forum=forum,
        partner_agency=partner_agency,
        district=district,
        limit=limit,
        cursor=cursor,
        updated_since=updated_since,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: None | ReferralStatus | Unset = UNSET,
    subject_id: None | Unset | UUID = UNSET,
    review_id: None | Unset | UUID = UNSET,
    forum: None | str | Unset = UNSET,
    partner_agency: None | str | Unset = UNSET,
    district: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.date | datetime.datetime | None | Unset = UNSET,
) -> Response[Problem | ReferralPage]:
    """List referrals

     Referrals, newest first. Filter by `status`, `subject_id`, `review_id`, `forum`, `partner_agency`
    and `district`. Analysts and the director see all; a coordinator those of their districts; a partner
    agency exactly those sent to it or to a funded project it delivers (never drafts). VRU staff get the
    full view (`view: full`); a partner agency gets the shared view (`view: shared`) of the referrals
    sent to it — the young person's name and date of birth, the reason and the lawful basis, nothing of
    the incidents or reviews. Every page is recorded in the audit log (for a partner agency, as a
    disclosure naming it).

    Args:
        status (None | ReferralStatus | Unset): Only referrals in this status.
        subject_id (None | Unset | UUID): Only this young person's referrals.
        review_id (None | Unset | UUID): Only referrals from this review.
        forum (None | str | Unset):
        partner_agency (None | str | Unset):
        district (None | str | Unset):
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.
        updated_since (datetime.date | datetime.datetime | None | Unset): A change feed: only the
            records created or changed at or after this time (RFC 3339, or a date: the start of that
            UK day), oldest change first. Keep the `updated_at` of the last record you processed and
            ask again from a little before it (a change committed late can carry an earlier time); de-
            duplicate by `id` and `version`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReferralPage]
    """

    kwargs = _get_kwargs(
        status=status,
        subject_id=subject_id,
        review_id=review_id,
        forum=forum,
        partner_agency=partner_agency,
        district=district,
        limit=limit,
        cursor=cursor,
        updated_since=updated_since,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    status: None | ReferralStatus | Unset = UNSET,
    subject_id: None | Unset | UUID = UNSET,
    review_id: None | Unset | UUID = UNSET,
    forum: None | str | Unset = UNSET,
    partner_agency: None | str | Unset = UNSET,
    district: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.date | datetime.datetime | None | Unset = UNSET,
) -> Problem | ReferralPage | None:
    """List referrals

     Referrals, newest first. Filter by `status`, `subject_id`, `review_id`, `forum`, `partner_agency`
    and `district`. Analysts and the director see all; a coordinator those of their districts; a partner
    agency exactly those sent to it or to a funded project it delivers (never drafts). VRU staff get the
    full view (`view: full`); a partner agency gets the shared view (`view: shared`) of the referrals
    sent to it — the young person's name and date of birth, the reason and the lawful basis, nothing of
    the incidents or reviews. Every page is recorded in the audit log (for a partner agency, as a
    disclosure naming it).

    Args:
        status (None | ReferralStatus | Unset): Only referrals in this status.
        subject_id (None | Unset | UUID): Only this young person's referrals.
        review_id (None | Unset | UUID): Only referrals from this review.
        forum (None | str | Unset):
        partner_agency (None | str | Unset):
        district (None | str | Unset):
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.
        updated_since (datetime.date | datetime.datetime | None | Unset): A change feed: only the
            records created or changed at or after this time (RFC 3339, or a date: the start of that
            UK day), oldest change first. Keep the `updated_at` of the last record you processed and
            ask again from a little before it (a change committed late can carry an earlier time); de-
            duplicate by `id` and `version`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReferralPage
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            subject_id=subject_id,
            review_id=review_id,
            forum=forum,
            partner_agency=partner_agency,
            district=district,
            limit=limit,
            cursor=cursor,
            updated_since=updated_since,
        )
    ).parsed
