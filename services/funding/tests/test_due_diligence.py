"""Due diligence before an award (issue 14 item 14): what was checked of an organisation — register, number, status,
when, by whom, outcome — and no grant to it is approved without a current passing check."""

import uuid
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

import httpx

from vru_shared.kent_medway import LONDON

Headers = Callable[..., dict[str, str]]
KNIFE_LINE_2020 = "8cc3a269-e9dd-5f2f-86e5-a4d11f13974d"


def check(checked_on: date, outcome: str = "pass", **changes: Any) -> dict[str, Any]:
    return {
        "registry": "charity_commission",
        "register_number": "1234567",
        "register_status": "registered",
        "checked_on": checked_on.isoformat(),
        "outcome": outcome,
        "notes": "Accounts filed on time; no regulatory action.",
        **changes,
    }


async def new_organisation(client: httpx.AsyncClient, officer: dict[str, str]) -> str:
    response = await client.post(
        "/v1/organisations",
        json={"org_id": f"GB-CHC-{uuid.uuid4().int % 10**7:07d}", "name": "Riverside Youth Trust", "kind": "charity"},
        headers=officer,
    )
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


async def grant_in_review(client: httpx.AsyncClient, officer: dict[str, str], organisation: str) -> dict[str, Any]:
    grant = await client.post(
        "/v1/grants",
        json={
            "title": "Riverside mentoring",
            "description": "Weekly mentoring.",
            "recipient_organisation_id": organisation,
            "budget_line_id": KNIFE_LINE_2020,
            "amount_applied_pence": 100_000,
            "currency": "GBP",
        },
        headers=officer,
    )
    assert grant.status_code == 201, grant.text
    body = grant.json()
    for to in ("submitted", "in_review"):
        moved = await client.post(
            f"/v1/grants/{body['id']}/transitions",
            json={"to": to},
            headers={**officer, "If-Match": f'"v{body["version"]}"'},
        )
        assert moved.status_code == 200, moved.text
        body = moved.json()
    return dict(body)


async def approve(client: httpx.AsyncClient, director: dict[str, str], grant_id: str) -> httpx.Response:
    current = await client.get(f"/v1/grants/{grant_id}", headers=director)
    return await client.post(
        f"/v1/grants/{grant_id}/transitions",
        json={"to": "approved", "award_date": "2020-06-15"},
        headers={**director, "If-Match": current.headers["etag"]},
    )


class TestApprovalNeedsDueDiligence:
    async def test_no_failed_or_stale_check_refuses_approval(
        self, client: httpx.AsyncClient, officer: dict[str, str], director: dict[str, str]
    ) -> None:
        organisation = await new_organisation(client, officer)
        grant = await grant_in_review(client, officer, organisation)
        refused = await approve(client, director, grant["id"])
        assert refused.status_code == 409, refused.text
        assert refused.json()["type"].endswith("/due-diligence-not-current")
        assert refused.json()["organisation_id"] == organisation
        today = datetime.now(LONDON).date()
        checks = f"/v1/organisations/{organisation}/due-diligence-checks"
        failed = await client.post(checks, json=check(today, "fail", register_status="removed"), headers=officer)
        assert failed.status_code == 201, failed.text
        refused = await approve(client, director, grant["id"])
        assert refused.json()["type"].endswith("/due-diligence-not-current")
        stale = today - timedelta(days=400)  # passed, but more than 12 months ago
        assert (await client.post(checks, json=check(stale), headers=officer)).status_code == 201
        refused = await approve(client, director, grant["id"])
        assert refused.status_code == 409
        assert refused.json()["type"].endswith("/due-diligence-not-current")  # the latest (today's) failed
        passed = await client.post(checks, json=check(today), headers=officer)
        assert passed.status_code == 201
        approved = await approve(client, director, grant["id"])
        assert approved.status_code == 200, approved.text
        assert approved.json()["status"] == "approved"

    async def test_a_check_expires_after_the_validity_period(
        self, client: httpx.AsyncClient, officer: dict[str, str], director: dict[str, str]
    ) -> None:
        organisation = await new_organisation(client, officer)
        grant = await grant_in_review(client, officer, organisation)
        today = datetime.now(LONDON).date()
        checks = f"/v1/organisations/{organisation}/due-diligence-checks"
        old = await client.post(checks, json=check(today - timedelta(days=370)), headers=officer)
        assert old.json()["valid_until"] < today.isoformat()
        refused = await approve(client, director, grant["id"])
        assert refused.status_code == 409
        assert refused.json()["type"].endswith("/due-diligence-not-current")
        assert "expired" in refused.json()["detail"]
        recent = await client.post(checks, json=check(today - timedelta(days=300)), headers=officer)
        assert recent.json()["valid_until"] >= today.isoformat()
        assert (await approve(client, director, grant["id"])).status_code == 200


