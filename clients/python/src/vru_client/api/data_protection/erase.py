from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.erasure_request import ErasureRequest
from ...models.erasure_result import ErasureResult
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ErasureRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/retention/erasures",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErasureResult | Problem | None:
    if response.status_code == 200:
        response_200 = ErasureResult.from_dict(response.json())

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
) -> Response[ErasureResult | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ErasureRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErasureResult | Problem]:
    """Erase a young person's records

     Deletes every record of the young person (and records merged into theirs): incidents they were the
    only person in, their part in others, reviews left empty, referrals, meeting decisions and actions,
    support plans. The audit log keeps an `erase` entry naming only ids, and the earlier entries (which
    hold ids, not personal data). 409 while anything about them is still open. Role `auditor`. Meeting
    minutes are free text: redact them by hand.

    Args:
        idempotency_key (str | Unset):
        body (ErasureRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErasureResult | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: ErasureRequest,
    idempotency_key: str | Unset = UNSET,
) -> ErasureResult | Problem | None:
    """Erase a young person's records

     Deletes every record of the young person (and records merged into theirs): incidents they were the
    only person in, their part in others, reviews left empty, referrals, meeting decisions and actions,
    support plans. The audit log keeps an `erase` entry naming only ids, and the earlier entries (which
    hold ids, not personal data). 409 while anything about them is still open. Role `auditor`. Meeting
    minutes are free text: redact them by hand.

    Args:
        idempotency_key (str | Unset):
        body (ErasureRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErasureResult | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ErasureRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErasureResult | Problem]:
    """Erase a young person's records

     Deletes every record of the young person (and records merged into theirs): incidents they were the
    only person in, their part in others, reviews left empty, referrals, meeting decisions and actions,
    support plans. The audit log keeps an `erase` entry naming only ids, and the earlier entries (which
    hold ids, not personal data). 409 while anything about them is still open. Role `auditor`. Meeting
    minutes are free text: redact them by hand.

    Args:
        idempotency_key (str | Unset):
        body (ErasureRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErasureResult | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ErasureRequest,
    idempotency_key: str | Unset = UNSET,
) -> ErasureResult | Problem | None:
    """Erase a young person's records

     Deletes every record of the young person (and records merged into theirs): incidents they were the
    only person in, their part in others, reviews left empty, referrals, meeting decisions and actions,
    support plans. The audit log keeps an `erase` entry naming only ids, and the earlier entries (which
    hold ids, not personal data). 409 while anything about them is still open. Role `auditor`. Meeting
    minutes are free text: redact them by hand.

    Args:
        idempotency_key (str | Unset):
        body (ErasureRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErasureResult | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
