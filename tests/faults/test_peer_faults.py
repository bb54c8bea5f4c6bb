"""Faults of a peer service, on each of the four links: stopped, too slow, or answering garbage.

- Stopped or too slow: the caller answers 503 problem+json with Retry-After within its timeout (no hang), writes
  nothing half-way, and succeeds with the same request once the provider is back — a retried POST with the same
  Idempotency-Key records spend (and counts) once. The circuit breaker opens after repeated failures and closes
  after recovery, as the caller's /metrics shows.
- Garbage or an unexpected shape (an impostor on the provider's port: a misconfigured proxy, a half-deployed
  version): the caller treats it as a failure — 503 with Retry-After — logs it, and stores nothing from it.
- Identity stopped: every service keeps the token revocation list it has (a revoked token stays refused, the others
  keep working) and takes the next revocation once identity is back."""

from __future__ import annotations

import time
import uuid
from datetime import UTC, date, datetime, timedelta
from functools import partial

import httpx
import pytest

from .harness import (
    BREAKER_THRESHOLD,
    REVOCATION_POLL_SECONDS,
    TIMEOUT_SECONDS,
    Faults,
    Impostor,
    allocation_preview,
    assert_unavailable,
    counted_by_funding,
    funding_count,
    json_garbage,
    pack_at_site,
    people_referred,
    purchase_body,
    sent_project_referral,
    spend_with_reference,
    store_on_hand,
    timed,
    wait_for,
    young_person,
)

pytestmark = pytest.mark.e2e

OFFICER = "programme.officer@example.org"
COORDINATOR = "coordinator.medway-swale@example.org"
CSP = "csp.medway@example.org"
HTML = (200, "text/html", b"<html><body>Down for maintenance</body></html>")


def test_funding_stopped(faults: Faults) -> None:
    """Links 2 (etp → funding spend) and 4 (referrals → funding projects and counts)."""
    f = faults
    officer, coordinator = f.person(OFFICER), f.person(COORDINATOR)
    referral_id = sent_project_referral(f, coordinator)
    people_before, store_before = people_referred(f, officer), store_on_hand(f, officer)
    run = uuid.uuid4().hex[:8]
    body, headers = purchase_body(run), {**officer, "Idempotency-Key": f"fault-purchase-{run}"}

    def purchase() -> httpx.Response:
        return f.gateway.post("/v1/purchases", json=body, headers=headers)

    f.stop("funding")
    try:
        response, elapsed = timed(purchase)
        assert_unavailable(response, elapsed, "funding")
        assert store_on_hand(f, officer) == store_before  # no packs received without their spend
        response, elapsed = timed(
            lambda: f.gateway.get("/v1/referrals/funded-projects", params={"district": "medway"}, headers=coordinator)
        )
        assert_unavailable(response, elapsed, "funding")
        # The project accepts the young person: recorded now, counted by funding later.
        accepted = f.gateway.post(
            f"/v1/referrals/{referral_id}/transitions", json={"to": "accepted"}, headers=coordinator
        )
        assert accepted.status_code == 200, accepted.text
        assert accepted.json()["status"] == "accepted"
        count = wait_for(
            lambda: funding_count(f, coordinator, referral_id),
            lambda c: c["attempts"] >= 1,
            timeout=10,
            what="the outbox tried to reach funding",
        )
        assert count["status"] == "pending"
        assert count["last_error"]
    finally:
        f.start("funding")

    retried = purchase()
    assert retried.status_code == 201, retried.text
    assert retried.json()["funding_spend_id"] is not None
    replay = purchase()
    assert replay.status_code == 201
    assert replay.headers["idempotent-replayed"] == "true"
    assert replay.json() == retried.json()
    assert store_on_hand(f, officer) == store_before + 5
    assert len(spend_with_reference(f, officer, retried.json()["id"])) == 1

    delivered = wait_for(
        lambda: funding_count(f, coordinator, referral_id),
        lambda c: c["status"] == "delivered",
        timeout=20,
        what="the count delivered once funding is back",
    )
    assert delivered["attempts"] >= 2
    assert counted_by_funding(f, officer, referral_id) == 1
    assert people_referred(f, officer) == people_before + 1


