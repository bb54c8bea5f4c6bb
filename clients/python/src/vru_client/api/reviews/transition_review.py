from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.review_read import ReviewRead
from ...models.review_transition import ReviewTransition
from ...types import UNSET, Response, Unset


def _get_kwargs(
    review_id: UUID,
    *,
    body: ReviewTransition,
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/reviews/{review_id}/transitions".format(
            review_id=quote(str(review_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | ReviewRead | None:
    if response.status_code == 200:
        response_200 = ReviewRead.from_dict(response.json())

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
) -> Response[Problem | ReviewRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    review_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ReviewTransition,
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | ReviewRead]:
    """Move a review on

     One step of the lifecycle: `new` → `in_review` → `referred` | `already_managed` |
    `no_further_action` → `closed`. Any other step is 409. `no_further_action` needs a `reason`;
    `already_managed` needs the existing `forum_case_ref`. Who and when are recorded. Send `If-Match`
    with the review's ETag to be sure nobody moved it meanwhile (412 when stale). Analysts, and
    coordinators for reviews in their districts.

    Args:
        review_id (UUID): The review's id.
        if_match (None | str | Unset): The ETag from your last read of this record. Required, `*`
            is not enough; stale: 412.
        idempotency_key (str | Unset):
        body (ReviewTransition): Move a review one step: new → in_review → referred |
            already_managed | no_further_action → closed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReviewRead]
    """

    kwargs = _get_kwargs(
        review_id=review_id,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    review_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ReviewTransition,
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Problem | ReviewRead | None:
    """Move a review on

     One step of the lifecycle: `new` → `in_review` → `referred` | `already_managed` |
    `no_further_action` → `closed`. Any other step is 409. `no_further_action` needs a `reason`;
    `already_managed` needs the existing `forum_case_ref`. Who and when are recorded. Send `If-Match`
    with the review's ETag to be sure nobody moved it meanwhile (412 when stale). Analysts, and
    coordinators for reviews in their districts.

    Args:
        review_id (UUID): The review's id.
        if_match (None | str | Unset): The ETag from your last read of this record. Required, `*`
            is not enough; stale: 412.
        idempotency_key (str | Unset):
        body (ReviewTransition): Move a review one step: new → in_review → referred |
            already_managed | no_further_action → closed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReviewRead
    """

    return sync_detailed(
        review_id=review_id,
        client=client,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    review_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ReviewTransition,
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | ReviewRead]:
    """Move a review on

     One step of the lifecycle: `new` → `in_review` → `referred` | `already_managed` |
    `no_further_action` → `closed`. Any other step is 409. `no_further_action` needs a `reason`;
    `already_managed` needs the existing `forum_case_ref`. Who and when are recorded. Send `If-Match`
    with the review's ETag to be sure nobody moved it meanwhile (412 when stale). Analysts, and
    coordinators for reviews in their districts.

    Args:
        review_id (UUID): The review's id.
        if_match (None | str | Unset): The ETag from your last read of this record. Required, `*`
            is not enough; stale: 412.
        idempotency_key (str | Unset):
        body (ReviewTransition): Move a review one step: new → in_review → referred |
            already_managed | no_further_action → closed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReviewRead]
    """

    kwargs = _get_kwargs(
        review_id=review_id,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    review_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ReviewTransition,
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Problem | ReviewRead | None:
    """Move a review on

     One step of the lifecycle: `new` → `in_review` → `referred` | `already_managed` |
    `no_further_action` → `closed`. Any other step is 409. `no_further_action` needs a `reason`;
    `already_managed` needs the existing `forum_case_ref`. Who and when are recorded. Send `If-Match`
    with the review's ETag to be sure nobody moved it meanwhile (412 when stale). Analysts, and
    coordinators for reviews in their districts.

    Args:
        review_id (UUID): The review's id.
        if_match (None | str | Unset): The ETag from your last read of this record. Required, `*`
            is not enough; stale: 412.
        idempotency_key (str | Unset):
        body (ReviewTransition): Move a review one step: new → in_review → referred |
            already_managed | no_further_action → closed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReviewRead
    """

    return (
        await asyncio_detailed(
            review_id=review_id,
            client=client,
            body=body,
            if_match=if_match,
            idempotency_key=idempotency_key,
        )
    ).parsed
