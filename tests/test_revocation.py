"""Token revocation across the platform (issue 13, "Trust"): an administrator deactivates a person or an API client,
rotates a client's secret or changes a person's roles, and the tokens issued before stop working at every service
within the revocation poll interval — 401 ``token-revoked`` — while a new token (after reactivation, with the new
secret, with the new roles) works at once. The real services behind the real gateway (``tests/conftest.py``; the
session's platform polls the list every ``REVOCATION_POLL_SECONDS``)."""

from __future__ import annotations

import time
import uuid
from typing import Any

import httpx
import pytest

from vru_cli.deploy import CLIENT_IDS, SERVICES, service_secret

from .conftest import REVOCATION_POLL_SECONDS, auth, client_token, password_token

pytestmark = pytest.mark.e2e

PROBLEM = "application/problem+json"
#: A read each service grants an analyst (and a director) — notifications' lists are partner agencies' and
#: administrators': there the token is taken (200 for an administrator, 403 for another role; never 401) until
#: it is revoked.
READS = {
    "identity": "/v1/agencies",
    "referrals": "/v1/districts",
    "funding": "/v1/financial-years",
    "etp_inventory": "/v1/component-types",
    "notifications": "/v1/webhook-subscriptions",
}
TAKEN: dict[str, tuple[int, ...]] = {"notifications": (200, 403)}
#: A revocation reaches every service within one poll (plus the fetch); slack for a loaded machine.
WITHIN_SECONDS = REVOCATION_POLL_SECONDS + 10
PASSWORD = "a long enough passphrase for tests"


@pytest.fixture(scope="module")
def admin(gateway: httpx.Client) -> dict[str, str]:
    return auth(password_token(gateway, "admin@example.org"))


@pytest.fixture(scope="module")
def vru_agency(gateway: httpx.Client, admin: dict[str, str]) -> str:
    agencies = gateway.get("/v1/agencies", params={"limit": 200}, headers=admin).json()["items"]
    return str(next(a["id"] for a in agencies if a["code"] == "vru"))


def login(gateway: httpx.Client, email: str) -> dict[str, str]:
    response = gateway.post("/oauth/token", data={"grant_type": "password", "username": email, "password": PASSWORD})
    assert response.status_code == 200, response.text
    return auth(str(response.json()["access_token"]))


def new_person(gateway: httpx.Client, admin: dict[str, str], agency: str, roles: list[str]) -> tuple[str, str]:
    email = f"revocation-{uuid.uuid4().hex[:10]}@example.org"
    body = {"email": email, "display_name": "Revocation test", "agency_id": agency, "roles": roles}
    created = gateway.post("/v1/people", json=body | {"password": PASSWORD}, headers=admin)
    assert created.status_code == 201, created.text
    return str(created.json()["id"]), email


def new_client(gateway: httpx.Client, admin: dict[str, str], agency: str) -> tuple[str, str, str]:
    client_id = f"revocation-{uuid.uuid4().hex[:10]}"
    body = {"client_id": client_id, "name": "Revocation test system", "agency_id": agency, "roles": ["analyst"]}
    created = gateway.post("/v1/clients", json=body, headers=admin)
    assert created.status_code == 201, created.text
    return str(created.json()["id"]), client_id, str(created.json()["client_secret"])


def change(gateway: httpx.Client, admin: dict[str, str], url: str, body: dict[str, Any]) -> None:
    etag = gateway.get(url, headers=admin).headers["etag"]
    response = gateway.patch(url, json=body, headers=admin | {"If-Match": etag})
    assert response.status_code == 200, response.text


def assert_works_everywhere(gateway: httpx.Client, headers: dict[str, str]) -> None:
    for service in SERVICES:
        response = gateway.get(READS[service], headers=headers)
        assert response.status_code in TAKEN.get(service, (200,)), f"{service}: {response.text}"


def assert_revoked_everywhere(gateway: httpx.Client, headers: dict[str, str]) -> None:
    """Every service refuses the token with 401 token-revoked within the poll interval (and keeps refusing it)."""
    deadline = time.monotonic() + WITHIN_SECONDS
    for service in SERVICES:
        while True:
            response = gateway.get(READS[service], headers=headers)
            if response.status_code == 401 or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        assert response.status_code == 401, f"{service} still takes the token after {WITHIN_SECONDS} s"
        assert response.headers["content-type"] == PROBLEM
        assert response.json()["type"].endswith("/token-revoked"), f"{service}: {response.text}"
        assert response.headers["www-authenticate"].startswith("Bearer")