def test_referrals_stopped(faults: Faults) -> None:
    """Links 1 (funding → referrals knife counts) and 3 (etp → referrals crime reference, verified later)."""
    f = faults
    officer, csp = f.person(OFFICER), f.person(CSP)
    known = young_person(f)["reference"]
    site, pack = pack_at_site(f, officer, csp)
    allocations_before = f.gateway.get("/v1/allocations", params={"limit": 200}, headers=officer).json()["items"]

    f.stop("referrals")
    try:
        preview = allocation_preview((date.today() - timedelta(days=1)).isoformat())  # the day of the incident
        response, elapsed = timed(lambda: f.gateway.post("/v1/allocations", json=preview, headers=officer))
        assert_unavailable(response, elapsed, "referrals")
        after = f.gateway.get("/v1/allocations", params={"limit": 200}, headers=officer).json()["items"]
        assert after == allocations_before  # no run stored without its counts
        use = {
            "pack_id": pack,
            "site_id": site,
            "used_at": datetime.now(UTC).isoformat(),
            "crime_reference": known,
            "notes": "Tourniquet applied.",
        }
        reported = f.gateway.post("/v1/use-reports", json=use, headers=csp)
        assert reported.status_code == 201, reported.text  # a pack used is recorded whatever referrals says
        assert reported.json()["crime_reference_status"] == "unverified"
    finally:
        f.start("referrals")

    report_id = reported.json()["id"]
    wait_for(
        lambda: f.gateway.get(f"/v1/use-reports/{report_id}", headers=csp).json()["crime_reference_status"],
        lambda status: status == "verified",
        timeout=20,
        what="the crime reference verified once referrals is back",
    )
    assert f.gateway.post("/v1/allocations", json=preview, headers=officer).status_code == 201


def test_funding_too_slow_opens_the_breaker_and_recovery_closes_it(faults: Faults) -> None:
    f = faults
    officer, coordinator = f.person(OFFICER), f.person(COORDINATOR)
    run = uuid.uuid4().hex[:8]
    body, headers = purchase_body(run, 3), {**officer, "Idempotency-Key": f"slow-purchase-{run}"}

    def projects() -> httpx.Response:
        return f.gateway.get("/v1/referrals/funded-projects", params={"district": "medway"}, headers=coordinator)

    def purchase() -> httpx.Response:
        return f.gateway.post("/v1/purchases", json=body, headers=headers)

    assert projects().status_code == 200
    assert f.breaker("referrals", "funding") == 0

    f.pause("funding")
    try:
        for _ in range(BREAKER_THRESHOLD):
            response, elapsed = timed(projects)
            assert_unavailable(response, elapsed, "funding")
            assert elapsed >= TIMEOUT_SECONDS  # it waited for an answer that never came
        assert f.breaker("referrals", "funding") == 2  # open
        response, elapsed = timed(projects)
        assert_unavailable(response, elapsed, "funding")
        assert elapsed < TIMEOUT_SECONDS  # open: refused at once, funding is not even asked
        assert "circuit open" in response.json()["detail"]
        # A purchase meanwhile: 503 from etp; the POST it sent waits in funding's backlog.
        response, elapsed = timed(purchase)
        assert_unavailable(response, elapsed, "funding")
    finally:
        f.resume("funding")

    wait_for(
        projects,
        lambda r: r.status_code == 200,
        timeout=15,
        what="the breaker lets a trial call through and closes",
        every=0.5,
    )
    assert f.breaker("referrals", "funding") == 0
    # Funding may have recorded the stalled POST after it woke; the retry with the same key is still one spend.
    time.sleep(0.5)
    retried = wait_for(
        purchase,
        lambda r: r.status_code == 201,
        timeout=15,
        what="the purchase once etp's own breaker closes",
        every=0.5,
    )
    assert len(spend_with_reference(f, officer, retried.json()["id"])) == 1


