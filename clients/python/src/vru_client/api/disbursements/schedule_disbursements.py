from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.disbursement_read import DisbursementRead
from ...models.problem import Problem
from ...models.schedule_create import ScheduleCreate
from ...types import UNSET, Response, Unset


def _get_kwargs(
    grant_id: UUID,
    *,
    body: ScheduleCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/grants/{grant_id}/disbursements".format(
            grant_id=quote(str(grant_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | list[DisbursementRead] | None:
    if response.status_code == 201:
        response_201 = []
        _response_201 = response.json()
        for response_201_item_data in _response_201:
            response_201_item = DisbursementRead.from_dict(response_201_item_data)

            response_201.append(response_201_item)

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
) -> Response[Problem | list[DisbursementRead]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    grant_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ScheduleCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | list[DisbursementRead]]:
    """Schedule disbursements

     Split an amount (default: what remains of the award) into `instalments` monthly or quarterly
    payments from `first_due_on`, exactly to the penny: the first instalments take the odd pennies
    (£10,000.00 in 3 → 333,334 + 333,333 + 333,333 pence). Only for approved or active grants (409
    `schedule-not-allowed`); more than remains is 409 `schedule-exceeds-award`. Director or programme
    officer.

    Args:
        grant_id (UUID): The grant's id.
        idempotency_key (str | Unset):
        body (ScheduleCreate): Split an award into instalments, exactly to the penny: the first
            instalments take the odd pennies.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[DisbursementRead]]
    """

    kwargs = _get_kwargs(
        grant_id=grant_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    grant_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ScheduleCreate,
    idempotency_key: str | Unset = UNSET,
) -> Problem | list[DisbursementRead] | None:
    """Schedule disbursements

     Split an amount (default: what remains of the award) into `instalments` monthly or quarterly
    payments from `first_due_on`, exactly to the penny: the first instalments take the odd pennies
    (£10,000.00 in 3 → 333,334 + 333,333 + 333,333 pence). Only for approved or active grants (409
    `schedule-not-allowed`); more than remains is 409 `schedule-exceeds-award`. Director or programme
    officer.

    Args:
        grant_id (UUID): The grant's id.
        idempotency_key (str | Unset):
        body (ScheduleCreate): Split an award into instalments, exactly to the penny: the first
            instalments take the odd pennies.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[DisbursementRead]
    """

    return sync_detailed(
        grant_id=grant_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    grant_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ScheduleCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | list[DisbursementRead]]:
    """Schedule disbursements

     Split an amount (default: what remains of the award) into `instalments` monthly or quarterly
    payments from `first_due_on`, exactly to the penny: the first instalments take the odd pennies
    (£10,000.00 in 3 → 333,334 + 333,333 + 333,333 pence). Only for approved or active grants (409
    `schedule-not-allowed`); more than remains is 409 `schedule-exceeds-award`. Director or programme
    officer.

    Args:
        grant_id (UUID): The grant's id.
        idempotency_key (str | Unset):
        body (ScheduleCreate): Split an award into instalments, exactly to the penny: the first
            instalments take the odd pennies.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[DisbursementRead]]
    """

    kwargs = _get_kwargs(
        grant_id=grant_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    grant_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ScheduleCreate,
    idempotency_key: str | Unset = UNSET,
) -> Problem | list[DisbursementRead] | None:
    """Schedule disbursements

     Split an amount (default: what remains of the award) into `instalments` monthly or quarterly
    payments from `first_due_on`, exactly to the penny: the first instalments take the odd pennies
    (£10,000.00 in 3 → 333,334 + 333,333 + 333,333 pence). Only for approved or active grants (409
    `schedule-not-allowed`); more than remains is 409 `schedule-exceeds-award`. Director or programme
    officer.

    Args:
        grant_id (UUID): The grant's id.
        idempotency_key (str | Unset):
        body (ScheduleCreate): Split an award into instalments, exactly to the penny: the first
            instalments take the odd pennies.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[DisbursementRead]
    """

    return (
        await asyncio_detailed(
            grant_id=grant_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
