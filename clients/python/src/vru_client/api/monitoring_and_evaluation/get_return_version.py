from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.monitoring_return_version_read import MonitoringReturnVersionRead
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    return_id: UUID,
    version: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/monitoring-returns/{return_id}/versions/{version}".format(
            return_id=quote(str(return_id), safe=""),
            version=quote(str(version), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MonitoringReturnVersionRead | Problem | None:
    if response.status_code == 200:
        response_200 = MonitoringReturnVersionRead.from_dict(response.json())

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
) -> Response[MonitoringReturnVersionRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    return_id: UUID,
    version: int,
    *,
    client: AuthenticatedClient,
) -> Response[MonitoringReturnVersionRead | Problem]:
    """Get one version of a monitoring return's figures

     Version 1 is the submission; each later one an amendment with its reason. Unknown version: 404
    `monitoring-return-version-not-found`.

    Args:
        return_id (UUID): The monitoring return's id.
        version (int): The version: 1 the submission, 2 on the amendments.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MonitoringReturnVersionRead | Problem]
    """

    kwargs = _get_kwargs(
        return_id=return_id,
        version=version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    return_id: UUID,
    version: int,
    *,
    client: AuthenticatedClient,
) -> MonitoringReturnVersionRead | Problem | None:
    """Get one version of a monitoring return's figures

     Version 1 is the submission; each later one an amendment with its reason. Unknown version: 404
    `monitoring-return-version-not-found`.

    Args:
        return_id (UUID): The monitoring return's id.
        version (int): The version: 1 the submission, 2 on the amendments.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MonitoringReturnVersionRead | Problem
    """

    return sync_detailed(
        return_id=return_id,
        version=version,
        client=client,
    ).parsed


async def asyncio_detailed(
    return_id: UUID,
    version: int,
    *,
    client: AuthenticatedClient,
) -> Response[MonitoringReturnVersionRead | Problem]:
    """Get one version of a monitoring return's figures

     Version 1 is the submission; each later one an amendment with its reason. Unknown version: 404
    `monitoring-return-version-not-found`.

    Args:
        return_id (UUID): The monitoring return's id.
        version (int): The version: 1 the submission, 2 on the amendments.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MonitoringReturnVersionRead | Problem]
    """

    kwargs = _get_kwargs(
        return_id=return_id,
        version=version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    return_id: UUID,
    version: int,
    *,
    client: AuthenticatedClient,
) -> MonitoringReturnVersionRead | Problem | None:
    """Get one version of a monitoring return's figures

     Version 1 is the submission; each later one an amendment with its reason. Unknown version: 404
    `monitoring-return-version-not-found`.

    Args:
        return_id (UUID): The monitoring return's id.
        version (int): The version: 1 the submission, 2 on the amendments.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MonitoringReturnVersionRead | Problem
    """

    return (
        await asyncio_detailed(
            return_id=return_id,
            version=version,
            client=client,
        )
    ).parsed
