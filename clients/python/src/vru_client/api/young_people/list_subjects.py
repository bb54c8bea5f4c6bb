import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_subject_summary import PageSubjectSummary
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    q: None | str | Unset = UNSET,
    date_of_birth: datetime.date | None | Unset = UNSET,
    police_person_id: None | str | Unset = UNSET,
    crime_reference: None | str | Unset = UNSET,
    possible_duplicate: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_q: str | Unset | None
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

    json_date_of_birth: str | Unset | None
    if isinstance(date_of_birth, Unset):
        json_date_of_birth = UNSET
    elif isinstance(date_of_birth, datetime.date):
        json_date_of_birth = date_of_birth.isoformat()
    else:
        json_date_of_birth = date_of_birth
    params["date_of_birth"] = json_date_of_birth

    json_police_person_id: str | Unset | None
    if isinstance(police_person_id, Unset):
        json_police_person_id = UNSET
    else:
        json_police_person_id = police_person_id
    params["police_person_id"] = json_police_person_id

    json_crime_reference: str | Unset | None
    if isinstance(crime_reference, Unset):
        json_crime_reference = UNSET
    else:
        json_crime_reference = crime_reference
    params["crime_reference"] = json_crime_reference

    json_possible_duplicate: bool | Unset | None
    if isinstance(possible_duplicate, Unset):
        json_possible_duplicate = UNSET
    else:
        json_possible_duplicate = possible_duplicate
    params["possible_duplicate"] = json_possible_duplicate

    params["limit"] = limit

    json_cursor: str | Unset | None
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/subjects",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageSubjectSummary | Problem | None:
    if response.status_code == 200:
        response_200 = PageSubjectSummary.from_dict(response.json())

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
) -> Response[PageSubjectSummary | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    q: None | str | Unset = UNSET,
    date_of_birth: datetime.date | None | Unset = UNSET,
    police_person_id: None | str | Unset = UNSET,
    crime_reference: None | str | Unset = UNSET,
    possible_duplicate: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageSubjectSummary | Problem]:
    """Find young people

     Young people (subjects) matched across incidents; merged records are left out. Find one by name
    (`q`: fuzzy, closest names first), `date_of_birth`, `police_person_id` or `crime_reference`; every
    criterion given must hold. Without `q`, newest first. `possible_duplicate=true` lists those with an
    uncertain match awaiting a decision. A coordinator finds only the young people in incidents or
    reviews of their districts, and by crime reference only through an incident they may read. Any other
    query parameter is a 422 (a misspelt filter never answers the whole list). Each page read is
    recorded in the audit log (purpose `young people search` when searched).

    Args:
        q (None | str | Unset): A name, or part of one, in any order (`Zara Okafor`, `okafor`):
            close spellings match too (trigram similarity, and sound-alike family names). Best matches
            first.
        date_of_birth (datetime.date | None | Unset): Only young people born on this day (`YYYY-
            MM-DD`).
        police_person_id (None | str | Unset): The police system's person id, exactly.
        crime_reference (None | str | Unset): Young people involved in the incident with this
            crime reference, if you may read that incident.
        possible_duplicate (bool | None | Unset): `true`: only subjects with an open possible-
            duplicate flag; `false`: only those without.
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageSubjectSummary | Problem]
    """

    kwargs = _get_kwargs(
        q=q,
        date_of_birth=date_of_birth,
        police_person_id=police_person_id,
        crime_reference=crime_reference,
        possible_duplicate=possible_duplicate,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    q: None | str | Unset = UNSET,
    date_of_birth: datetime.date | None | Unset = UNSET,
    police_person_id: None | str | Unset = UNSET,
    crime_reference: None | str | Unset = UNSET,
    possible_duplicate: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageSubjectSummary | Problem | None:
    """Find young people

     Young people (subjects) matched across incidents; merged records are left out. Find one by name
    (`q`: fuzzy, closest names first), `date_of_birth`, `police_person_id` or `crime_reference`; every
    criterion given must hold. Without `q`, newest first. `possible_duplicate=true` lists those with an
    uncertain match awaiting a decision. A coordinator finds only the young people in incidents or
    reviews of their districts, and by crime reference only through an incident they may read. Any other
    query parameter is a 422 (a misspelt filter never answers the whole list). Each page read is
    recorded in the audit log (purpose `young people search` when searched).

    Args:
        q (None | str | Unset): A name, or part of one, in any order (`Zara Okafor`, `okafor`):
            close spellings match too (trigram similarity, and sound-alike family names). Best matches
            first.
        date_of_birth (datetime.date | None | Unset): Only young people born on this day (`YYYY-
            MM-DD`).
        police_person_id (None | str | Unset): The police system's person id, exactly.
        crime_reference (None | str | Unset): Young people involved in the incident with this
            crime reference, if you may read that incident.
        possible_duplicate (bool | None | Unset): `true`: only subjects with an open possible-
            duplicate flag; `false`: only those without.
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageSubjectSummary | Problem
    """

    return sync_detailed(
        client=client,
        q=q,
        date_of_birth=date_of_birth,
        police_person_id=police_person_id,
        crime_reference=crime_reference,
        possible_duplicate=possible_duplicate,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    q: None | str | Unset = UNSET,
    date_of_birth: datetime.date | None | Unset = UNSET,
    police_person_id: None | str | Unset = UNSET,
    crime_reference: None | str | Unset = UNSET,
    possible_duplicate: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageSubjectSummary | Problem]:
    """Find young people

     Young people (subjects) matched across incidents; merged records are left out. Find one by name
    (`q`: fuzzy, closest names first), `date_of_birth`, `police_person_id` or `crime_reference`; every
    criterion given must hold. Without `q`, newest first. `possible_duplicate=true` lists those with an
    uncertain match awaiting a decision. A coordinator finds only the young people in incidents or
    reviews of their districts, and by crime reference only through an incident they may read. Any other
    query parameter is a 422 (a misspelt filter never answers the whole list). Each page read is
    recorded in the audit log (purpose `young people search` when searched).

    Args:
        q (None | str | Unset): A name, or part of one, in any order (`Zara Okafor`, `okafor`):
            close spellings match too (trigram similarity, and sound-alike family names). Best matches
            first.
        date_of_birth (datetime.date | None | Unset): Only young people born on this day (`YYYY-
            MM-DD`).
        police_person_id (None | str | Unset): The police system's person id, exactly.
        crime_reference (None | str | Unset): Young people involved in the incident with this
            crime reference, if you may read that incident.
        possible_duplicate (bool | None | Unset): `true`: only subjects with an open possible-
            duplicate flag; `false`: only those without.
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageSubjectSummary | Problem]
    """

    kwargs = _get_kwargs(
        q=q,
        date_of_birth=date_of_birth,
        police_person_id=police_person_id,
        crime_reference=crime_reference,
        possible_duplicate=possible_duplicate,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    q: None | str | Unset = UNSET,
    date_of_birth: datetime.date | None | Unset = UNSET,
    police_person_id: None | str | Unset = UNSET,
    crime_reference: None | str | Unset = UNSET,
    possible_duplicate: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageSubjectSummary | Problem | None:
    """Find young people

     Young people (subjects) matched across incidents; merged records are left out. Find one by name
    (`q`: fuzzy, closest names first), `date_of_birth`, `police_person_id` or `crime_reference`; every
    criterion given must hold. Without `q`, newest first. `possible_duplicate=true` lists those with an
    uncertain match awaiting a decision. A coordinator finds only the young people in incidents or
    reviews of their districts, and by crime reference only through an incident they may read. Any other
    query parameter is a 422 (a misspelt filter never answers the whole list). Each page read is
    recorded in the audit log (purpose `young people search` when searched).

    Args:
        q (None | str | Unset): A name, or part of one, in any order (`Zara Okafor`, `okafor`):
            close spellings match too (trigram similarity, and sound-alike family names). Best matches
            first.
        date_of_birth (datetime.date | None | Unset): Only young people born on this day (`YYYY-
            MM-DD`).
        police_person_id (None | str | Unset): The police system's person id, exactly.
        crime_reference (None | str | Unset): Young people involved in the incident with this
            crime reference, if you may read that incident.
        possible_duplicate (bool | None | Unset): `true`: only subjects with an open possible-
            duplicate flag; `false`: only those without.
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor` or
            `Link`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageSubjectSummary | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            q=q,
            date_of_birth=date_of_birth,
            police_person_id=police_person_id,
            crime_reference=crime_reference,
            possible_duplicate=possible_duplicate,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
