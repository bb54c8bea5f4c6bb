from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.component_replacement import ComponentReplacement
from ...models.pack_detail import PackDetail
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    pack_id: UUID,
    code: str,
    *,
    body: ComponentReplacement,
    if_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/packs/{pack_id}/components/{code}".format(
            pack_id=quote(str(pack_id), safe=""),
            code=quote(str(code), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PackDetail | Problem | None:
    if response.status_code == 200:
        response_200 = PackDetail.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

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
) -> Response[PackDetail | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    pack_id: UUID,
    code: str,
    *,
    client: AuthenticatedClient,
    body: ComponentReplacement,
    if_match: None | str | Unset = UNSET,
) -> Response[PackDetail | Problem]:
    """Replace a component

     Record that a component was replaced, with the new item's expiry: the pack's expiry becomes its
    earliest component's again, and a problem found at the last check counts as put right. Send `If-
    Match` with the pack's ETag (428 without, 412 when stale). Staff, or the district's CSP officers.

    Args:
        pack_id (UUID): The pack's id (not its public id).
        code (str):
        if_match (None | str | Unset): The ETag from your last read of this record. Required, `*`
            is not enough; stale: 412.
        body (ComponentReplacement): A component of the pack was replaced (used up, damaged, or
            about to expire).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PackDetail | Problem]
    """

    kwargs = _get_kwargs(
        pack_id=pack_id,
        code=code,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    pack_id: UUID,
    code: str,
    *,
    client: AuthenticatedClient,
    body: ComponentReplacement,
    if_match: None | str | Unset = UNSET,
) -> PackDetail | Problem | None:
    """Replace a component

     Record that a component was replaced, with the new item's expiry: the pack's expiry becomes its
    earliest component's again, and a problem found at the last check counts as put right. Send `If-
    Match` with the pack's ETag (428 without, 412 when stale). Staff, or the district's CSP officers.

    Args:
        pack_id (UUID): The pack's id (not its public id).
        code (str):
        if_match (None | str | Unset): The ETag from your last read of this record. Required, `*`
            is not enough; stale: 412.
        body (ComponentReplacement): A component of the pack was replaced (used up, damaged, or
            about to expire).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PackDetail | Problem
    """

    return sync_detailed(
        pack_id=pack_id,
        code=code,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    pack_id: UUID,
    code: str,
    *,
    client: AuthenticatedClient,
    body: ComponentReplacement,
    if_match: None | str | Unset = UNSET,
) -> Response[PackDetail | Problem]:
    """Replace a component

     Record that a component was replaced, with the new item's expiry: the pack's expiry becomes its
    earliest component's again, and a problem found at the last check counts as put right. Send `If-
    Match` with the pack's ETag (428 without, 412 when stale). Staff, or the district's CSP officers.

    Args:
        pack_id (UUID): The pack's id (not its public id).
        code (str):
        if_match (None | str | Unset): The ETag from your last read of this record. Required, `*`
            is not enough; stale: 412.
        body (ComponentReplacement): A component of the pack was replaced (used up, damaged, or
            about to expire).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PackDetail | Problem]
    """

    kwargs = _get_kwargs(
        pack_id=pack_id,
        code=code,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    pack_id: UUID,
    code: str,
    *,
    client: AuthenticatedClient,
    body: ComponentReplacement,
    if_match: None | str | Unset = UNSET,
) -> PackDetail | Problem | None:
    """Replace a component

     Record that a component was replaced, with the new item's expiry: the pack's expiry becomes its
    earliest component's again, and a problem found at the last check counts as put right. Send `If-
    Match` with the pack's ETag (428 without, 412 when stale). Staff, or the district's CSP officers.

    Args:
        pack_id (UUID): The pack's id (not its public id).
        code (str):
        if_match (None | str | Unset): The ETag from your last read of this record. Required, `*`
            is not enough; stale: 412.
        body (ComponentReplacement): A component of the pack was replaced (used up, damaged, or
            about to expire).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PackDetail | Problem
    """

    return (
        await asyncio_detailed(
            pack_id=pack_id,
            code=code,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
