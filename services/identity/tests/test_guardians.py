"""Finding a pack-site guardian (issue 14, "Smaller"): a CSP officer could only assign a guardian by a person id
they had no way to look up. ``GET /v1/guardians?email=`` finds one active guardian by e-mail (a look-up, not a
directory), and ``GET /v1/guardians/{id}`` is how the ETP inventory service checks an assignment."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from vru_dev.testing import TestIssuer

ADMIN = {"roles": ["admin"]}
CSP_OFFICER = {"roles": ["csp_officer"], "districts": ["medway"]}


@pytest.fixture
async def people(client: httpx.AsyncClient, issuer: TestIssuer) -> dict[str, dict[str, Any]]:
    agency = await client.post(
        "/v1/agencies",
        json={"code": "example-youth-trust", "name": "Example Youth Trust", "kind": "charity"},
        headers=issuer.headers(**ADMIN),
    )
    assert agency.status_code == 201, agency.text
    made = {}
    for key, email, roles, active in (
        ("guardian", "Pack.Guardian@example.org", ["guardian"], True),
        ("retired", "retired.guardian@example.org", ["guardian"], False),
        ("analyst", "an.analyst@example.org", ["analyst"], True),
    ):
        body = {"email": email, "display_name": f"Example {key}", "agency_id": agency.json()["id"], "roles": roles}
        response = await client.post("/v1/people", json=body, headers=issuer.headers(**ADMIN))
        assert response.status_code == 201, response.text
        if not active:
            response = await client.patch(
                f"/v1/people/{response.json()['id']}",
                json={"active": False},
                headers={**issuer.headers(**ADMIN), "If-Match": response.headers["etag"]},
            )
            assert response.status_code == 200, response.text
        made[key] = response.json()
    return made


async def test_a_csp_officer_finds_a_guardian_by_e_mail(
    client: httpx.AsyncClient, issuer: TestIssuer, people: dict[str, dict[str, Any]]
) -> None:
    headers = issuer.headers(**CSP_OFFICER)
    found = await client.get("/v1/guardians", params={"email": " PACK.guardian@EXAMPLE.org"}, headers=headers)
    assert found.status_code == 200, found.text
    assert found.json() == {
        "items": [
            {"id": people["guardian"]["id"], "display_name": "Example guardian", "email": "pack.guardian@example.org"}
        ],
        "next_cursor": None,
    }
    # Only an active guardian: not someone deactivated, not another role, not a stranger.
    for email in ("retired.guardian@example.org", "an.analyst@example.org", "nobody@example.org"):
        response = await client.get("/v1/guardians", params={"email": email}, headers=headers)
        assert (response.status_code, response.json()["items"]) == (200, [])
    one = await client.get(f"/v1/guardians/{people['guardian']['id']}", headers=issuer.headers(roles=["service"]))
    assert (one.status_code, one.json()["email"]) == (200, "pack.guardian@example.org")
    for key in ("retired", "analyst"):
        response = await client.get(f"/v1/guardians/{people[key]['id']}", headers=headers)
        assert response.status_code == 404
        assert response.json()["type"].endswith("/guardian-not-found")


async def test_a_look_up_not_a_directory(client: httpx.AsyncClient, issuer: TestIssuer) -> None:
    response = await client.get("/v1/guardians", headers=issuer.headers(**CSP_OFFICER))
    assert response.status_code == 422
    assert response.json()["type"].endswith("/validation-error")
    for token in ({"roles": ["guardian"]}, {"roles": ["analyst"]}, {"roles": ["partner_agency"]}):
        refused = await client.get("/v1/guardians", params={"email": "a@b.org"}, headers=issuer.headers(**token))
        assert refused.status_code == 403
        assert refused.json()["type"].endswith("/forbidden")
