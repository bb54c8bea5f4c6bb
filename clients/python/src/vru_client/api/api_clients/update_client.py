from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_client_read import ApiClientRead
from ...models.api_client_update import ApiClientUpdate
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    client_uuid: UUID,
    *,
    body: ApiClientUpdate,
    if_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/clients/{client_uuid}".format(
            client_uuid=quote(str(client_uuid), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApiClientRead | Problem | None:
    if response.status_code == 200:
        response_200 = ApiClientRead.from_dict(response.json())

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
) -> Response[ApiClientRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    client_uuid: UUID,
    *,
    client: AuthenticatedClient,
    body: ApiClientUpdate,
    if_match: None | str | Unset = UNSET,
) -> Response[ApiClientRead | Problem]:
    """Change an API client

     Change the name, agency, roles, districts, scopes or active flag. A deactivated client cannot get
    new tokens. Deactivating, or changing the agency, roles, districts or scopes, revokes the client's
    tokens issued so far: every service refuses them (401 `token-revoked`) within its revocation poll
    interval (`GET /v1/revocations`). Send `If-Match` (428 without, 412 when stale). Admin only.

    Args:
        client_uuid (UUID): The client's id (uuid, not `client_id`).
        if_match (None | str | Unset): The ETag from your last read of this record. Required, `*`
            is not enough; stale: 412.
        body (ApiClientUpdate): Fields to change; omitted fields keep their value. The `client_id`
            cannot change.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiClientRead | Problem]
    """

    kwargs = _get_kwargs(
        client_uuid=client_uuid,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    client_uuid: UUID,
    *,
    client: AuthenticatedClient,
    body: ApiClientUpdate,
    if_match: None | str | Unset = UNSET,
) -> ApiClientRead | Problem | None:
    """Change an API client

     Change the name, agency, roles, districts, scopes or active flag. A deactivated client cannot get
    new tokens. Deactivating, or changing the agency, roles, districts or scopes, revokes the client's
    tokens issued so far: every service refuses them (401 `token-revoked`) within its revocation poll
    interval (`GET /v1/revocations`). Send `If-Match` (428 without, 412 when stale). Admin only.

    Args:
        client_uuid (UUID): The client's id (uuid, not `client_id`).
        if_match (None | str | Unset): The ETag from your last read of this record. Required, `*`
            is not enough; stale: 412.
        body (ApiClientUpdate): Fields to change; omitted fields keep their value. The `client_id`
            cannot change.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiClientRead | Problem
    """

    return sync_detailed(
        client_uuid=client_uuid,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    client_uuid: UUID,
    *,
    client: AuthenticatedClient,
    body: ApiClientUpdate,
    if_match: None | str | Unset = UNSET,
) -> Response[ApiClientRead | Problem]:
    """Change an API client

     Change the name, agency, roles, districts, scopes or active flag. A deactivated client cannot get
    new tokens. Deactivating, or changing the agency, roles, districts or scopes, revokes the client's
    tokens issued so far: every service refuses them (401 `token-revoked`) within its revocation poll
    interval (`GET /v1/revocations`). Send `If-Match` (428 without, 412 when stale). Admin only.

    Args:
        client_uuid (UUID): The client's id (uuid, not `client_id`).
        if_match (None | str | Unset): The ETag from your last read of this record. Required, `*`
            is not enough; stale: 412.
        body (ApiClientUpdate): Fields to change; omitted fields keep their value. The `client_id`
            cannot change.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiClientRead | Problem]
    """

    kwargs = _get_kwargs(
        client_uuid=client_uuid,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    client_uuid: UUID,
    *,
    client: AuthenticatedClient,
    body: ApiClientUpdate,
    if_match: None | str | Unset = UNSET,
) -> ApiClientRead | Problem | None:
    """Change an API client

     Change the name, agency, roles, districts, scopes or active flag. A deactivated client cannot get
    new tokens. Deactivating, or changing the agency, roles, districts or scopes, revokes the client's
    tokens issued so far: every service refuses them (401 `token-revoked`) within its revocation poll
    interval (`GET /v1/revocations`). Send `If-Match` (428 without, 412 when stale). Admin only.

    Args:
        client_uuid (UUID): The client's id (uuid, not `client_id`).
        if_match (None | str | Unset): The ETag from your last read of this record. Required, `*`
            is not enough; stale: 412.
        body (ApiClientUpdate): Fields to change; omitted fields keep their value. The `client_id`
            cannot change.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiClientRead | Problem
    """

    return (
        await asyncio_detailed(
            client_uuid=client_uuid,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