class TestDueDiligenceChecks:
    async def test_record_list_and_read(
        self, client: httpx.AsyncClient, officer: dict[str, str], as_role: Headers
    ) -> None:
        organisation = await new_organisation(client, officer)
        checks = f"/v1/organisations/{organisation}/due-diligence-checks"
        created = await client.post(checks, json=check(date(2026, 11, 30)), headers=officer)
        assert created.status_code == 201, created.text
        body = created.json()
        assert created.headers["location"] == f"{checks}/{body['id']}"
        assert body == body | {
            "organisation_id": organisation,
            "registry": "charity_commission",
            "register_number": "1234567",
            "register_status": "registered",
            "checked_on": "2026-11-30",
            "outcome": "pass",
            "checked_by": "officer-1",
            "checked_by_name": "Programme officer (example.org)",
            "valid_until": "2027-11-30",
        }
        listed = await client.get(checks, headers=as_role("auditor"))
        assert [c["id"] for c in listed.json()["items"]] == [body["id"]]
        assert (await client.get(f"{checks}/{body['id']}", headers=as_role("analyst"))).json() == body

    async def test_forbidden_invalid_and_not_found(
        self, client: httpx.AsyncClient, officer: dict[str, str], as_role: Headers
    ) -> None:
        organisation = await new_organisation(client, officer)
        checks = f"/v1/organisations/{organisation}/due-diligence-checks"
        today = datetime.now(LONDON).date()
        assert (await client.post(checks, json=check(today))).status_code == 401
        for role in ("analyst", "auditor", "csp_officer"):
            refused = await client.post(checks, json=check(today), headers=as_role(role))
            assert refused.status_code == 403, role
            assert refused.json()["type"].endswith("/forbidden")
        future = await client.post(checks, json=check(today + timedelta(days=2)), headers=officer)
        assert future.status_code == 422
        assert future.json()["type"].endswith("/due-diligence-check-in-the-future")
        for bad in ({"outcome": "maybe"}, {"registry": "guesswork"}, {"register_number": " "}):
            assert (await client.post(checks, json=check(today, **bad), headers=officer)).status_code == 422, bad
        missing = await client.post(
            f"/v1/organisations/{uuid.uuid4()}/due-diligence-checks", json=check(today), headers=officer
        )
        assert missing.status_code == 404
        assert missing.json()["type"].endswith("/organisation-not-found")
        unknown = await client.get(f"{checks}/{uuid.uuid4()}", headers=officer)
        assert unknown.status_code == 404
        assert unknown.json()["type"].endswith("/due-diligence-check-not-found")

    async def test_seeded_organisations_have_a_current_check(
        self, client: httpx.AsyncClient, officer: dict[str, str]
    ) -> None:
        orgs = (await client.get("/v1/organisations", params={"limit": 200}, headers=officer)).json()["items"]
        medway = next(o for o in orgs if o["org_id"] == "GB-LAE-MDW")
        checks = (await client.get(f"/v1/organisations/{medway['id']}/due-diligence-checks", headers=officer)).json()
        (seeded,) = checks["items"]
        assert (seeded["registry"], seeded["register_number"], seeded["outcome"]) == ("local_authority", "MDW", "pass")
