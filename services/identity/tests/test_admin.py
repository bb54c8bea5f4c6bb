"""The admin API: agencies, people, API clients."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from identity.seed import DevCredential, seed_id
from vru_dev.kits.identity import bearer, client_token, own_verifier
from vru_dev.testing import TestIssuer

ADMIN = {"roles": ["admin"]}


@pytest.fixture
async def agency(client: httpx.AsyncClient, issuer: TestIssuer) -> dict[str, Any]:
    response = await client.post(
        "/v1/agencies",
        json={"code": "example-health-trust", "name": "Example Health Trust", "kind": "health"},
        headers=issuer.headers(**ADMIN),
    )
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def person_body(agency_id: str, **overrides: Any) -> dict[str, Any]:
    return {
        "email": "new.coordinator@example.org",
        "display_name": "New coordinator",
        "agency_id": agency_id,
        "roles": ["coordinator"],
        "districts": ["thanet", "canterbury"],
        "password": "a long enough passphrase",
    } | overrides


def field_names(response: httpx.Response) -> set[str]:
    assert response.status_code == 422, response.text
    return {e["field"] for e in response.json()["errors"]}


class TestCreateAgency:
    body = {"code": "example-academy-trust", "name": "Example Academy Trust", "kind": "education"}

    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        response = await client.post("/v1/agencies", json=self.body)
        assert response.status_code == 401
        assert response.headers["content-type"] == "application/problem+json"

    async def test_forbidden(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.post("/v1/agencies", json=self.body, headers=issuer.headers(roles=["analyst"]))
        assert response.status_code == 403
        assert response.json()["type"].endswith("/forbidden")

    async def test_valid(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.post("/v1/agencies", json=self.body, headers=issuer.headers(**ADMIN))
        assert response.status_code == 201
        body = response.json()
        assert response.headers["location"] == f"/v1/agencies/{body['id']}"
        assert response.headers["etag"] == '"v1"'
        assert (body["code"], body["kind"], body["version"]) == ("example-academy-trust", "education", 1)
        fetched = await client.get(response.headers["location"], headers=issuer.headers(roles=["guardian"]))
        assert fetched.json()["name"] == "Example Academy Trust"

    async def test_duplicate_code(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        first = await client.post("/v1/agencies", json=self.body, headers=issuer.headers(**ADMIN))
        assert first.status_code == 201
        again = await client.post("/v1/agencies", json=self.body | {"name": "Another"}, headers=issuer.headers(**ADMIN))
        assert again.status_code == 409
        assert again.json()["type"].endswith("/agency-code-taken")

    async def test_invalid(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.post(
            "/v1/agencies",
            json={"code": "Not A Slug", "name": "x", "kind": "bakery", "colour": "red"},
            headers=issuer.headers(**ADMIN),
        )
        assert field_names(response) == {"code", "kind", "colour"}


class TestListAgencies:
    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        assert (await client.get("/v1/agencies")).status_code == 401

    async def test_valid(self, client: httpx.AsyncClient, issuer: TestIssuer, seeded: list[DevCredential]) -> None:
        headers = issuer.headers(roles=["partner_agency"])
        seen: list[str] = []
        url: str | None = "/v1/agencies?limit=4"
        while url:
            response = await client.get(url, headers=headers)
            assert response.status_code == 200
            seen += [a["code"] for a in response.json()["items"]]
            link = response.headers.get("link")
            url = link.split(";")[0].strip("<>") if link else None
        assert seen == sorted(seen)
        assert {"vru", "kent-police", "medway-council", "national-probation-service"} <= set(seen)

        councils = await client.get("/v1/agencies?kind=council&limit=200", headers=headers)
        assert {a["kind"] for a in councils.json()["items"]} == {"council"}
        assert "medway-council" in {a["code"] for a in councils.json()["items"]}


class TestGetAgency:
    async def test_anonymous(self, client: httpx.AsyncClient, agency: dict[str, Any]) -> None:
        assert (await client.get(f"/v1/agencies/{agency['id']}")).status_code == 401

    async def test_not_found(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.get(
            "/v1/agencies/00000000-0000-0000-0000-000000000000", headers=issuer.headers(roles=["analyst"])
        )
        assert response.status_code == 404
        assert response.json()["type"].endswith("/agency-not-found")

    async def test_valid(self, client: httpx.AsyncClient, issuer: TestIssuer, agency: dict[str, Any]) -> None:
        response = await client.get(f"/v1/agencies/{agency['id']}", headers=issuer.headers(roles=["analyst"]))
        assert response.status_code == 200
        assert response.headers["etag"] == '"v1"'
        assert response.json()["code"] == "example-health-trust"


class TestUpdateAgency:
    async def test_anonymous(self, client: httpx.AsyncClient, agency: dict[str, Any]) -> None:
        response = await client.patch(f"/v1/agencies/{agency['id']}", json={"name": "x"}, headers={"If-Match": '"v1"'})
        assert response.status_code == 401

    async def test_forbidden(self, client: httpx.AsyncClient, issuer: TestIssuer, agency: dict[str, Any]) -> None:
        response = await client.patch(
            f"/v1/agencies/{agency['id']}",
            json={"name": "x"},
            headers=issuer.headers(roles=["director"]) | {"If-Match": '"v1"'},
        )
        assert response.status_code == 403
        assert response.json()["type"].endswith("/forbidden")

    async def test_not_found(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.patch(
            "/v1/agencies/00000000-0000-0000-0000-000000000000",
            json={"name": "x"},
            headers=issuer.headers(**ADMIN) | {"If-Match": '"v1"'},
        )
        assert response.status_code == 404
        assert response.json()["type"].endswith("/agency-not-found")

    async def test_preconditions(self, client: httpx.AsyncClient, issuer: TestIssuer, agency: dict[str, Any]) -> None:
        url = f"/v1/agencies/{agency['id']}"
        missing = await client.patch(url, json={"name": "Renamed"}, headers=issuer.headers(**ADMIN))
        assert missing.status_code == 428
        stale = await client.patch(
            url, json={"name": "Renamed"}, headers=issuer.headers(**ADMIN) | {"If-Match": '"v7"'}
        )
        assert stale.status_code == 412
        assert stale.headers["etag"] == '"v1"'
        assert (await client.get(url, headers=issuer.headers(**ADMIN))).json()["name"] == "Example Health Trust"

    async def test_valid(self, client: httpx.AsyncClient, issuer: TestIssuer, agency: dict[str, Any]) -> None:
        url = f"/v1/agencies/{agency['id']}"
        response = await client.patch(
            url, json={"name": "Example Health Trust (renamed)"}, headers=issuer.headers(**ADMIN) | {"If-Match": '"v1"'}
        )
        assert response.status_code == 200
        assert response.headers["etag"] == '"v2"'
        assert response.json()["name"] == "Example Health Trust (renamed)"
        again = await client.patch(url, json={"kind": "other"}, headers=issuer.headers(**ADMIN) | {"If-Match": '"v1"'})
        assert again.status_code == 412

    async def test_code_cannot_change(
        self, client: httpx.AsyncClient, issuer: TestIssuer, agency: dict[str, Any]
    ) -> None:
        response = await client.patch(
            f"/v1/agencies/{agency['id']}", json={"code": "x"}, headers=issuer.headers(**ADMIN) | {"If-Match": '"v1"'}
        )
        assert field_names(response) == {"code"}


class TestCreatePerson:
    async def test_anonymous(self, client: httpx.AsyncClient, agency: dict[str, Any]) -> None:
        assert (await client.post("/v1/people", json=person_body(agency["id"]))).status_code == 401

    async def test_forbidden(self, client: httpx.AsyncClient, issuer: TestIssuer, agency: dict[str, Any]) -> None:
        response = await client.post(
            "/v1/people", json=person_body(agency["id"]), headers=issuer.headers(roles=["coordinator"])
        )
        assert response.status_code == 403
        assert response.json()["type"].endswith("/forbidden")

    async def test_valid(self, client: httpx.AsyncClient, issuer: TestIssuer, agency: dict[str, Any]) -> None:
        response = await client.post(
            "/v1/people",
            json=person_body(agency["id"], email="New.Coordinator@Example.ORG"),
            headers=issuer.headers(**ADMIN),
        )
        assert response.status_code == 201, response.text
        body = response.json()
        assert response.headers["location"] == f"/v1/people/{body['id']}"
        assert response.headers["etag"] == '"v1"'
        assert body["email"] == "new.coordinator@example.org"
        assert body["districts"] == ["thanet", "canterbury"]
        assert body["has_password"] is True
        assert not {"password", "password_hash"} & set(body)
        assert "argon2" not in response.text
        # The new person can log in with the password they were given.
        headers = await bearer(client, "new.coordinator@example.org", "a long enough passphrase")
        assert headers["Authorization"].startswith("Bearer ")

    async def test_districts_and_roles_once_each(
        self, client: httpx.AsyncClient, issuer: TestIssuer, agency: dict[str, Any]
    ) -> None:
        body = person_body(agency["id"], districts=["thanet", "medway", "thanet"], roles=["guardian", "analyst"] * 2)
        response = await client.post("/v1/people", json=body, headers=issuer.headers(**ADMIN))
        assert response.status_code == 201, response.text
        assert (response.json()["districts"], response.json()["roles"]) == (
            ["thanet", "medway"],
            ["analyst", "guardian"],
        )
        url = response.headers["location"]
        same = await client.patch(
            url,
            json={"districts": ["thanet", "medway", "medway"]},
            headers=issuer.headers(**ADMIN) | {"If-Match": '"v1"'},
        )
        assert (same.status_code, same.headers["etag"]) == (200, '"v1"')  # nothing changed: no new version

    async def test_duplicate_email_in_any_case(
        self, client: httpx.AsyncClient, issuer: TestIssuer, agency: dict[str, Any]
    ) -> None:
        first = await client.post("/v1/people", json=person_body(agency["id"]), headers=issuer.headers(**ADMIN))
        assert first.status_code == 201
        again = await client.post(
            "/v1/people",
            json=person_body(agency["id"], email="NEW.COORDINATOR@example.org"),
            headers=issuer.headers(**ADMIN),
        )
        assert again.status_code == 409
        assert again.json()["type"].endswith("/email-taken")

    async def test_invalid_fields_are_named(
        self, client: httpx.AsyncClient, issuer: TestIssuer, agency: dict[str, Any]
    ) -> None:
        response = await client.post(
            "/v1/people",
            json=person_body(
                agency["id"], email="not-an-email", roles=["superuser"], districts=["atlantis"], password="short"
            ),
            headers=issuer.headers(**ADMIN),
        )
        names = field_names(response)
        assert {"email", "password"} <= names
        assert any(n.startswith("roles") for n in names)
        assert any(n.startswith("districts") for n in names)

    async def test_unknown_agency(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.post(
            "/v1/people",
            json=person_body("00000000-0000-0000-0000-000000000000"),
            headers=issuer.headers(**ADMIN),
        )
        assert field_names(response) == {"agency_id"}


class TestListPeople:
    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        assert (await client.get("/v1/people")).status_code == 401

    async def test_forbidden(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        refused = await client.get("/v1/people", headers=issuer.headers(roles=["analyst"]))
        assert refused.status_code == 403
        assert refused.json()["type"].endswith("/forbidden")

    async def test_valid(self, client: httpx.AsyncClient, issuer: TestIssuer, seeded: list[DevCredential]) -> None:
        response = await client.get("/v1/people?role=coordinator&limit=200", headers=issuer.headers(**ADMIN))
        assert response.status_code == 200
        emails = [p["email"] for p in response.json()["items"]]
        assert "coordinator.medway-swale@example.org" in emails
        assert "analyst@example.org" not in emails
        assert "password_hash" not in response.text

        by_agency = await client.get(
            f"/v1/people?agency_id={seed_id('agency', 'medway-council')}", headers=issuer.headers(**ADMIN)
        )
        assert [p["email"] for p in by_agency.json()["items"]] == ["csp.medway@example.org"]

        page = await client.get("/v1/people?limit=3", headers=issuer.headers(**ADMIN))
        assert len(page.json()["items"]) == 3
        assert page.json()["next_cursor"]


class TestGetPerson:
    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        assert (await client.get(f"/v1/people/{seed_id('person', 'admin@example.org')}")).status_code == 401

    async def test_forbidden(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        url = f"/v1/people/{seed_id('person', 'admin@example.org')}"
        refused = await client.get(url, headers=issuer.headers(roles=["auditor"]))
        assert refused.status_code == 403
        assert refused.json()["type"].endswith("/forbidden")

    async def test_not_found(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.get("/v1/people/00000000-0000-0000-0000-000000000000", headers=issuer.headers(**ADMIN))
        assert response.status_code == 404
        assert response.json()["type"].endswith("/person-not-found")

    async def test_valid_with_an_identity_token(
        self, app: FastAPI, client: httpx.AsyncClient, seeded: list[DevCredential]
    ) -> None:
        app.state.token_verifier = own_verifier(app)  # real admin tokens from this service
        headers = await bearer(client, "admin@example.org")
        response = await client.get(f"/v1/people/{seed_id('person', 'csp.medway@example.org')}", headers=headers)
        assert response.status_code == 200
        assert response.headers["etag"] == f'"v{response.json()["version"]}"'
        assert response.json()["roles"] == ["csp_officer"]
        analyst = await bearer(client, "analyst@example.org")
        refused = await client.get("/v1/people", headers=analyst)
        assert refused.status_code == 403
        assert refused.json()["type"].endswith("/forbidden")


class TestUpdatePerson:
    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        url = f"/v1/people/{seed_id('person', 'admin@example.org')}"
        assert (await client.patch(url, json={"active": False})).status_code == 401

    async def test_not_found(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.patch(
            "/v1/people/00000000-0000-0000-0000-000000000000",
            json={"active": False},
            headers=issuer.headers(**ADMIN) | {"If-Match": '"v1"'},
        )
        assert response.status_code == 404
        assert response.json()["type"].endswith("/person-not-found")

    async def test_preconditions_and_valid(
        self, client: httpx.AsyncClient, issuer: TestIssuer, seeded: list[DevCredential]
    ) -> None:
        url = f"/v1/people/{seed_id('person', 'csp.medway@example.org')}"
        current = await client.get(url, headers=issuer.headers(**ADMIN))
        etag = current.headers["etag"]
        assert (
            await client.patch(url, json={"districts": ["swale"]}, headers=issuer.headers(**ADMIN))
        ).status_code == 428
        changed = await client.patch(
            url,
            json={"districts": ["swale"], "roles": ["csp_officer", "guardian"]},
            headers=issuer.headers(**ADMIN) | {"If-Match": etag},
        )
        assert changed.status_code == 200
        assert changed.json()["districts"] == ["swale"]
        assert changed.json()["roles"] == ["csp_officer", "guardian"]
        assert changed.headers["etag"] != etag
        stale = await client.patch(
            url, json={"districts": ["medway"]}, headers=issuer.headers(**ADMIN) | {"If-Match": etag}
        )
        assert stale.status_code == 412

    async def test_invalid_role(
        self, client: httpx.AsyncClient, issuer: TestIssuer, seeded: list[DevCredential]
    ) -> None:
        url = f"/v1/people/{seed_id('person', 'csp.medway@example.org')}"
        response = await client.patch(
            url, json={"roles": ["root"]}, headers=issuer.headers(**ADMIN) | {"If-Match": '"v1"'}
        )
        assert any(n.startswith("roles") for n in field_names(response))


class TestUnlockPerson:
    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        assert (await client.post(f"/v1/people/{seed_id('person', 'admin@example.org')}/unlock")).status_code == 401

    async def test_not_found(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.post(
            "/v1/people/00000000-0000-0000-0000-000000000000/unlock", headers=issuer.headers(**ADMIN)
        )
        assert response.status_code == 404
        assert response.json()["type"].endswith("/person-not-found")


CLIENT = {"client_id": "example-case-system", "name": "Example case system", "roles": ["partner_agency"]}


class TestCreateClient:
    async def test_anonymous(self, client: httpx.AsyncClient, agency: dict[str, Any]) -> None:
        assert (await client.post("/v1/clients", json=CLIENT | {"agency_id": agency["id"]})).status_code == 401

    async def test_forbidden(self, client: httpx.AsyncClient, issuer: TestIssuer, agency: dict[str, Any]) -> None:
        response = await client.post(
            "/v1/clients", json=CLIENT | {"agency_id": agency["id"]}, headers=issuer.headers(roles=["service"])
        )
        assert response.status_code == 403
        assert response.json()["type"].endswith("/forbidden")

    async def test_valid_secret_shown_once(
        self, client: httpx.AsyncClient, issuer: TestIssuer, agency: dict[str, Any]
    ) -> None:
        created = await client.post(
            "/v1/clients", json=CLIENT | {"agency_id": agency["id"]}, headers=issuer.headers(**ADMIN)
        )
        assert created.status_code == 201, created.text
        assert created.headers["cache-control"] == "no-store"
        secret = created.json()["client_secret"]
        assert len(secret) >= 43
        assert "secret_hash" not in created.json()

        fetched = await client.get(created.headers["location"], headers=issuer.headers(**ADMIN))
        assert fetched.status_code == 200
        assert secret not in fetched.text
        assert not {"client_secret", "secret_hash"} & set(fetched.json())
        listed = await client.get("/v1/clients?limit=200", headers=issuer.headers(**ADMIN))
        assert secret not in listed.text
        assert "argon2" not in listed.text

        assert (await client_token(client, "example-case-system", secret)).status_code == 200

    async def test_duplicate_client_id(
        self, client: httpx.AsyncClient, issuer: TestIssuer, agency: dict[str, Any]
    ) -> None:
        body = CLIENT | {"agency_id": agency["id"]}
        assert (await client.post("/v1/clients", json=body, headers=issuer.headers(**ADMIN))).status_code == 201
        again = await client.post("/v1/clients", json=body, headers=issuer.headers(**ADMIN))
        assert again.status_code == 409
        assert again.json()["type"].endswith("/client-id-taken")

    async def test_secret_is_not_stored_for_replay(
        self, client: httpx.AsyncClient, issuer: TestIssuer, agency: dict[str, Any]
    ) -> None:
        headers = issuer.headers(**ADMIN) | {"Idempotency-Key": "create-example-case-system"}
        body = CLIENT | {"agency_id": agency["id"]}
        assert (await client.post("/v1/clients", json=body, headers=headers)).status_code == 201
        retried = await client.post("/v1/clients", json=body, headers=headers)
        assert retried.status_code == 409
        assert retried.json()["type"].endswith("/client-id-taken")
        assert "client_secret" not in retried.text

    async def test_invalid_scope_and_role(
        self, client: httpx.AsyncClient, issuer: TestIssuer, agency: dict[str, Any]
    ) -> None:
        response = await client.post(
            "/v1/clients",
            json=CLIENT | {"agency_id": agency["id"], "scopes": ["Has Spaces"], "roles": ["wizard"]},
            headers=issuer.headers(**ADMIN),
        )
        names = field_names(response)
        assert any(n.startswith("scopes") for n in names)
        assert any(n.startswith("roles") for n in names)


class TestGetClient:
    async def test_forbidden(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        url = f"/v1/clients/{seed_id('client', 'police-crime-feed')}"
        refused = await client.get(url, headers=issuer.headers(roles=["analyst"]))
        assert refused.status_code == 403
        assert refused.json()["type"].endswith("/forbidden")

    async def test_not_found(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.get("/v1/clients/00000000-0000-0000-0000-000000000000", headers=issuer.headers(**ADMIN))
        assert response.status_code == 404
        assert response.json()["type"].endswith("/client-not-found")


class TestUpdateClient:
    async def test_preconditions_and_valid(
        self, client: httpx.AsyncClient, issuer: TestIssuer, seeded: list[DevCredential]
    ) -> None:
        url = f"/v1/clients/{seed_id('client', 'police-crime-feed')}"
        etag = (await client.get(url, headers=issuer.headers(**ADMIN))).headers["etag"]
        missing = await client.patch(url, json={"scopes": ["incidents:read"]}, headers=issuer.headers(**ADMIN))
        assert missing.status_code == 428
        changed = await client.patch(
            url,
            json={"scopes": ["incidents:read", "incidents:ingest"]},
            headers=issuer.headers(**ADMIN) | {"If-Match": etag},
        )
        assert changed.status_code == 200
        assert changed.json()["scopes"] == ["incidents:ingest", "incidents:read"]
        stale = await client.patch(url, json={"active": False}, headers=issuer.headers(**ADMIN) | {"If-Match": etag})
        assert stale.status_code == 412


class TestRotateClientSecret:
    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        assert (await client.post(f"/v1/clients/{seed_id('client', 'police-crime-feed')}/secret")).status_code == 401

    async def test_forbidden(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        url = f"/v1/clients/{seed_id('client', 'police-crime-feed')}/secret"
        refused = await client.post(url, headers=issuer.headers(roles=["analyst"]))
        assert refused.status_code == 403
        assert refused.json()["type"].endswith("/forbidden")

    async def test_not_found(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.post(
            "/v1/clients/00000000-0000-0000-0000-000000000000/secret", headers=issuer.headers(**ADMIN)
        )
        assert response.status_code == 404
        assert response.json()["type"].endswith("/client-not-found")

    async def test_valid_old_secret_stops_working(
        self, client: httpx.AsyncClient, issuer: TestIssuer, seeded: list[DevCredential]
    ) -> None:
        old = "dev-only-police-feed-secret"
        assert (await client_token(client, "police-crime-feed", old)).status_code == 200
        rotated = await client.post(
            f"/v1/clients/{seed_id('client', 'police-crime-feed')}/secret", headers=issuer.headers(**ADMIN)
        )
        assert rotated.status_code == 200
        assert rotated.headers["cache-control"] == "no-store"
        new = rotated.json()["client_secret"]
        assert new != old
        assert (await client_token(client, "police-crime-feed", old)).status_code == 401
        assert (await client_token(client, "police-crime-feed", new)).status_code == 200
