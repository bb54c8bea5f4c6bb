"""Faults of the processes under a running platform.

- PostgreSQL restarts: every service reports not-ready during the outage (and a write then is refused, not hung),
  all recover by themselves afterwards, and no accepted write is lost — every 2xx before the restart is still there.
- A service process is killed mid-request (SIGKILL, no shutdown): the client gets an error it can retry safely,
  and the retry with the same Idempotency-Key has exactly one effect — one purchase, one spend on the budget line."""

from __future__ import annotations

import threading
import time
import uuid
from functools import partial

import httpx
import pytest

from vru_cli.deploy import SERVICES

from .harness import (
    PROBLEM,
    Faults,
    purchase_body,
    spend_with_reference,
    start_database,
    stop_database,
    store_on_hand,
    timed,
    wait_for,
    young_person,
)

pytestmark = pytest.mark.e2e


def test_postgres_restart(faults: Faults) -> None:
    f = faults
    admin, officer, csp = (
        f.person("admin@example.org"),
        f.person("programme.officer@example.org"),
        f.person("csp.medway@example.org"),
    )
    run = uuid.uuid4().hex[:8]

    # Accepted writes in each service, each answered 2xx.
    agency = f.gateway.post(
        "/v1/agencies", json={"code": f"kept-{run}", "name": f"Kept Agency {run}", "kind": "charity"}, headers=admin
    )
    assert agency.status_code == 201, agency.text
    incident = young_person(f)
    lead = f.gateway.get("/v1/organisations", params={"limit": 1}, headers=officer).json()["items"][0]["id"]
    project = f.gateway.post(
        "/v1/projects",
        json={
            "code": f"kept-{run}",
            "name": f"Kept project {run}",
            "lead_organisation_id": lead,
            "area": "north-kent",
            "districts": ["medway"],
            "stream": "knife-awareness",
            "financial_year": "2020-21",
        },
        headers=officer,
    )
    assert project.status_code == 201, project.text

    def new_site(name: str) -> httpx.Response:
        body = {
            "district": "medway",
            "name": name,
            "address": "Railway Street, Chatham",
            "postcode": "ME4 4RR",
            "latitude": 51.38,
            "longitude": 0.52,
            "cabinet_type": "indoors",
            "is_public": False,
        }
        return f.gateway.post("/v1/sites", json=body, headers=csp)

    site = new_site(f"Kept site {run}")
    assert site.status_code == 201, site.text

    stop_database(f)
    try:
        for service in SERVICES:
            wait_for(partial(f.ready, service), lambda status: status == 503, timeout=15, what=f"{service} not ready")
        readyz = httpx.get(f.url("referrals") + "/readyz", timeout=5)
        assert readyz.headers["content-type"] == PROBLEM
        assert "retry-after" in readyz.headers
        refused, elapsed = timed(partial(new_site, f"Lost site {run}"))
        # Refused, not accepted: 503 with Retry-After (shared/problems.py: database_unavailable), never a 500.
        assert refused.status_code >= 500, refused.text
        assert elapsed < 20  # …and not hung
        assert refused.headers["content-type"] == PROBLEM
        assert refused.status_code == 503, refused.text
        assert refused.json()["type"] == "https://vru.example.org/problems/service-unavailable"
        assert int(refused.headers["retry-after"]) >= 1
    finally:
        start_database(f)

    for service in SERVICES:
        wait_for(partial(f.ready, service), lambda status: status == 200, timeout=30, what=f"{service} recovered")

    reads: dict[str, tuple[str, dict[str, str]]] = {
        "identity": (f"/v1/agencies/{agency.json()['id']}", admin),
        "referrals": (f"/v1/incidents?crime_reference={incident['reference']}", f.person("analyst@example.org")),
        "funding": (f"/v1/projects/{project.json()['id']}", officer),
        "etp_inventory": (f"/v1/sites/{site.json()['id']}", csp),
    }
    for service, (path, headers) in reads.items():
        read = partial(f.gateway.get, path, headers=headers)
        response = wait_for(read, lambda r: r.status_code != 503, timeout=15, what=path)
        assert response.status_code == 200, (service, response.text)
        if service == "referrals":
            assert [i["crime_reference"] for i in response.json()["items"]] == [incident["reference"]]
    sites = f.gateway.get("/v1/sites", params={"district": "medway", "limit": 200}, headers=csp).json()["items"]
    names = {s["name"] for s in sites}
    assert f"Kept site {run}" in names
    assert f"Lost site {run}" not in names  # the refused write did not half-happen
    assert new_site(f"After restart {run}").status_code == 201


def test_etp_killed_while_it_waits_for_funding(faults: Faults) -> None:
    f = faults
    officer = f.person("programme.officer@example.org")
    run = uuid.uuid4().hex[:8]
    body, headers = purchase_body(run, 4), {**officer, "Idempotency-Key": f"killed-{run}"}
    store_before = store_on_hand(f, officer)
    first: list[httpx.Response | httpx.HTTPError] = []

    def send() -> None:
        try:
            first.append(httpx.post(f.platform.config.gateway_url + "/v1/purchases", json=body, headers=headers))
        except httpx.HTTPError as exc:
            first.append(exc)

    f.pause("funding")  # the purchase is slow: etp holds its transaction open while it waits for funding
    try:
        sender = threading.Thread(target=send)
        sender.start()
        time.sleep(0.6)
        assert sender.is_alive()  # still waiting
        f.kill("etp_inventory")
        sender.join(30)
    finally:
        f.resume("funding")  # funding now takes the spend the dead process had sent
    (outcome,) = first
    if isinstance(outcome, httpx.Response):  # the gateway's answer for a backend that went away
        assert outcome.status_code in (502, 503, 504), outcome.text
        assert outcome.headers["content-type"] == "application/problem+json"

    f.start("etp_inventory")
    retried = wait_for(
        lambda: httpx.post(f.platform.config.gateway_url + "/v1/purchases", json=body, headers=headers),
        lambda r: r.status_code != 409,  # 409 only while a request with the key is still running
        timeout=15,
        what="the retry",
    )
    assert retried.status_code == 201, retried.text
    replay = f.gateway.post("/v1/purchases", json=body, headers=headers)
    assert replay.headers["idempotent-replayed"] == "true"
    assert replay.json() == retried.json()
    assert store_on_hand(f, officer) == store_before + 4
    spends = spend_with_reference(f, officer, retried.json()["id"])
    assert len(spends) == 1
    assert spends[0]["id"] == retried.json()["funding_spend_id"]
    assert spends[0]["amount_pence"] == 4
