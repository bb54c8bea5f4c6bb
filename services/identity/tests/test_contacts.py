"""Whom the notifications service e-mails (``GET /v1/contacts``): active people by id, or a role's holders in a
district — for the platform's services only."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from vru_dev.testing import TestIssuer

ADMIN = {"roles": ["admin"]}
SERVICE = {"roles": ["service"], "kind": "client", "client_id": "notifications-service"}


@pytest.fixture
async def people(client: httpx.AsyncClient, issuer: TestIssuer) -> dict[str, dict[str, Any]]:
    agency = await client.post(
        "/v1/agencies",
        json={"code": "example-contacts-trust", "name": "Example Contacts Trust", "kind": "charity"},
        headers=issuer.headers(**ADMIN),
    )
    assert agency.status_code == 201, agency.text
    made = {}
    for key, roles, districts, active in (
        ("swale", ["coordinator"], ["swale"], True),
        ("thanet", ["coordinator"], ["thanet"], True),
        ("left", ["coordinator"], ["swale"], False),
        ("analyst", ["analyst"], ["swale"], True),
    ):
        body = {
            "email": f"{key}.contact@example.org",
            "display_name": f"Example {key}",
            "agency_id": agency.json()["id"],
            "roles": roles,
            "districts": districts,
        }
        response = await client.post("/v1/people", json=body, headers=issuer.headers(**ADMIN))
        assert response.status_code == 201, response.text
        if not active:
            response = await client.patch(
                f"/v1/people/{response.json()['id']}",
                json={"active": False},
                headers={**issuer.headers(**ADMIN), "If-Match": response.headers["etag"]},
            )
        made[key] = response.json()
    return made


async def test_a_districts_coordinators_and_people_by_id(
    client: httpx.AsyncClient, issuer: TestIssuer, people: dict[str, dict[str, Any]]
) -> None:
    headers = issuer.headers(**SERVICE)
    found = await client.get("/v1/contacts", params={"role": "coordinator", "district": "swale"}, headers=headers)
    assert found.status_code == 200, found.text
    assert found.json()["items"] == [
        {
            "id": people["swale"]["id"],
            "email": "swale.contact@example.org",
            "roles": ["coordinator"],
            "districts": ["swale"],
        }
    ]
    ids = [people[k]["id"] for k in ("thanet", "left", "analyst")]
    found = await client.get("/v1/contacts", params={"person_id": ids}, headers=headers)
    assert sorted(c["email"] for c in found.json()["items"]) == [
        "analyst.contact@example.org",
        "thanet.contact@example.org",
    ]


async def test_services_only_and_a_query_is_needed(client: httpx.AsyncClient, issuer: TestIssuer) -> None:
    response = await client.get("/v1/contacts", params={"role": "coordinator", "district": "swale"})
    assert response.status_code == 401
    response = await client.get(
        "/v1/contacts", params={"role": "coordinator", "district": "swale"}, headers=issuer.headers(**ADMIN)
    )
    assert response.status_code == 403
    assert response.json()["type"].endswith("/forbidden")
    response = await client.get("/v1/contacts", params={"role": "coordinator"}, headers=issuer.headers(**SERVICE))
    assert response.status_code == 422  # every coordinator of every district: a directory, not a look-up
    assert response.json()["type"].endswith("/contacts-query-incomplete")
    response = await client.get("/v1/contacts", headers=issuer.headers(**SERVICE))
    assert (response.status_code, response.json()["items"]) == (200, [])
