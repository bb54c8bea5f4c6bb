"""End to end, e-mail notices through the real platform (gateway, referrals, notifications, identity, PostgreSQL) to
the GOV.UK Notify stand-in that ``vru up`` starts: a partner agency accepts a referral, and the coordinator who made
it is e-mailed — through the real ``notifications-python-client`` — a link to it, with nothing about the young person
(whose distinctive name and date of birth appear in no message)."""

from __future__ import annotations

import time
import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx
import pytest

from vru_dev.platform import Platform

from .conftest import auth, client_token, password_token

pytestmark = pytest.mark.e2e

CSWS = "childrens-social-work-services"
COORDINATOR = "coordinator.medway-swale@example.org"


def ok(response: httpx.Response, status: int = 200) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()
    return body


def recorded(platform: Platform) -> list[dict[str, Any]]:
    """What the stand-in would have sent (its page as JSON)."""
    response = httpx.get(platform.config.notify_standin_url + "/", params={"format": "json"}, timeout=5.0)
    assert response.status_code == 200, response.text
    notifications: list[dict[str, Any]] = response.json()["notifications"]
    return notifications


def test_a_referral_accepted_is_e_mailed_to_its_author_without_the_young_persons_details(
    platform: Platform, gateway: httpx.Client
) -> None:
    coordinator = password_token(gateway, COORDINATOR)
    partner = password_token(gateway, "partner@example.org")  # Children's Social Work Services
    unique = uuid.uuid4().hex[:8]
    given, family = "Zebedee", f"Quillfeather{unique}"
    born = date(datetime.now(UTC).year - 15, 3, 17)
    reference = f"46/NT-{unique}/26"
    feed = client_token(gateway, "police-crime-feed", "dev-only-police-feed-secret")
    report = {
        "crime_reference": reference,
        "occurred_at": (datetime.now(UTC) - timedelta(days=1)).isoformat(),
        "district": "swale",
        "category": "drug-supply-linked",
        "people": [{"role": "victim", "given_name": given, "family_name": family, "date_of_birth": born.isoformat()}],
    }
    assert ok(gateway.post("/v1/imports/incidents", json={"reports": [report]}, headers=auth(feed)))["created"] == 1
    (incident,) = ok(gateway.get("/v1/incidents", params={"crime_reference": reference}, headers=auth(coordinator)))[
        "items"
    ]
    detail = ok(gateway.get(f"/v1/incidents/{incident['id']}", headers=auth(coordinator)))
    referral = ok(
        gateway.post(
            "/v1/referrals",
            json={
                "subject_id": detail["people"][0]["subject_id"],
                "review_id": incident["review_id"],
                "partner_agency": CSWS,
                "reason": f"Exploited into drug running ({given} {family}).",
                "lawful_basis": "public_task",
                "consent": "given",
            },
            headers=auth(coordinator),
        ),
        201,
    )
    moves = f"/v1/referrals/{referral['id']}/transitions"
    ok(gateway.post(moves, json={"to": "sent"}, headers=auth(coordinator)))
    ok(gateway.post(moves, json={"to": "accepted"}, headers=auth(partner)))

    link = f"{platform.config.gateway_url}/referrals/{referral['id']}"
    deadline = time.monotonic() + 30
    mine: list[dict[str, Any]] = []
    while time.monotonic() < deadline and not mine:
        mine = [n for n in recorded(platform) if link in (n["body"] or "")]
        time.sleep(0.2)
    assert [(n["type"], n["email_address"]) for n in mine] == [("email", COORDINATOR)]
    [notice] = mine
    assert notice["personalisation"]["district"] == "Swale"
    assert notice["subject"].startswith("Referral accepted")
    # No message the platform sent holds the young person's name, date of birth or the referral's reason.
    text = str(recorded(platform))
    for private in (given, family, born.isoformat(), born.strftime("%d/%m/%Y"), "Exploited into drug running"):
        assert private not in text
