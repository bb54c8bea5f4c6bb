"""End to end: a formula allocation of £100,000.00 across the 13 districts by knife incidents, counted by
the running referrals service (fed by the police crime feed) and fetched by the funding service over HTTP
with its own client-credentials token — all through the real gateway."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest

from .conftest import auth, client_token, password_token

pytestmark = pytest.mark.e2e

#: A day no other end-to-end test uses.
DAY = "2019-02-13"
KNIFE_LINE_2020 = "8cc3a269-e9dd-5f2f-86e5-a4d11f13974d"  # seeded: Knife Awareness Campaign 2020/21, £150,000.00
COUNTS = {
    "ashford": 3, "canterbury": 3, "dartford": 1, "dover": 2, "folkestone-hythe": 1, "gravesham": 2, "maidstone": 4,
    "medway": 7, "sevenoaks": 1, "swale": 5, "thanet": 6, "tonbridge-malling": 1, "tunbridge-wells": 2,
}  # fmt: skip
#: By hand: 10,000,000 / 38 = 263,157.894… pence per incident; rounding down leaves 9 pence, which go to the
#: largest remainders — the four 1-incident districts (.894…), the three 2s (.789…) and the two 3s (.684…).
EXPECTED = {
    "ashford": 789_474, "canterbury": 789_474, "dartford": 263_158, "dover": 526_316, "folkestone-hythe": 263_158,
    "gravesham": 526_316, "maidstone": 1_052_631, "medway": 1_842_105, "sevenoaks": 263_158, "swale": 1_315_789,
    "thanet": 1_578_947, "tonbridge-malling": 263_158, "tunbridge-wells": 526_316,
}  # fmt: skip


def reports() -> list[dict[str, Any]]:
    run = uuid.uuid4().hex[:8]
    out = []
    for district, count in COUNTS.items():
        for n in range(count):
            out.append(
                {
                    "crime_reference": f"E2E-FUND-{run}/{district}/{n}",
                    "occurred_at": f"{DAY}T12:00:00Z",
                    "district": district,
                    "category": "knife-sharp-instrument",
                    "weapon_knife": True,
                    "people": [{"role": "victim", "given_name": "Casey", "family_name": "Testperson", "age": 30}],
                }
            )
    return out


def test_knife_allocation_preview_commit_reread(gateway: httpx.Client) -> None:
    feed = client_token(gateway, "police-crime-feed", "dev-only-police-feed-secret")
    imported = gateway.post("/v1/imports/incidents", json={"reports": reports()}, headers=auth(feed))
    assert imported.status_code == 200, imported.text
    assert imported.json()["created"] == 38

    officer = auth(password_token(gateway, "programme.officer@example.org"))
    body = {
        "title": "Knife Awareness Campaign (end-to-end)",
        "budget_line_id": KNIFE_LINE_2020,
        "pot_pence": 10_000_000,
        "currency": "GBP",
        "basis": "knife_incidents",
        "period_from": DAY,
        "period_to": DAY,
    }
    preview = gateway.post("/v1/allocations", json=body, headers=officer)
    assert preview.status_code == 201, preview.text
    run = preview.json()
    amounts = {r["district"]: r["amount_pence"] for r in run["recipients"]}
    assert sum(amounts.values()) == 10_000_000
    assert amounts == EXPECTED
    assert {r["district"]: r["basis_value"] for r in run["recipients"]} == COUNTS
    assert run["inputs"]["source"]["response"]["total"] == 38

    committed = gateway.post(f"/v1/allocations/{run['id']}/commit", headers=officer)
    assert committed.status_code == 200, committed.text
    assert committed.json()["status"] == "committed"

    reread = gateway.get(f"/v1/allocations/{run['id']}", headers=officer).json()
    assert {r["district"]: r["amount_pence"] for r in reread["recipients"]} == EXPECTED
    assert reread["reproducible"] is True
    grants = gateway.get(f"/v1/grants?allocation_id={run['id']}", headers=officer).json()["items"]
    assert {g["districts"][0]: g["amount_recommended_pence"] for g in grants} == EXPECTED
