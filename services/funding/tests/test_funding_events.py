"""Events for webhooks (``vru_shared.events``): a grant approved, a disbursement paid and an allocation committed
are each written to funding's outbox once, in the transaction of the change (a refused change writes none), thin
(ids, codes, dates, a link; never a title, description or reason), to the unit's staff subscriptions only."""

import json
from typing import Any

import httpx
from fastapi import FastAPI
from sqlalchemy import select

from funding.db import event_outbox

KNIFE_LINE_2020 = "8cc3a269-e9dd-5f2f-86e5-a4d11f13974d"
MEDWAY_COUNCIL = "09584578-2b27-5431-b8e5-0cf718a55d7a"
STAFF_ONLY = {"agencies": [], "staff": True, "people": []}


async def events(app: FastAPI, event_type: str, record_id: str) -> list[dict[str, Any]]:
    async with app.state.sessionmaker() as session:
        rows = await session.execute(select(event_outbox).where(event_outbox.c.type == event_type))
        return [dict(r._mapping) for r in rows.all() if r.data["id"] == record_id]


async def step(
    client: httpx.AsyncClient, grant: dict[str, Any], headers: dict[str, str], **body: Any
) -> httpx.Response:
    return await client.post(
        f"/v1/grants/{grant['id']}/transitions", json=body, headers={**headers, "If-Match": f'"v{grant["version"]}"'}
    )


async def in_review(client: httpx.AsyncClient, officer: dict[str, str]) -> dict[str, Any]:
    body = {
        "title": "Medway knife-awareness workshops",
        "description": "Workshops in secondary schools and youth clubs.",
        "recipient_organisation_id": MEDWAY_COUNCIL,
        "budget_line_id": KNIFE_LINE_2020,
        "amount_applied_pence": 1_000_000,
        "currency": "GBP",
        "planned_start_on": "2020-07-01",
        "planned_end_on": "2021-03-31",
        "districts": ["medway"],
    }
    created = await client.post("/v1/grants", json=body, headers=officer)
    assert created.status_code == 201, created.text
    grant = (await step(client, created.json(), officer, to="submitted")).json()
    return dict((await step(client, grant, officer, to="in_review")).json())


async def test_a_grant_approved_is_one_event_for_the_units_staff(
    client: httpx.AsyncClient, app: FastAPI, officer: dict[str, str], director: dict[str, str]
) -> None:
    grant = await in_review(client, officer)
    refused = await step(client, grant, officer, to="approved")  # the submitter: four eyes
    assert refused.status_code == 403
    assert refused.json()["type"].endswith("/four-eyes")
    assert await events(app, "grant.approved", grant["id"]) == []
    approved = await step(client, grant, director, to="approved", award_date="2020-06-15")
    assert approved.status_code == 200, approved.text
    await step(client, approved.json(), officer, to="active")
    [event] = await events(app, "grant.approved", grant["id"])
    assert event["audience"] == STAFF_ONLY
    data = event["data"]
    assert data["links"] == {"self": f"/v1/grants/{grant['id']}"}
    assert (data["status"], data["district"], data["districts"], data["award_date"]) == (
        "approved",
        "medway",
        ["medway"],
        "2020-06-15",
    )
    assert (data["recipient_organisation_id"], data["budget_line_id"]) == (MEDWAY_COUNCIL, KNIFE_LINE_2020)
    assert data["agency_ids"] == []
    text = json.dumps(data)
    assert "knife-awareness" not in text.lower()
    assert "Workshops" not in text
    # nothing else in the life of the grant is announced
    assert await events(app, "grant.active", grant["id"]) == []


async def test_a_disbursement_paid_is_one_event(
    client: httpx.AsyncClient, app: FastAPI, officer: dict[str, str], director: dict[str, str]
) -> None:
    grant = await in_review(client, officer)
    grant = (await step(client, grant, director, to="approved", award_date="2020-06-15")).json()
    scheduled = await client.post(
        f"/v1/grants/{grant['id']}/disbursements",
        json={"instalments": 2, "frequency": "quarterly", "first_due_on": "2020-07-01"},
        headers=officer,
    )
    assert scheduled.status_code == 201, scheduled.text
    first, second = (row["id"] for row in scheduled.json())
    url = "/v1/disbursements/{}/transitions"
    assert (await client.post(url.format(first), json={"to": "approved"}, headers=officer)).status_code == 200
    assert await events(app, "disbursement.paid", first) == []  # approved is not paid
    paid = await client.post(url.format(first), json={"to": "paid", "paid_on": "2020-07-03"}, headers=officer)
    assert paid.status_code == 200, paid.text
    again = await client.post(url.format(first), json={"to": "paid"}, headers=officer)
    assert again.status_code == 409
    assert again.json()["type"].endswith("/disbursement-transition-not-allowed")
    cancelled = await client.post(url.format(second), json={"to": "cancelled"}, headers=officer)
    assert cancelled.status_code == 200
    [event] = await events(app, "disbursement.paid", first)
    assert await events(app, "disbursement.paid", second) == []
    assert event["audience"] == STAFF_ONLY
    data = event["data"]
    assert data["links"] == {"self": f"/v1/disbursements/{first}"}
    assert (data["status"], data["grant_id"], data["paid_on"], data["due_on"], data["district"]) == (
        "paid",
        grant["id"],
        "2020-07-03",
        "2020-07-01",
        "medway",
    )


async def test_an_allocation_committed_is_one_event(
    client: httpx.AsyncClient, app: FastAPI, officer: dict[str, str]
) -> None:
    body = {
        "title": "Summer activities",
        "budget_line_id": KNIFE_LINE_2020,
        "pot_pence": 3_000_000,
        "currency": "GBP",
        "basis": "weights",
        "weights": {"medway": 8, "swale": 1, "thanet": 1},
    }
    run = (await client.post("/v1/allocations", json=body, headers=officer)).json()
    assert await events(app, "allocation.committed", run["id"]) == []  # a preview is not announced
    committed = await client.post(f"/v1/allocations/{run['id']}/commit", headers=officer)
    assert committed.status_code == 200, committed.text
    again = await client.post(f"/v1/allocations/{run['id']}/commit", headers=officer)
    assert again.status_code == 409
    assert again.json()["type"].endswith("/allocation-already-committed")
    [event] = await events(app, "allocation.committed", run["id"])
    assert event["audience"] == STAFF_ONLY
    data = event["data"]
    assert data["links"] == {"self": f"/v1/allocations/{run['id']}"}
    assert (data["status"], data["districts"], data.get("district"), data["basis"]) == (
        "committed",
        ["medway", "swale", "thanet"],
        None,
        "weights",
    )
    assert sorted(data["grant_ids"]) == sorted(r["grant_id"] for r in committed.json()["recipients"])
    assert "Summer" not in json.dumps(data)
