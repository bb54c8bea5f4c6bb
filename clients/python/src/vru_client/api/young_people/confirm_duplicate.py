from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.subject_read import SubjectRead
from ...types import UNSET, Response, Unset


def _get_kwargs(
    subject_id: UUID,
    other_id: UUID,
    *,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/subjects/{subject_id}/duplicates/{other_id}/confirm".format(
            subject_id=quote(str(subject_id), safe=""),
            other_id=quote(str(other_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | SubjectRead | None:
    if response.status_code == 200:
        response_200 = SubjectRead.from_dict(response.json())

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
) -> Response[Problem | SubjectRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    subject_id: UUID,
    other_id: UUID,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | SubjectRead]:
    """Confirm a possible duplicate (merge)

     The two records are the same young person: `other_id` is merged into `subject_id` — its incidents
    and reviews move over, and it is kept, marked `merged_into_id`, as the trail. 404 when the two are
    not flagged; 409 when the flag was already resolved. Analysts only.

    Args:
        subject_id (UUID): The subject's id.
        other_id (UUID): The other subject of the possible duplicate.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SubjectRead]
    """

    kwargs = _get_kwargs(
        subject_id=subject_id,
        other_id=other_id,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    subject_id: UUID,
    other_id: UUID,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> Problem | SubjectRead | None:
    """Confirm a possible duplicate (merge)

     The two records are the same young person: `other_id` is merged into `subject_id` — its incidents
    and reviews move over, and it is kept, marked `merged_into_id`, as the trail. 404 when the two are
    not flagged; 409 when the flag was already resolved. Analysts only.

    Args:
        subject_id (UUID): The subject's id.
        other_id (UUID): The other subject of the possible duplicate.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SubjectRead
    """

    return sync_detailed(
        subject_id=subject_id,
        other_id=other_id,
        client=client,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    subject_id: UUID,
    other_id: UUID,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | SubjectRead]:
    """Confirm a possible duplicate (merge)

     The two records are the same young person: `other_id` is merged into `subject_id` — its incidents
    and reviews move over, and it is kept, marked `merged_into_id`, as the trail. 404 when the two are
    not flagged; 409 when the flag was already resolved. Analysts only.

    Args:
        subject_id (UUID): The subject's id.
        other_id (UUID): The other subject of the possible duplicate.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SubjectRead]
    """

    kwargs = _get_kwargs(
        subject_id=subject_id,
        other_id=other_id,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    subject_id: UUID,
    other_id: UUID,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> Problem | SubjectRead | None:
    """Confirm a possible duplicate (merge)

     The two records are the same young person: `other_id` is merged into `subject_id` — its incidents
    and reviews move over, and it is kept, marked `merged_into_id`, as the trail. 404 when the two are
    not flagged; 409 when the flag was already resolved. Analysts only.

    Args:
        subject_id (UUID): The subject's id.
        other_id (UUID): The other subject of the possible duplicate.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SubjectRead
    """

    return (
        await asyncio_detailed(
            subject_id=subject_id,
            other_id=other_id,
            client=client,
            idempotency_key=idempotency_key,
        )
    ).parsed
