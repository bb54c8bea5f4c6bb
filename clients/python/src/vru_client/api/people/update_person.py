from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.person_read import PersonRead
from ...models.person_update import PersonUpdate
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    person_id: UUID,
    *,
    body: PersonUpdate,
    if_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/people/{person_id}".format(
            person_id=quote(str(person_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PersonRead | Problem | None:
    if response.status_code == 200:
        response_200 = PersonRead.from_dict(response.json())

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
) -> Response[PersonRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    person_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PersonUpdate,
    if_match: None | str | Unset = UNSET,
) -> Response[PersonRead | Problem]:
    """Change a person

     Change the display name, agency, roles, districts, active flag or password. Deactivated people
    cannot get new tokens. Deactivating, changing the agency, roles or districts, or setting a password
    revokes the person's tokens issued so far: every service refuses them (401 `token-revoked`) within
    its revocation poll interval (`GET /v1/revocations`). Setting a password also resets the failed-
    login count. Send `If-Match` (428 without, 412 when stale). Admin only.

    Args:
        person_id (UUID): The person's id.
        if_match (None | str | Unset): The ETag from your last read of this record. Required, `*`
            is not enough; stale: 412.
        body (PersonUpdate): Fields to change; omitted fields keep their value. A new password
            also resets the failed-login count.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PersonRead | Problem]
    """

    kwargs = _get_kwargs(
        person_id=person_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    person_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PersonUpdate,
    if_match: None | str | Unset = UNSET,
) -> PersonRead | Problem | None:
    """Change a person

     Change the display name, agency, roles, districts, active flag or password. Deactivated people
    cannot get new tokens. Deactivating, changing the agency, roles or districts, or setting a password
    revokes the person's tokens issued so far: every service refuses them (401 `token-revoked`) within
    its revocation poll interval (`GET /v1/revocations`). Setting a password also resets the failed-
    login count. Send `If-Match` (428 without, 412 when stale). Admin only.

    Args:
        person_id (UUID): The person's id.
        if_match (None | str | Unset): The ETag from your last read of this record. Required, `*`
            is not enough; stale: 412.
        body (PersonUpdate): Fields to change; omitted fields keep their value. A new password
            also resets the failed-login count.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PersonRead | Problem
    """

    return sync_detailed(
        person_id=person_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    person_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PersonUpdate,
    if_match: None | str | Unset = UNSET,
) -> Response[PersonRead | Problem]:
    """Change a person

     Change the display name, agency, roles, districts, active flag or password. Deactivated people
    cannot get new tokens. Deactivating, changing the agency, roles or districts, or setting a password
    revokes the person's tokens issued so far: every service refuses them (401 `token-revoked`) within
    its revocation poll interval (`GET /v1/revocations`). Setting a password also resets the failed-
    login count. Send `If-Match` (428 without, 412 when stale). Admin only.

    Args:
        person_id (UUID): The person's id.
        if_match (None | str | Unset): The ETag from your last read of this record. Required, `*`
            is not enough; stale: 412.
        body (PersonUpdate): Fields to change; omitted fields keep their value. A new password
            also resets the failed-login count.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PersonRead | Problem]
    """

    kwargs = _get_kwargs(
        person_id=person_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    person_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PersonUpdate,
    if_match: None | str | Unset = UNSET,
) -> PersonRead | Problem | None:
    """Change a person

     Change the display name, agency, roles, districts, active flag or password. Deactivated people
    cannot get new tokens. Deactivating, changing the agency, roles or districts, or setting a password
    revokes the person's tokens issued so far: every service refuses them (401 `token-revoked`) within
    its revocation poll interval (`GET /v1/revocations`). Setting a password also resets the failed-
    login count. Send `If-Match` (428 without, 412 when stale). Admin only.

    Args:
        person_id (UUID): The person's id.
        if_match (None | str | Unset): The ETag from your last read of this record. Required, `*`
            is not enough; stale: 412.
        body (PersonUpdate): Fields to change; omitted fields keep their value. A new password
            also resets the failed-login count.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PersonRead | Problem
    """

    return (
        await asyncio_detailed(
            person_id=person_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