def test_funding_answers_garbage(faults: Faults) -> None:
    """Links 2 and 4: etp's spend, referrals' destinations and its outbox's counts."""
    f = faults
    officer, coordinator = f.person(OFFICER), f.person(COORDINATOR)
    referral_id = sent_project_referral(f, coordinator)
    store_before = store_on_hand(f, officer)
    run = uuid.uuid4().hex[:8]

    def purchase() -> httpx.Response:
        headers = {**officer, "Idempotency-Key": f"garbage-{run}"}
        return f.gateway.post("/v1/purchases", json=purchase_body(run), headers=headers)

    def destinations() -> httpx.Response:
        return f.gateway.get("/v1/referrals/funded-projects", params={"district": "medway"}, headers=coordinator)

    f.stop("funding")
    try:
        with Impostor(f.port("funding"), json_garbage({"items": "all of them", "next_cursor": 7})) as impostor:
            response, elapsed = timed(purchase)
            assert_unavailable(response, elapsed, "funding")
            assert store_on_hand(f, officer) == store_before
            response, elapsed = timed(destinations)
            assert_unavailable(response, elapsed, "funding")
            accepted = f.gateway.post(
                f"/v1/referrals/{referral_id}/transitions", json={"to": "accepted"}, headers=coordinator
            )
            assert accepted.status_code == 200, accepted.text
            count = wait_for(
                lambda: funding_count(f, coordinator, referral_id),
                lambda c: c["attempts"] >= 1,
                timeout=10,
                what="the outbox tried the impostor",
            )
            assert (count["status"], count["grant_id"], count["period"]) == ("pending", None, None)
            # The garbage is a failure either way: read as "unexpected body", or, once repeated failures have
            # opened the breaker towards funding, as "circuit open". Nothing is stored in both cases.
            assert "unexpected body" in count["last_error"] or "circuit open" in count["last_error"]
            impostor.answer = HTML
            response, elapsed = timed(destinations)
            assert_unavailable(response, elapsed, "funding")
            assert {path.split("?")[0] for _, path in impostor.requests} >= {
                "/v1/budget-lines/" + purchase_body(run)["budget_line_id"] + "/spend",
                "/v1/projects/referral-destinations",
                f"/v1/projects/{accepted.json()['destination']['project_id']}/referrals",
            }
    finally:
        f.start("funding")

    for service in ("etp_inventory", "referrals"):
        assert '"unexpected response shape"' in f.log(service), service
    # Nothing of the garbage was kept: the same requests now succeed with funding's real answers.
    assert purchase().status_code == 201
    assert store_on_hand(f, officer) == store_before + 5
    wait_for(
        lambda: funding_count(f, coordinator, referral_id),
        lambda c: c["status"] == "delivered",
        timeout=20,
        what="the count delivered by the real funding service",
    )
    assert counted_by_funding(f, officer, referral_id) == 1


