from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.referral_read import ReferralRead
from ...models.shared_referral_read import SharedReferralRead
from ...types import Response


def _get_kwargs(
    referral_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/referrals/{referral_id}".format(
            referral_id=quote(str(referral_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ReferralRead | SharedReferralRead | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> ReferralRead | SharedReferralRead:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = ReferralRead.from_dict(data)

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_200_type_1 = SharedReferralRead.from_dict(data)

            return response_200_type_1

        response_200 = _parse_response_200(response.json())

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
) -> Response[Problem | ReferralRead | SharedReferralRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    referral_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | ReferralRead | SharedReferralRead]:
    """Get a referral

     One referral with its history, and its `ETag`. 404 when you cannot see it (another district, another
    agency's, or a draft for a partner agency). VRU staff get the full view (`view: full`); a partner
    agency gets the shared view (`view: shared`) of the referrals sent to it — the young person's name
    and date of birth, the reason and the lawful basis, nothing of the incidents or reviews. Recorded in
    the audit log.

    Args:
        referral_id (UUID): The referral's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReferralRead | SharedReferralRead]
    """

    kwargs = _get_kwargs(
        referral_id=referral_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    referral_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | ReferralRead | SharedReferralRead | None:
    """Get a referral

     One referral with its history, and its `ETag`. 404 when you cannot see it (another district, another
    agency's, or a draft for a partner agency). VRU staff get the full view (`view: full`); a partner
    agency gets the shared view (`view: shared`) of the referrals sent to it — the young person's name
    and date of birth, the reason and the lawful basis, nothing of the incidents or reviews. Recorded in
    the audit log.

    Args:
        referral_id (UUID): The referral's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReferralRead | SharedReferralRead
    """

    return sync_detailed(
        referral_id=referral_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    referral_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | ReferralRead | SharedReferralRead]:
    """Get a referral

     One referral with its history, and its `ETag`. 404 when you cannot see it (another district, another
    agency's, or a draft for a partner agency). VRU staff get the full view (`view: full`); a partner
    agency gets the shared view (`view: shared`) of the referrals sent to it — the young person's name
    and date of birth, the reason and the lawful basis, nothing of the incidents or reviews. Recorded in
    the audit log.

    Args:
        referral_id (UUID): The referral's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReferralRead | SharedReferralRead]
    """

    kwargs = _get_kwargs(
        referral_id=referral_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    referral_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | ReferralRead | SharedReferralRead | None:
    """Get a referral

     One referral with its history, and its `ETag`. 404 when you cannot see it (another district, another
    agency's, or a draft for a partner agency). VRU staff get the full view (`view: full`); a partner
    agency gets the shared view (`view: shared`) of the referrals sent to it — the young person's name
    and date of birth, the reason and the lawful basis, nothing of the incidents or reviews. Recorded in
    the audit log.

    Args:
        referral_id (UUID): The referral's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReferralRead | SharedReferralRead
    """

    return (
        await asyncio_detailed(
            referral_id=referral_id,
            client=client,
        )
    ).parsed
