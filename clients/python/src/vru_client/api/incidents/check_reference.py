from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.crime_reference_check import CrimeReferenceCheck
from ...models.problem import Problem
from ...types import UNSET, Response


def _get_kwargs(
    *,
    crime_reference: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["crime_reference"] = crime_reference

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/incidents/reference-check",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CrimeReferenceCheck | Problem | None:
    if response.status_code == 200:
        response_200 = CrimeReferenceCheck.from_dict(response.json())

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
) -> Response[CrimeReferenceCheck | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    crime_reference: str,
) -> Response[CrimeReferenceCheck | Problem]:
    """Is a crime reference known?

     Whether an incident with this police crime reference is held (e.g. the ETP inventory service
    validating the crime reference on a pack's use report). Answers only yes or no — no personal data. A
    known reference is recorded in the audit log. VRU services (role `service`) and analysts.

    Args:
        crime_reference (str): The police crime reference to check.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CrimeReferenceCheck | Problem]
    """

    kwargs = _get_kwargs(
        crime_reference=crime_reference,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    crime_reference: str,
) -> CrimeReferenceCheck | Problem | None:
    """Is a crime reference known?

     Whether an incident with this police crime reference is held (e.g. the ETP inventory service
    validating the crime reference on a pack's use report). Answers only yes or no — no personal data. A
    known reference is recorded in the audit log. VRU services (role `service`) and analysts.

    Args:
        crime_reference (str): The police crime reference to check.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CrimeReferenceCheck | Problem
    """

    return sync_detailed(
        client=client,
        crime_reference=crime_reference,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    crime_reference: str,
) -> Response[CrimeReferenceCheck | Problem]:
    """Is a crime reference known?

     Whether an incident with this police crime reference is held (e.g. the ETP inventory service
    validating the crime reference on a pack's use report). Answers only yes or no — no personal data. A
    known reference is recorded in the audit log. VRU services (role `service`) and analysts.

    Args:
        crime_reference (str): The police crime reference to check.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CrimeReferenceCheck | Problem]
    """

    kwargs = _get_kwargs(
        crime_reference=crime_reference,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    crime_reference: str,
) -> CrimeReferenceCheck | Problem | None:
    """Is a crime reference known?

     Whether an incident with this police crime reference is held (e.g. the ETP inventory service
    validating the crime reference on a pack's use report). Answers only yes or no — no personal data. A
    known reference is recorded in the audit log. VRU services (role `service`) and analysts.

    Args:
        crime_reference (str): The police crime reference to check.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CrimeReferenceCheck | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            crime_reference=crime_reference,
        )
    ).parsed
