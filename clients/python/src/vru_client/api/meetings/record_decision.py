from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.decision_create import DecisionCreate
from ...models.decision_read import DecisionRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    meeting_id: UUID,
    *,
    body: DecisionCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/meetings/{meeting_id}/decisions".format(
            meeting_id=quote(str(meeting_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DecisionRead | Problem | None:
    if response.status_code == 201:
        response_201 = DecisionRead.from_dict(response.json())

        return response_201

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
) -> Response[DecisionRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    meeting_id: UUID,
    *,
    client: AuthenticatedClient,
    body: DecisionCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[DecisionRead | Problem]:
    """Record a decision and actions

     The meeting's decision for the young person of one referral on its agenda, with the actions agreed
    (owning agency, description, due date). The referral leaves the agenda. 409 when it is not on the
    agenda or was already decided.

    Args:
        meeting_id (UUID): The meeting's id.
        idempotency_key (str | Unset):
        body (DecisionCreate): The meeting's decision for the young person of one referral on its
            agenda, and the actions agreed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DecisionRead | Problem]
    """

    kwargs = _get_kwargs(
        meeting_id=meeting_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    meeting_id: UUID,
    *,
    client: AuthenticatedClient,
    body: DecisionCreate,
    idempotency_key: str | Unset = UNSET,
) -> DecisionRead | Problem | None:
    """Record a decision and actions

     The meeting's decision for the young person of one referral on its agenda, with the actions agreed
    (owning agency, description, due date). The referral leaves the agenda. 409 when it is not on the
    agenda or was already decided.

    Args:
        meeting_id (UUID): The meeting's id.
        idempotency_key (str | Unset):
        body (DecisionCreate): The meeting's decision for the young person of one referral on its
            agenda, and the actions agreed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DecisionRead | Problem
    """

    return sync_detailed(
        meeting_id=meeting_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    meeting_id: UUID,
    *,
    client: AuthenticatedClient,
    body: DecisionCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[DecisionRead | Problem]:
    """Record a decision and actions

     The meeting's decision for the young person of one referral on its agenda, with the actions agreed
    (owning agency, description, due date). The referral leaves the agenda. 409 when it is not on the
    agenda or was already decided.

    Args:
        meeting_id (UUID): The meeting's id.
        idempotency_key (str | Unset):
        body (DecisionCreate): The meeting's decision for the young person of one referral on its
            agenda, and the actions agreed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DecisionRead | Problem]
    """

    kwargs = _get_kwargs(
        meeting_id=meeting_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    meeting_id: UUID,
    *,
    client: AuthenticatedClient,
    body: DecisionCreate,
    idempotency_key: str | Unset = UNSET,
) -> DecisionRead | Problem | None:
    """Record a decision and actions

     The meeting's decision for the young person of one referral on its agenda, with the actions agreed
    (owning agency, description, due date). The referral leaves the agenda. 409 when it is not on the
    agenda or was already decided.

    Args:
        meeting_id (UUID): The meeting's id.
        idempotency_key (str | Unset):
        body (DecisionCreate): The meeting's decision for the young person of one referral on its
            agenda, and the actions agreed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DecisionRead | Problem
    """

    return (
        await asyncio_detailed(
            meeting_id=meeting_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
