from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.chain_verification import ChainVerification
from ...models.problem import Problem
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/audit-log/verify",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ChainVerification | Problem | None:
    if response.status_code == 200:
        response_200 = ChainVerification.from_dict(response.json())

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
) -> Response[ChainVerification | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[ChainVerification | Problem]:
    """Verify the hash chain

     Recomputes every seal (an HMAC keyed with a secret the database does not hold) and holds the chain
    to the newest signed checkpoint of its anchor outside the database. Reports the first breaks: an
    entry changed, deleted or re-sealed after sealing, a removed seal, the chain's end cut before the
    anchored checkpoint, a forged checkpoint. Entries are sealed in the background within seconds;
    `unsealed` counts those older than a minute that are not (a sign the sealer is not running). The
    trust model: docs/security.md, "The audit log".

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChainVerification | Problem]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> ChainVerification | Problem | None:
    """Verify the hash chain

     Recomputes every seal (an HMAC keyed with a secret the database does not hold) and holds the chain
    to the newest signed checkpoint of its anchor outside the database. Reports the first breaks: an
    entry changed, deleted or re-sealed after sealing, a removed seal, the chain's end cut before the
    anchored checkpoint, a forged checkpoint. Entries are sealed in the background within seconds;
    `unsealed` counts those older than a minute that are not (a sign the sealer is not running). The
    trust model: docs/security.md, "The audit log".

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChainVerification | Problem
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[ChainVerification | Problem]:
    """Verify the hash chain

     Recomputes every seal (an HMAC keyed with a secret the database does not hold) and holds the chain
    to the newest signed checkpoint of its anchor outside the database. Reports the first breaks: an
    entry changed, deleted or re-sealed after sealing, a removed seal, the chain's end cut before the
    anchored checkpoint, a forged checkpoint. Entries are sealed in the background within seconds;
    `unsealed` counts those older than a minute that are not (a sign the sealer is not running). The
    trust model: docs/security.md, "The audit log".

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChainVerification | Problem]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> ChainVerification | Problem | None:
    """Verify the hash chain

     Recomputes every seal (an HMAC keyed with a secret the database does not hold) and holds the chain
    to the newest signed checkpoint of its anchor outside the database. Reports the first breaks: an
    entry changed, deleted or re-sealed after sealing, a removed seal, the chain's end cut before the
    anchored checkpoint, a forged checkpoint. Entries are sealed in the background within seconds;
    `unsealed` counts those older than a minute that are not (a sign the sealer is not running). The
    trust model: docs/security.md, "The audit log".

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChainVerification | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
