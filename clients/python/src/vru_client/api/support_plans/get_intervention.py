from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.intervention_read import InterventionRead
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    intervention_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/interventions/{intervention_id}".format(
            intervention_id=quote(str(intervention_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> InterventionRead | Problem | None:
    if response.status_code == 200:
        response_200 = InterventionRead.from_dict(response.json())

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
) -> Response[InterventionRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    intervention_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[InterventionRead | Problem]:
    """Get an intervention

     One intervention of a support plan, with its `ETag` for a later PATCH. Recorded in the audit log.

    Args:
        intervention_id (UUID): The intervention's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InterventionRead | Problem]
    """

    kwargs = _get_kwargs(
        intervention_id=intervention_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    intervention_id: UUID,
    *,
    client: AuthenticatedClient,
) -> InterventionRead | Problem | None:
    """Get an intervention

     One intervention of a support plan, with its `ETag` for a later PATCH. Recorded in the audit log.

    Args:
        intervention_id (UUID): The intervention's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InterventionRead | Problem
    """

    return sync_detailed(
        intervention_id=intervention_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    intervention_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[InterventionRead | Problem]:
    """Get an intervention

     One intervention of a support plan, with its `ETag` for a later PATCH. Recorded in the audit log.

    Args:
        intervention_id (UUID): The intervention's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InterventionRead | Problem]
    """

    kwargs = _get_kwargs(
        intervention_id=intervention_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    intervention_id: UUID,
    *,
    client: AuthenticatedClient,
) -> InterventionRead | Problem | None:
    """Get an intervention

     One intervention of a support plan, with its `ETag` for a later PATCH. Recorded in the audit log.

    Args:
        intervention_id (UUID): The intervention's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InterventionRead | Problem
    """

    return (
        await asyncio_detailed(
            intervention_id=intervention_id,
            client=client,
        )
    ).parsed