def test_referrals_answers_garbage(faults: Faults) -> None:
    """Links 1 and 3: funding's knife counts and etp's crime-reference check."""
    f = faults
    officer, csp = f.person(OFFICER), f.person(CSP)
    known = young_person(f)["reference"]
    site, pack = pack_at_site(f, officer, csp)
    day = (date.today() - timedelta(days=1)).isoformat()
    allocations_before = f.gateway.get("/v1/allocations", params={"limit": 200}, headers=officer).json()["items"]

    def preview() -> httpx.Response:
        return f.gateway.post("/v1/allocations", json=allocation_preview(day), headers=officer)

    # The right shape, the wrong figures: counts for another period, a district that does not exist.
    plausible = {
        "from": "2001-01-01",
        "to": "2001-01-31",
        "group_by": ["district"],
        "knife": True,
        "total": 5,
        "groups": [{"district": "atlantis", "count": 5}],
    }
    f.stop("referrals")
    try:
        with Impostor(f.port("referrals"), json_garbage({"count": "lots"})) as impostor:
            for answer in (json_garbage({"count": "lots"}), HTML, json_garbage(plausible)):
                impostor.answer = answer
                response, elapsed = timed(preview)
                assert_unavailable(response, elapsed, "referrals")
            after = f.gateway.get("/v1/allocations", params={"limit": 200}, headers=officer).json()["items"]
            assert after == allocations_before
            impostor.answer = json_garbage({"crime_reference": known, "known": "probably"})
            use = {
                "pack_id": pack,
                "site_id": site,
                "used_at": datetime.now(UTC).isoformat(),
                "crime_reference": known,
            }
            reported = f.gateway.post("/v1/use-reports", json=use, headers=csp)
            assert reported.status_code == 201, reported.text
            assert reported.json()["crime_reference_status"] == "unverified"  # not "verified" on its say-so
            assert any(path.startswith("/v1/incidents/reference-check") for _, path in impostor.requests)
    finally:
        f.start("referrals")

    for service in ("funding", "etp_inventory"):
        assert '"unexpected response shape"' in f.log(service), service
    # Funding's breaker for referrals opened on the third bad answer; once it lets a trial through, it works.
    wait_for(preview, lambda r: r.status_code == 201, timeout=15, what="the allocation preview", every=0.5)
    report_id = reported.json()["id"]
    wait_for(
        lambda: f.gateway.get(f"/v1/use-reports/{report_id}", headers=csp).json()["crime_reference_status"],
        lambda status: status == "verified",
        timeout=20,
        what="verified by the real referrals service",
    )


def test_revocations_survive_identity_being_down(faults: Faults) -> None:
    f = faults
    admin, analyst = f.person("admin@example.org"), f.person("analyst@example.org")
    agencies = f.gateway.get("/v1/agencies", params={"limit": 200}, headers=admin).json()["items"]
    vru = next(a["id"] for a in agencies if a["code"] == "vru")
    email, password = f"revoked-{uuid.uuid4().hex[:8]}@example.org", "a long enough passphrase here"
    person = f.gateway.post(
        "/v1/people",
        json={"email": email, "display_name": "Revoked", "agency_id": vru, "roles": ["analyst"], "password": password},
        headers=admin,
    )
    assert person.status_code == 201, person.text
    url = f"/v1/people/{person.json()['id']}"

    def login() -> dict[str, str]:
        data = {"grant_type": "password", "username": email, "password": password}
        return f._token(f.gateway.post("/oauth/token", data=data))

    def change(body: dict[str, object]) -> None:
        etag = f.gateway.get(url, headers=admin).headers["etag"]
        assert f.gateway.patch(url, json=body, headers=admin | {"If-Match": etag}).status_code == 200

    def refused(headers: dict[str, str], path: str) -> bool:
        response = f.gateway.get(path, headers=headers)
        return response.status_code == 401 and response.json()["type"].endswith("/token-revoked")

    reads = ("/v1/districts", "/v1/financial-years", "/v1/component-types")  # referrals, funding, etp_inventory
    token = login()
    for path in reads:
        assert f.gateway.get(path, headers=token).status_code == 200
        assert f.gateway.get(path, headers=analyst).status_code == 200  # each service now holds identity's keys
    change({"active": False})
    for path in reads:
        wait_for(partial(refused, token, path), bool, timeout=10, what=f"{path} refuses the revoked token")

    f.stop("identity")
    try:
        time.sleep(REVOCATION_POLL_SECONDS * 6)  # several failed rounds
        for path in reads:
            assert refused(token, path), f"{path} forgot the revocation while identity is down"
            assert f.gateway.get(path, headers=analyst).status_code == 200, f"{path} fails everyone else"
        for service in ("referrals", "funding", "etp_inventory"):
            assert "token revocation list refresh failed" in f.log(service), service
    finally:
        f.start("identity")

    change({"active": True})
    fresh = login()
    change({"roles": ["guardian"]})  # the next revocation reaches the services once identity is back
    for path in reads:
        wait_for(partial(refused, fresh, path), bool, timeout=10, what=f"{path} takes the list again")
