from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.check_create import CheckCreate
from ...models.check_result import CheckResult
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: CheckCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/checks",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CheckResult | Problem | None:
    if response.status_code == 201:
        response_201 = CheckResult.from_dict(response.json())

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
) -> Response[CheckResult | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CheckCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[CheckResult | Problem]:
    """Log a check

     A guardian's check of a pack at their site: seal intact, contents present, expiry seen and in date.
    All fine: the pack is ready again until the next check falls due. Anything wrong: the pack `needs
    attention` until the CSP replaces what is missing or a later check passes. Guardians at their sites,
    CSP officers in their district, staff.

    Args:
        idempotency_key (str | Unset):
        body (CheckCreate): A guardian's check of one pack at their site.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CheckResult | Problem]
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
    body: CheckCreate,
    idempotency_key: str | Unset = UNSET,
) -> CheckResult | Problem | None:
    """Log a check

     A guardian's check of a pack at their site: seal intact, contents present, expiry seen and in date.
    All fine: the pack is ready again until the next check falls due. Anything wrong: the pack `needs
    attention` until the CSP replaces what is missing or a later check passes. Guardians at their sites,
    CSP officers in their district, staff.

    Args:
        idempotency_key (str | Unset):
        body (CheckCreate): A guardian's check of one pack at their site.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CheckResult | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CheckCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[CheckResult | Problem]:
    """Log a check

     A guardian's check of a pack at their site: seal intact, contents present, expiry seen and in date.
    All fine: the pack is ready again until the next check falls due. Anything wrong: the pack `needs
    attention` until the CSP replaces what is missing or a later check passes. Guardians at their sites,
    CSP officers in their district, staff.

    Args:
        idempotency_key (str | Unset):
        body (CheckCreate): A guardian's check of one pack at their site.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CheckResult | Problem]
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
    body: CheckCreate,
    idempotency_key: str | Unset = UNSET,
) -> CheckResult | Problem | None:
    """Log a check

     A guardian's check of a pack at their site: seal intact, contents present, expiry seen and in date.
    All fine: the pack is ready again until the next check falls due. Anything wrong: the pack `needs
    attention` until the CSP replaces what is missing or a later check passes. Guardians at their sites,
    CSP officers in their district, staff.

    Args:
        idempotency_key (str | Unset):
        body (CheckCreate): A guardian's check of one pack at their site.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CheckResult | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
