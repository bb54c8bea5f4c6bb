"""End to end through the real gateway, link 4 (issue 7): a coordinator refers a young person to "Box It Out", picked
from the active funded projects serving the district (fetched by referrals from funding with the coordinator's
token); when the referral is accepted, the referrals service's outbox tells funding, which counts one more person
receiving a service into the project's grant — once.

Links 1–3 run end to end in ``test_e2e_funding.py`` (knife counts for a formula allocation) and ``test_e2e_etp.py``
(a pack purchase charged to a budget line; a use report's crime reference checked against referrals)."""

from __future__ import annotations

import time
import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx
import pytest

from .conftest import auth, client_token, password_token

pytestmark = pytest.mark.e2e

BOX_IT_OUT = "30ef20cc-301d-578e-b731-92f71ec7cd3a"
BOX_IT_OUT_GRANT = "366617f3-b790-5e55-ab7f-f8e89c49d99d"  # its 2026/27 grant: the one funding it today
SANCTUARY_ACE = "16da38eb-1474-50b5-9edf-9a7d77fc3c71"  # North Kent; its only grant ended in March 2021
KNIFE_CAMPAIGN = "d9f10d73-cadd-5a83-9266-73ddd930cc0d"  # active, but no grant funds it


def ok(response: httpx.Response, status: int = 200) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()
    return body


def young_person_in_medway(gateway: httpx.Client) -> tuple[str, str]:
    """The police feed reports a knife incident with a 16-year-old in Medway; returns (review id, subject id)."""
    unique = uuid.uuid4().hex[:10]
    reference = f"46/LINK4-{unique}/26"
    born = date(datetime.now(UTC).year - 16, 2, 1)
    report = {
        "crime_reference": reference,
        "occurred_at": (datetime.now(UTC) - timedelta(days=1)).isoformat(),
        "district": "medway",
        "category": "knife-sharp-instrument",
        "weapon_knife": True,
        "people": [
            {
                "role": "victim",
                "given_name": "Sam",
                "family_name": f"Example{unique}",
                "date_of_birth": born.isoformat(),
                "home_district": "medway",
            }
        ],
    }
    feed = client_token(gateway, "police-crime-feed", "dev-only-police-feed-secret")
    assert ok(gateway.post("/v1/imports/incidents", json={"reports": [report]}, headers=auth(feed)))["created"] == 1
    analyst = password_token(gateway, "analyst@example.org")
    (incident,) = ok(gateway.get("/v1/incidents", params={"crime_reference": reference}, headers=auth(analyst)))[
        "items"
    ]
    detail = ok(gateway.get(f"/v1/incidents/{incident['id']}", headers=auth(analyst)))
    return str(incident["review_id"]), str(detail["people"][0]["subject_id"])


def people_referred(gateway: httpx.Client, officer: str) -> int:
    return int(ok(gateway.get(f"/v1/grants/{BOX_IT_OUT_GRANT}", headers=auth(officer)))["people_referred"])


def test_refer_to_a_funded_project_and_count_the_acceptance(gateway: httpx.Client) -> None:
    review_id, subject_id = young_person_in_medway(gateway)
    coordinator = password_token(gateway, "coordinator.medway-swale@example.org")
    officer = password_token(gateway, "programme.officer@example.org")

    # The coordinator picks from the active funded projects serving Medway (fetched from funding).
    offered = ok(gateway.get("/v1/referrals/funded-projects", params={"district": "medway"}, headers=auth(coordinator)))
    names = {p["project_id"]: p["name"] for p in offered["items"]}
    assert names[BOX_IT_OUT] == "Box It Out"
    assert "StreetSoccer" in names.values()  # countywide
    assert KNIFE_CAMPAIGN not in names
    assert all("medway" in p["districts"] for p in offered["items"])

    body = {
        "subject_id": subject_id,
        "review_id": review_id,
        "project": BOX_IT_OUT,
        "reason": "Wants to train; boxing and mentoring twice a week.",
        "lawful_basis": "public_task",
        "consent": "given",
    }
    referral = ok(gateway.post("/v1/referrals", json=body, headers=auth(coordinator)), 201)
    assert referral["destination"] == {
        "kind": "project",
        "code": "box-it-out",
        "name": "Box It Out",
        "project_id": BOX_IT_OUT,
    }
    not_funded = gateway.post("/v1/referrals", json={**body, "project": KNIFE_CAMPAIGN}, headers=auth(coordinator))
    assert not_funded.status_code == 422
    assert not_funded.json()["type"].endswith("/not-a-funded-project")
    # Issue 14 item 12: a project whose grant's period is over is neither offered nor accepted as a destination.
    assert SANCTUARY_ACE not in names
    ended = gateway.post("/v1/referrals", json={**body, "project": SANCTUARY_ACE}, headers=auth(coordinator))
    assert ended.status_code == 422, ended.text
    assert ended.json()["type"].endswith("/not-a-funded-project")

    # Sent, then accepted for the project: funding counts it (from the outbox, within a few seconds), once.
    before = people_referred(gateway, officer)
    for to in ("sent", "accepted"):
        moved = gateway.post(f"/v1/referrals/{referral['id']}/transitions", json={"to": to}, headers=auth(coordinator))
        assert moved.status_code == 200, moved.text
    assert moved.json()["funding_count"]["status"] == "pending"
    deadline = time.monotonic() + 30
    while True:
        count = ok(gateway.get(f"/v1/referrals/{referral['id']}", headers=auth(coordinator)))["funding_count"]
        if count["status"] != "pending" or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    assert count["status"] == "delivered", count
    assert count["grant_id"] == BOX_IT_OUT_GRANT
    assert people_referred(gateway, officer) == before + 1
    counted = ok(gateway.get(f"/v1/projects/{BOX_IT_OUT}/referrals/{referral['id']}", headers=auth(officer)))
    assert (counted["grant_id"], counted["period"]) == (BOX_IT_OUT_GRANT, count["period"])

    # Funding's count endpoint is the referrals service's alone.
    refused = gateway.post(
        f"/v1/projects/{BOX_IT_OUT}/referrals",
        json={"referral_id": str(uuid.uuid4()), "accepted_at": datetime.now(UTC).isoformat()},
        headers=auth(officer),
    )
    assert refused.status_code == 403
    assert refused.json()["type"].endswith("/forbidden")
