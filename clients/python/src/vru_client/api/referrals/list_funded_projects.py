from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.funded_projects import FundedProjects
from ...models.problem import Problem
from ...types import UNSET, Response


def _get_kwargs(
    *,
    district: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["district"] = district

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/referrals/funded-projects",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> FundedProjects | Problem | None:
    if response.status_code == 200:
        response_200 = FundedProjects.from_dict(response.json())

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
) -> Response[FundedProjects | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    district: str,
) -> Response[FundedProjects | Problem]:
    """Funded projects to refer to

     The active projects serving `district` that the unit funds (Box It Out, StreetSoccer…), fetched from
    the funding service when asked, with your own token: pass one's `project_id` as `project` to refer a
    young person there. When the project accepts the referral, the funding service counts it into the
    grant's monitoring figures. 503 with `Retry-After` when the funding service cannot answer (nothing
    is cached). Analysts and coordinators.

    Args:
        district (str): District code.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundedProjects | Problem]
    """

    kwargs = _get_kwargs(
        district=district,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    district: str,
) -> FundedProjects | Problem | None:
    """Funded projects to refer to

     The active projects serving `district` that the unit funds (Box It Out, StreetSoccer…), fetched from
    the funding service when asked, with your own token: pass one's `project_id` as `project` to refer a
    young person there. When the project accepts the referral, the funding service counts it into the
    grant's monitoring figures. 503 with `Retry-After` when the funding service cannot answer (nothing
    is cached). Analysts and coordinators.

    Args:
        district (str): District code.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundedProjects | Problem
    """

    return sync_detailed(
        client=client,
        district=district,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    district: str,
) -> Response[FundedProjects | Problem]:
    """Funded projects to refer to

     The active projects serving `district` that the unit funds (Box It Out, StreetSoccer…), fetched from
    the funding service when asked, with your own token: pass one's `project_id` as `project` to refer a
    young person there. When the project accepts the referral, the funding service counts it into the
    grant's monitoring figures. 503 with `Retry-After` when the funding service cannot answer (nothing
    is cached). Analysts and coordinators.

    Args:
        district (str): District code.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundedProjects | Problem]
    """

    kwargs = _get_kwargs(
        district=district,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    district: str,
) -> FundedProjects | Problem | None:
    """Funded projects to refer to

     The active projects serving `district` that the unit funds (Box It Out, StreetSoccer…), fetched from
    the funding service when asked, with your own token: pass one's `project_id` as `project` to refer a
    young person there. When the project accepts the referral, the funding service counts it into the
    grant's monitoring figures. 503 with `Retry-After` when the funding service cannot answer (nothing
    is cached). Analysts and coordinators.

    Args:
        district (str): District code.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundedProjects | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            district=district,
        )
    ).parsed
