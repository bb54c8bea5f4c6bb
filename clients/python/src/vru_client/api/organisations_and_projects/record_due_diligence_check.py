from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.due_diligence_check_create import DueDiligenceCheckCreate
from ...models.due_diligence_check_read import DueDiligenceCheckRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    organisation_id: UUID,
    *,
    body: DueDiligenceCheckCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/organisations/{organisation_id}/due-diligence-checks".format(
            organisation_id=quote(str(organisation_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DueDiligenceCheckRead | Problem | None:
    if response.status_code == 201:
        response_201 = DueDiligenceCheckRead.from_dict(response.json())

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
) -> Response[DueDiligenceCheckRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    organisation_id: UUID,
    *,
    client: AuthenticatedClient,
    body: DueDiligenceCheckCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[DueDiligenceCheckRead | Problem]:
    """Record a due-diligence check

     What was checked before funding the organisation, as the UK government's grants minimum standards
    require: the `registry` (`charity_commission`, `companies_house`, `local_authority`, `other`), the
    number there, the status it showed, the day checked (not in the future: 422 `due-diligence-check-in-
    the-future`), the outcome (`pass` / `fail`) and notes; who recorded it is taken from the token. A
    grant to the organisation can be approved only while its latest check passed and is current
    (`valid_until`: `FUNDING_DUE_DILIGENCE_VALID_MONTHS` after the day checked, 12 by default). Checks
    are kept, never changed. Director or programme officer.

    Args:
        organisation_id (UUID): The organisation's id (not its org-id identifier).
        idempotency_key (str | Unset):
        body (DueDiligenceCheckCreate): A due-diligence check just made of an organisation.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DueDiligenceCheckRead | Problem]
    """

    kwargs = _get_kwargs(
        organisation_id=organisation_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    organisation_id: UUID,
    *,
    client: AuthenticatedClient,
    body: DueDiligenceCheckCreate,
    idempotency_key: str | Unset = UNSET,
) -> DueDiligenceCheckRead | Problem | None:
    """Record a due-diligence check

     What was checked before funding the organisation, as the UK government's grants minimum standards
    require: the `registry` (`charity_commission`, `companies_house`, `local_authority`, `other`), the
    number there, the status it showed, the day checked (not in the future: 422 `due-diligence-check-in-
    the-future`), the outcome (`pass` / `fail`) and notes; who recorded it is taken from the token. A
    grant to the organisation can be approved only while its latest check passed and is current
    (`valid_until`: `FUNDING_DUE_DILIGENCE_VALID_MONTHS` after the day checked, 12 by default). Checks
    are kept, never changed. Director or programme officer.

    Args:
        organisation_id (UUID): The organisation's id (not its org-id identifier).
        idempotency_key (str | Unset):
        body (DueDiligenceCheckCreate): A due-diligence check just made of an organisation.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DueDiligenceCheckRead | Problem
    """

    return sync_detailed(
        organisation_id=organisation_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    organisation_id: UUID,
    *,
    client: AuthenticatedClient,
    body: DueDiligenceCheckCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[DueDiligenceCheckRead | Problem]:
    """Record a due-diligence check

     What was checked before funding the organisation, as the UK government's grants minimum standards
    require: the `registry` (`charity_commission`, `companies_house`, `local_authority`, `other`), the
    number there, the status it showed, the day checked (not in the future: 422 `due-diligence-check-in-
    the-future`), the outcome (`pass` / `fail`) and notes; who recorded it is taken from the token. A
    grant to the organisation can be approved only while its latest check passed and is current
    (`valid_until`: `FUNDING_DUE_DILIGENCE_VALID_MONTHS` after the day checked, 12 by default). Checks
    are kept, never changed. Director or programme officer.

    Args:
        organisation_id (UUID): The organisation's id (not its org-id identifier).
        idempotency_key (str | Unset):
        body (DueDiligenceCheckCreate): A due-diligence check just made of an organisation.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DueDiligenceCheckRead | Problem]
    """

    kwargs = _get_kwargs(
        organisation_id=organisation_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    organisation_id: UUID,
    *,
    client: AuthenticatedClient,
    body: DueDiligenceCheckCreate,
    idempotency_key: str | Unset = UNSET,
) -> DueDiligenceCheckRead | Problem | None:
    """Record a due-diligence check

     What was checked before funding the organisation, as the UK government's grants minimum standards
    require: the `registry` (`charity_commission`, `companies_house`, `local_authority`, `other`), the
    number there, the status it showed, the day checked (not in the future: 422 `due-diligence-check-in-
    the-future`), the outcome (`pass` / `fail`) and notes; who recorded it is taken from the token. A
    grant to the organisation can be approved only while its latest check passed and is current
    (`valid_until`: `FUNDING_DUE_DILIGENCE_VALID_MONTHS` after the day checked, 12 by default). Checks
    are kept, never changed. Director or programme officer.

    Args:
        organisation_id (UUID): The organisation's id (not its org-id identifier).
        idempotency_key (str | Unset):
        body (DueDiligenceCheckCreate): A due-diligence check just made of an organisation.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DueDiligenceCheckRead | Problem
    """

    return (
        await asyncio_detailed(
            organisation_id=organisation_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