def test_a_deactivated_persons_token_is_refused_everywhere_and_a_new_login_works(
    gateway: httpx.Client, admin: dict[str, str], vru_agency: str
) -> None:
    person_id, email = new_person(gateway, admin, vru_agency, ["analyst"])
    token = login(gateway, email)
    assert_works_everywhere(gateway, token)

    change(gateway, admin, f"/v1/people/{person_id}", {"active": False})
    assert_revoked_everywhere(gateway, token)
    refused = gateway.post("/oauth/token", data={"grant_type": "password", "username": email, "password": PASSWORD})
    assert refused.status_code == 400
    assert refused.json()["error"] == "invalid_grant"

    change(gateway, admin, f"/v1/people/{person_id}", {"active": True})
    assert_works_everywhere(gateway, login(gateway, email))  # at once: a new token is dated after the revocation
    assert_revoked_everywhere(gateway, token)  # the old one stays refused
    assert_works_everywhere(gateway, admin)  # nobody else is affected


def test_a_role_change_ends_the_tokens_with_the_old_roles(
    gateway: httpx.Client, admin: dict[str, str], vru_agency: str
) -> None:
    person_id, email = new_person(gateway, admin, vru_agency, ["analyst"])
    token = login(gateway, email)
    assert_works_everywhere(gateway, token)

    change(gateway, admin, f"/v1/people/{person_id}", {"roles": ["guardian"]})
    assert_revoked_everywhere(gateway, token)
    fresh = login(gateway, email)
    assert gateway.get("/v1/agencies", headers=fresh).status_code == 200
    refused = gateway.get("/v1/districts", headers=fresh)  # referrals' reference data is not a guardian's
    assert refused.status_code == 403
    assert refused.json()["type"].endswith("/forbidden")


def test_a_deactivated_clients_token_is_refused_everywhere(
    gateway: httpx.Client, admin: dict[str, str], vru_agency: str
) -> None:
    uuid_, client_id, secret = new_client(gateway, admin, vru_agency)
    token = auth(client_token(gateway, client_id, secret))
    assert_works_everywhere(gateway, token)

    change(gateway, admin, f"/v1/clients/{uuid_}", {"active": False})
    assert_revoked_everywhere(gateway, token)
    refused = gateway.post("/oauth/token", data={"grant_type": "client_credentials"}, auth=(client_id, secret))
    assert refused.status_code == 401

    change(gateway, admin, f"/v1/clients/{uuid_}", {"active": True})
    assert_works_everywhere(gateway, auth(client_token(gateway, client_id, secret)))


def test_a_secret_rotation_ends_the_tokens_of_the_old_secret(
    gateway: httpx.Client, admin: dict[str, str], vru_agency: str
) -> None:
    uuid_, client_id, secret = new_client(gateway, admin, vru_agency)
    token = auth(client_token(gateway, client_id, secret))
    assert_works_everywhere(gateway, token)

    rotated = gateway.post(f"/v1/clients/{uuid_}/secret", headers=admin)
    assert rotated.status_code == 200, rotated.text
    assert_revoked_everywhere(gateway, token)
    assert_works_everywhere(gateway, auth(client_token(gateway, client_id, rotated.json()["client_secret"])))


def test_the_list_through_the_gateway_is_for_the_platforms_services(
    gateway: httpx.Client, admin: dict[str, str], vru_agency: str
) -> None:
    """What the services poll (from identity directly): the revoked subject, with an ETag for a 304."""
    service = auth(client_token(gateway, CLIENT_IDS["referrals"], service_secret("referrals")))
    person_id, _ = new_person(gateway, admin, vru_agency, ["analyst"])
    change(gateway, admin, f"/v1/people/{person_id}", {"active": False})
    listed = gateway.get("/v1/revocations", headers=service)
    assert listed.status_code == 200, listed.text
    assert person_id in {r["subject"] for r in listed.json()["revocations"]}
    again = gateway.get("/v1/revocations", headers=service | {"If-None-Match": listed.headers["etag"]})
    assert again.status_code == 304
    refused = gateway.get("/v1/revocations", headers=admin)
    assert refused.status_code == 403
    assert refused.json()["type"].endswith("/forbidden")
