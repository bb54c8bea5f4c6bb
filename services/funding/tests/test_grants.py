"""Grants: the lifecycle, four-eyes approval, the budget-line guard, disbursements exact to the penny,
monitoring returns and the overdue list, CSP officers' district view, projects, evaluations and totals."""

import uuid
from collections.abc import Callable
from datetime import date
from typing import Any

import httpx
import pytest

from funding.grant.service import add_months, financial_quarters, split_pence

KNIFE_LINE_2020 = "8cc3a269-e9dd-5f2f-86e5-a4d11f13974d"  # £150,000.00, nothing awarded
ACE_LINE_2020 = "a9f5662e-7262-5f64-9f06-444836a8fc1d"  # £60,000.00, £50,000.00 awarded
SHEPPEY_PROJECT = "5f4c14bc-6906-5f17-a39c-e9dbfe2ee766"
SHEPPEY_GRANT = "31b4e9d6-db41-5ada-9069-3e011b58f61c"  # £12,000.00, active, Swale
MEDWAY_COUNCIL = "09584578-2b27-5431-b8e5-0cf718a55d7a"
Headers = Callable[..., dict[str, str]]


def application(**changes: Any) -> dict[str, Any]:
    return {
        "title": "Medway knife-awareness workshops",
        "description": "Workshops in secondary schools and youth clubs.",
        "recipient_organisation_id": MEDWAY_COUNCIL,
        "budget_line_id": KNIFE_LINE_2020,
        "amount_applied_pence": 1_000_000,
        "currency": "GBP",
        "planned_start_on": "2020-07-01",
        "planned_end_on": "2021-03-31",
        **changes,
    }


async def step(
    client: httpx.AsyncClient, grant: dict[str, Any], headers: dict[str, str], **body: Any
) -> httpx.Response:
    return await client.post(
        f"/v1/grants/{grant['id']}/transitions", json=body, headers={**headers, "If-Match": f'"v{grant["version"]}"'}
    )


async def in_review(client: httpx.AsyncClient, officer: dict[str, str], **changes: Any) -> dict[str, Any]:
    grant = (await client.post("/v1/grants", json=application(**changes), headers=officer)).json()
    grant = (await step(client, grant, officer, to="submitted")).json()
    return dict((await step(client, grant, officer, to="in_review")).json())


async def active(
    client: httpx.AsyncClient, officer: dict[str, str], director: dict[str, str], **changes: Any
) -> dict[str, Any]:
    grant = await in_review(client, officer, **changes)
    grant = (await step(client, grant, director, to="approved", award_date="2020-06-15")).json()
    return dict((await step(client, grant, officer, to="active")).json())


class TestPureArithmetic:
    def test_ten_thousand_pounds_in_three(self) -> None:
        assert split_pence(1_000_000, 3) == [333_334, 333_333, 333_333]

    @pytest.mark.parametrize(("amount", "parts"), [(1, 1), (7, 7), (100, 3), (999_999, 12), (5, 4)])
    def test_sums_exactly_and_differs_by_a_penny_at_most(self, amount: int, parts: int) -> None:
        split = split_pence(amount, parts)
        assert sum(split) == amount
        assert max(split) - min(split) <= 1
        assert split == sorted(split, reverse=True)

    def test_month_ends(self) -> None:
        assert add_months(date(2021, 1, 31), 1) == date(2021, 2, 28)
        assert add_months(date(2020, 11, 30), 3) == date(2021, 2, 28)
        assert add_months(date(2020, 12, 15), 1) == date(2021, 1, 15)

    def test_financial_quarters(self) -> None:
        quarters = financial_quarters(date(2020, 7, 1), date(2021, 3, 31))
        assert [q[0] for q in quarters] == ["2020-21 Q2", "2020-21 Q3", "2020-21 Q4"]
        assert quarters[-1][1:] == (date(2021, 1, 1), date(2021, 3, 31))
        assert [q[0] for q in financial_quarters(date(2021, 3, 15), date(2021, 4, 2))] == ["2020-21 Q4", "2021-22 Q1"]


class TestListGrants:
    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        assert (await client.get("/v1/grants")).status_code == 401

    @pytest.mark.parametrize("role", ["guardian", "partner_agency"])
    async def test_forbidden(self, client: httpx.AsyncClient, as_role: Headers, role: str) -> None:
        refused = await client.get("/v1/grants", headers=as_role(role))
        assert refused.status_code == 403
        assert refused.json()["type"].endswith("/forbidden")

    async def test_valid(self, client: httpx.AsyncClient, officer: dict[str, str]) -> None:
        response = await client.get("/v1/grants?status=active&limit=200", headers=officer)
        grants = response.json()["items"]
        # the newsletter's 28 2020/21 projects (the knife campaign's grants are allocated), 5 funded again for 2026/27
        assert len(grants) == 33
        sheppey = next(g for g in grants if g["id"] == SHEPPEY_GRANT)
        assert sheppey == sheppey | {
            "amount_awarded_pence": 1_200_000,
            "remaining_pence": 1_200_000,
            "districts": ["swale"],
            "recipient_org_id": "GB-CHC-9000003",
            "illustrative": True,
        }

    async def test_csp_officer_sees_own_district_only(self, client: httpx.AsyncClient, as_role: Headers) -> None:
        headers = as_role("csp_officer", districts=["medway"])
        grants = (await client.get("/v1/grants?limit=200", headers=headers)).json()["items"]
        assert grants
        assert all("medway" in g["districts"] for g in grants)
        assert SHEPPEY_GRANT not in {g["id"] for g in grants}
        missing = await client.get(f"/v1/grants/{SHEPPEY_GRANT}", headers=headers)
        assert missing.status_code == 404
        assert missing.json()["type"].endswith("/grant-not-found")
        nobody = as_role("csp_officer", districts=[])
        assert (await client.get("/v1/grants", headers=nobody)).json()["items"] == []


class TestCreateGrant:
    async def test_forbidden(self, client: httpx.AsyncClient, as_role: Headers) -> None:
        refused = await client.post("/v1/grants", json=application(), headers=as_role("analyst"))
        assert refused.status_code == 403
        assert refused.json()["type"].endswith("/forbidden")

    async def test_valid(self, client: httpx.AsyncClient, officer: dict[str, str]) -> None:
        response = await client.post("/v1/grants", json=application(), headers=officer)
        assert response.status_code == 201
        grant = response.json()
        assert response.headers["location"] == f"/v1/grants/{grant['id']}"
        assert response.headers["etag"] == '"v1"'
        assert (grant["status"], grant["districts"], grant["amount_awarded_pence"]) == ("draft", ["medway"], None)
        assert [h["to_status"] for h in grant["history"]] == ["draft"]

    async def test_districts_default_to_the_project(self, client: httpx.AsyncClient, officer: dict[str, str]) -> None:
        response = await client.post("/v1/grants", json=application(project_id=SHEPPEY_PROJECT), headers=officer)
        assert response.json()["districts"] == ["swale"]

    @pytest.mark.parametrize(
        "change",
        [
            {"recipient_organisation_id": str(uuid.UUID(int=5))},
            {"budget_line_id": str(uuid.UUID(int=5))},
            {"project_id": str(uuid.UUID(int=5))},
        ],
    )
    async def test_unknown_reference(
        self, client: httpx.AsyncClient, officer: dict[str, str], change: dict[str, str]
    ) -> None:
        response = await client.post("/v1/grants", json=application(**change), headers=officer)
        assert response.status_code == 422
        assert response.json()["type"].endswith("/invalid-grant")

    @pytest.mark.parametrize("field", ["amount_applied_pence", "amount_recommended_pence"])
    @pytest.mark.parametrize("amount", [True, "100", 1000.0])
    async def test_money_is_a_strict_integer(
        self, client: httpx.AsyncClient, officer: dict[str, str], field: str, amount: object
    ) -> None:
        """Issue 13: ``true``, ``"100"`` and ``1000.0`` were taken as pence."""
        response = await client.post("/v1/grants", json=application(**{field: amount}), headers=officer)
        assert response.status_code == 422
        problem = response.json()
        assert problem["type"].endswith("/validation-error")
        assert [e["field"] for e in problem["errors"]] == [field]
        plain = await client.post("/v1/grants", json=application(**{field: 1000}), headers=officer)
        assert plain.status_code == 201
        assert plain.json()[field] == 1000

    async def test_dates_in_order(self, client: httpx.AsyncClient, officer: dict[str, str]) -> None:
        body = application(planned_start_on="2021-01-01", planned_end_on="2020-01-01")
        assert (await client.post("/v1/grants", json=body, headers=officer)).status_code == 422


class TestUpdateGrant:
    async def test_if_match(self, client: httpx.AsyncClient, officer: dict[str, str]) -> None:
        grant = (await client.post("/v1/grants", json=application(), headers=officer)).json()
        url = f"/v1/grants/{grant['id']}"
        assert (await client.patch(url, json={"title": "New"}, headers=officer)).status_code == 428
        stale = await client.patch(url, json={"title": "New"}, headers={**officer, "If-Match": '"v7"'})
        assert stale.status_code == 412
        response = await client.patch(
            url, json={"amount_recommended_pence": 900_000}, headers={**officer, "If-Match": '"v1"'}
        )
        assert response.status_code == 200
        assert (response.json()["amount_recommended_pence"], response.headers["etag"]) == (900_000, '"v2"')

    async def test_not_found(self, client: httpx.AsyncClient, officer: dict[str, str]) -> None:
        response = await client.patch(f"/v1/grants/{uuid.uuid4()}", json={}, headers={**officer, "If-Match": '"v1"'})
        assert response.status_code == 404
        assert response.json()["type"].endswith("/grant-not-found")

    async def test_not_after_decision(
        self, client: httpx.AsyncClient, officer: dict[str, str], director: dict[str, str]
    ) -> None:
        grant = await active(client, officer, director)
        response = await client.patch(
            f"/v1/grants/{grant['id']}", json={"title": "x"}, headers={**officer, "If-Match": f'"v{grant["version"]}"'}
        )
        assert response.status_code == 409
        assert response.json()["type"].endswith("/grant-not-editable")


class TestTransitions:
    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        response = await client.post(f"/v1/grants/{SHEPPEY_GRANT}/transitions", json={"to": "completed"})
        assert response.status_code == 401

    async def test_forbidden(self, client: httpx.AsyncClient, as_role: Headers) -> None:
        response = await client.post(
            f"/v1/grants/{SHEPPEY_GRANT}/transitions",
            json={"to": "completed"},
            headers={**as_role("csp_officer", districts=["swale"]), "If-Match": '"v1"'},
        )
        assert response.status_code == 403
        assert response.json()["type"].endswith("/forbidden")

    async def test_not_found(self, client: httpx.AsyncClient, officer: dict[str, str]) -> None:
        response = await client.post(
            f"/v1/grants/{uuid.uuid4()}/transitions", json={"to": "submitted"}, headers={**officer, "If-Match": '"v1"'}
        )
        assert response.status_code == 404
        assert response.json()["type"].endswith("/grant-not-found")

    async def test_missing_if_match(self, client: httpx.AsyncClient, officer: dict[str, str]) -> None:
        response = await client.post(
            f"/v1/grants/{SHEPPEY_GRANT}/transitions", json={"to": "completed"}, headers=officer
        )
        assert response.status_code == 428

    async def test_valid_lifecycle(
        self, client: httpx.AsyncClient, officer: dict[str, str], director: dict[str, str]
    ) -> None:
        grant = await in_review(client, officer, amount_recommended_pence=800_000)
        assert grant["submitted_by"] == "officer-1"
        response = await step(client, grant, director, to="approved", award_date="2020-06-15")
        assert response.status_code == 200
        approved = response.json()
        assert approved == approved | {
            "status": "approved",
            "amount_awarded_pence": 800_000,  # the recommendation
            "award_date": "2020-06-15",
            "decided_by": "director-1",
            "remaining_pence": 800_000,
        }
        line = (await client.get(f"/v1/budget-lines/{KNIFE_LINE_2020}", headers=officer)).json()
        assert line["awarded_pence"] == 800_000
        done = (await step(client, approved, officer, to="active")).json()
        done = (await step(client, done, officer, to="completed")).json()
        assert [h["to_status"] for h in done["history"]] == [
            "draft", "submitted", "in_review", "approved", "active", "completed",
        ]  # fmt: skip
        assert done["history"][3]["amount_awarded_pence"] == 800_000

    async def test_four_eyes(self, client: httpx.AsyncClient, officer: dict[str, str]) -> None:
        grant = await in_review(client, officer)
        response = await step(client, grant, officer, to="approved")
        assert response.status_code == 403
        assert response.json()["type"].endswith("/four-eyes")

    async def test_another_programme_officer_may_approve(
        self, client: httpx.AsyncClient, officer: dict[str, str], as_role: Headers
    ) -> None:
        grant = await in_review(client, officer)
        other = as_role("programme_officer", sub="officer-2")
        assert (await step(client, grant, other, to="approved")).status_code == 200

    async def test_budget_exceeded(
        self, client: httpx.AsyncClient, officer: dict[str, str], director: dict[str, str]
    ) -> None:
        grant = await in_review(client, officer, budget_line_id=ACE_LINE_2020, amount_applied_pence=1_000_001)
        response = await step(client, grant, director, to="approved")
        assert response.status_code == 409
        problem = response.json()
        assert problem["type"].endswith("/budget-exceeded")
        assert (problem["available_pence"], problem["requested_pence"]) == (1_000_000, 1_000_001)
        fits = await step(client, grant, director, to="approved", amount_awarded_pence=1_000_000)
        assert fits.status_code == 200

    async def test_approval_needs_a_budget_line(
        self, client: httpx.AsyncClient, officer: dict[str, str], director: dict[str, str]
    ) -> None:
        grant = await in_review(client, officer, budget_line_id=None)
        response = await step(client, grant, director, to="approved")
        assert response.status_code == 422

    async def test_not_allowed(self, client: httpx.AsyncClient, officer: dict[str, str]) -> None:
        grant = (await client.post("/v1/grants", json=application(), headers=officer)).json()
        response = await step(client, grant, officer, to="active")
        assert response.status_code == 409
        assert response.json()["type"].endswith("/grant-transition-not-allowed")
        assert response.json()["allowed"] == ["submitted", "withdrawn"]

    async def test_reject_needs_a_reason(
        self, client: httpx.AsyncClient, officer: dict[str, str], director: dict[str, str]
    ) -> None:
        grant = await in_review(client, officer)
        assert (await step(client, grant, director, to="rejected")).status_code == 422
        rejected = await step(client, grant, director, to="rejected", reason="Outside this year's priorities.")
        assert (rejected.json()["status"], rejected.json()["status_reason"]) == (
            "rejected",
            "Outside this year's priorities.",
        )

    async def test_close_needs_a_reason(
        self, client: httpx.AsyncClient, officer: dict[str, str], director: dict[str, str]
    ) -> None:
        grant = await active(client, officer, director)
        assert (await step(client, grant, officer, to="closed")).status_code == 422
        closed = await step(client, grant, officer, to="closed", reason="The project ended early.")
        assert closed.json()["status"] == "closed"

    async def test_withdrawn_award_frees_the_line(
        self, client: httpx.AsyncClient, officer: dict[str, str], director: dict[str, str]
    ) -> None:
        grant = await active(client, officer, director)
        await step(client, grant, officer, to="withdrawn", reason="The provider withdrew.")
        line = (await client.get(f"/v1/budget-lines/{KNIFE_LINE_2020}", headers=officer)).json()
        assert line["awarded_pence"] == 0


class TestDisbursements:
    async def test_ten_thousand_pounds_in_three_quarterly(
        self, client: httpx.AsyncClient, officer: dict[str, str], director: dict[str, str]
    ) -> None:
        grant = await active(client, officer, director)
        response = await client.post(
            f"/v1/grants/{grant['id']}/disbursements",
            json={"instalments": 3, "frequency": "quarterly", "first_due_on": "2020-07-01"},
            headers=officer,
        )
        assert response.status_code == 201
        rows = response.json()
        assert [(d["amount_pence"], d["due_on"], d["status"]) for d in rows] == [
            (333_334, "2020-07-01", "scheduled"),
            (333_333, "2020-10-01", "scheduled"),
            (333_333, "2021-01-01", "scheduled"),
        ]
        read = (await client.get(f"/v1/grants/{grant['id']}", headers=officer)).json()
        assert (read["scheduled_pence"], read["paid_pence"], read["remaining_pence"]) == (1_000_000, 0, 0)

        first = rows[0]["id"]
        approved = await client.post(f"/v1/disbursements/{first}/transitions", json={"to": "approved"}, headers=officer)
        assert approved.status_code == 200
        paid = await client.post(
            f"/v1/disbursements/{first}/transitions",
            json={"to": "paid", "paid_on": "2020-07-03"},
            headers={**officer, "If-Match": approved.headers["etag"]},
        )
        assert (paid.json()["status"], paid.json()["paid_on"]) == ("paid", "2020-07-03")
        cancel = await client.post(
            f"/v1/disbursements/{rows[2]['id']}/transitions", json={"to": "cancelled"}, headers=officer
        )
        assert cancel.status_code == 200
        read = (await client.get(f"/v1/grants/{grant['id']}", headers=officer)).json()
        assert (read["paid_pence"], read["scheduled_pence"], read["remaining_pence"]) == (333_334, 333_333, 333_333)
        again = await client.post(f"/v1/disbursements/{first}/transitions", json={"to": "cancelled"}, headers=officer)
        assert again.status_code == 409
        assert again.json()["type"].endswith("/disbursement-transition-not-allowed")

        listed = await client.get(f"/v1/grants/{grant['id']}/disbursements?limit=2", headers=officer)
        assert [d["sequence"] for d in listed.json()["items"]] == [1, 2]
        assert listed.json()["next_cursor"]

    async def test_not_more_than_remains(
        self, client: httpx.AsyncClient, officer: dict[str, str], director: dict[str, str]
    ) -> None:
        grant = await active(client, officer, director)
        url = f"/v1/grants/{grant['id']}/disbursements"
        body = {"instalments": 2, "frequency": "monthly", "first_due_on": "2020-07-31", "amount_pence": 600_000}
        assert (await client.post(url, json=body, headers=officer)).status_code == 201
        response = await client.post(url, json=body, headers=officer)
        assert response.status_code == 409
        assert response.json()["type"].endswith("/schedule-exceeds-award")
        assert response.json()["remaining_pence"] == 400_000

    async def test_only_awarded_grants(self, client: httpx.AsyncClient, officer: dict[str, str]) -> None:
        grant = await in_review(client, officer)
        response = await client.post(
            f"/v1/grants/{grant['id']}/disbursements",
            json={"instalments": 2, "frequency": "monthly", "first_due_on": "2020-07-31"},
            headers=officer,
        )
        assert response.status_code == 409
        assert response.json()["type"].endswith("/schedule-not-allowed")

    async def test_forbidden_and_not_found(
        self, client: httpx.AsyncClient, as_role: Headers, officer: dict[str, str]
    ) -> None:
        body = {"instalments": 2, "frequency": "monthly", "first_due_on": "2020-07-31"}
        url = f"/v1/grants/{SHEPPEY_GRANT}/disbursements"
        refused = await client.post(url, json=body, headers=as_role("analyst"))
        assert refused.status_code == 403
        assert refused.json()["type"].endswith("/forbidden")
        missing = await client.get(f"/v1/disbursements/{uuid.uuid4()}", headers=officer)
        assert missing.status_code == 404
        assert missing.json()["type"].endswith("/disbursement-not-found")


class TestMonitoringReturns:
    async def test_due_overdue_and_submitted(
        self, client: httpx.AsyncClient, officer: dict[str, str], director: dict[str, str]
    ) -> None:
        grant = await active(client, officer, director)
        returns = (await client.get(f"/v1/monitoring-returns?grant_id={grant['id']}", headers=officer)).json()["items"]
        assert [(r["period"], r["due_on"]) for r in returns] == [
            ("2020-21 Q2", "2020-10-30"),
            ("2020-21 Q3", "2021-01-30"),
            ("2020-21 Q4", "2021-04-30"),
        ]
        assert all(r["overdue"] for r in returns)  # 2020 is long past
        submitted = await client.post(
            f"/v1/monitoring-returns/{returns[0]['id']}/submission",
            json={"people_served": 27, "sessions_delivered": 12, "outcomes": "Weekly workshops in four schools."},
            headers=officer,
        )
        assert submitted.status_code == 200
        assert (submitted.json()["overdue"], submitted.json()["people_served"]) == (False, 27)
        again = await client.post(
            f"/v1/monitoring-returns/{returns[0]['id']}/submission",
            json={"people_served": 1, "sessions_delivered": 1, "outcomes": "x"},
            headers=officer,
        )
        assert again.status_code == 409
        assert again.json()["type"].endswith("/monitoring-return-already-submitted")
        overdue = (
            await client.get(f"/v1/monitoring-returns?overdue=true&grant_id={grant['id']}", headers=officer)
        ).json()
        assert [r["period"] for r in overdue["items"]] == ["2020-21 Q3", "2020-21 Q4"]
        totals = (await client.get("/v1/reports/totals?group_by=financial_year,stream", headers=officer)).json()
        knife = next(
            g for g in totals["groups"] if (g["financial_year"], g["stream"]) == ("2020-21", "knife-awareness")
        )
        assert (knife["grants"], knife["awarded_pence"], knife["people_served"], knife["sessions_delivered"]) == (
            1, 1_000_000, 27, 12,
        )  # fmt: skip

    async def test_a_submitted_return_is_amended_with_history(
        self, client: httpx.AsyncClient, as_role: Headers, officer: dict[str, str], director: dict[str, str]
    ) -> None:
        """Issue 14 item 11: a submitted return can be corrected — a new version with a mandatory reason, who and
        when; the earlier versions stay readable; the totals use the latest."""
        grant = await active(client, officer, director)
        returns = (await client.get(f"/v1/monitoring-returns?grant_id={grant['id']}", headers=officer)).json()["items"]
        url = f"/v1/monitoring-returns/{returns[0]['id']}"
        figures = {"people_served": 27, "sessions_delivered": 12, "outcomes": "Weekly workshops in four schools."}
        corrected = {"people_served": 29, "sessions_delivered": 13, "outcomes": "Weekly workshops in five schools."}
        early = await client.post(f"{url}/amendments", json={**corrected, "reason": "late forms"}, headers=officer)
        assert early.status_code == 409  # nothing submitted yet
        assert early.json()["type"].endswith("/monitoring-return-not-submitted")
        assert (await client.post(f"{url}/submission", json=figures, headers=officer)).status_code == 200
        no_reason = await client.post(f"{url}/amendments", json=corrected, headers=officer)
        assert no_reason.status_code == 422
        assert no_reason.json()["type"].endswith("/validation-error")
        blank = await client.post(f"{url}/amendments", json={**corrected, "reason": "  "}, headers=officer)
        assert blank.status_code == 422
        for role in ("analyst", "csp_officer", "auditor"):
            refused = await client.post(
                f"{url}/amendments", json={**corrected, "reason": "x"}, headers=as_role(role, districts=["medway"])
            )
            assert refused.status_code == 403, role
            assert refused.json()["type"].endswith("/forbidden")
        reason = "Two attendees' registration forms arrived after the return was submitted."
        amended = await client.post(f"{url}/amendments", json={**corrected, "reason": reason}, headers=director)
        assert amended.status_code == 201, amended.text
        assert amended.headers["location"] == f"{url}/versions/2"
        body = amended.json()
        assert (body["people_served"], body["sessions_delivered"], body["version"]) == (29, 13, 2)
        assert body["amended_by"] == "director-1"
        assert body["amended_at"] is not None
        assert (await client.get(url, headers=officer)).json()["people_served"] == 29
        versions = (await client.get(f"{url}/versions", headers=as_role("auditor"))).json()["items"]
        assert [(v["version"], v["people_served"], v["reason"]) for v in versions] == [(1, 27, None), (2, 29, reason)]
        assert [(v["recorded_by"], v["recorded_by_name"]) for v in versions] == [
            ("officer-1", "Programme officer (example.org)"),
            ("director-1", "Director (example.org)"),
        ]
        first = await client.get(f"{url}/versions/1", headers=officer)
        assert first.json()["outcomes"] == figures["outcomes"]
        missing = await client.get(f"{url}/versions/3", headers=officer)
        assert missing.status_code == 404
        assert missing.json()["type"].endswith("/monitoring-return-version-not-found")
        totals = (await client.get("/v1/reports/totals?group_by=financial_year,stream", headers=officer)).json()
        knife = next(
            g for g in totals["groups"] if (g["financial_year"], g["stream"]) == ("2020-21", "knife-awareness")
        )
        assert (knife["people_served"], knife["sessions_delivered"]) == (29, 13)

    async def test_forbidden_and_not_found(
        self, client: httpx.AsyncClient, as_role: Headers, officer: dict[str, str]
    ) -> None:
        refused = await client.get("/v1/monitoring-returns", headers=as_role("guardian"))
        assert refused.status_code == 403
        assert refused.json()["type"].endswith("/forbidden")
        missing = await client.get(f"/v1/monitoring-returns/{uuid.uuid4()}", headers=officer)
        assert missing.status_code == 404
        assert missing.json()["type"].endswith("/monitoring-return-not-found")
        response = await client.post(
            f"/v1/monitoring-returns/{uuid.uuid4()}/submission",
            json={"people_served": 1, "sessions_delivered": 1, "outcomes": "x"},
            headers=officer,
        )
        assert response.status_code == 404
        assert response.json()["type"].endswith("/monitoring-return-not-found")


class TestProjects:
    async def test_seeded_from_the_newsletter(self, client: httpx.AsyncClient, officer: dict[str, str]) -> None:
        y2020 = (await client.get("/v1/projects?financial_year=2020-21&limit=200", headers=officer)).json()["items"]
        assert len(y2020) == 29
        assert {"Box It Out", "Switch Café", "Primal Roots", "St Giles' Trust Police Custody service"} <= {
            p["name"] for p in y2020
        }
        assert all(p["illustrative"] for p in y2020)
        y2019 = (await client.get("/v1/projects?financial_year=2019-20", headers=officer)).json()["items"]
        assert {p["stream"] for p in y2019} == {"equipment"}
        east = (await client.get("/v1/projects?area=east-kent", headers=officer)).json()["items"]
        assert sorted(p["name"] for p in east) == [
            "Canterbury CSU Protect Your Child",
            "Changing Minds",
            "Young Lives Foundation",
        ]
        swale = (await client.get("/v1/projects?district=swale&area=north-kent", headers=officer)).json()["items"]
        assert "Sheppey Matters" in {p["name"] for p in swale}

    async def test_create(self, client: httpx.AsyncClient, officer: dict[str, str]) -> None:
        body = {
            "code": "riverside-mentoring",
            "name": "Riverside mentoring",
            "lead_organisation_id": MEDWAY_COUNCIL,
            "area": "north-kent",
            "stream": "schools",
            "financial_year": "2021-22",
        }
        response = await client.post("/v1/projects", json=body, headers=officer)
        assert response.status_code == 201
        assert response.json()["districts"] == ["dartford", "gravesham", "medway", "swale"]
        outside = await client.post(
            "/v1/projects", json={**body, "code": "x-y", "districts": ["thanet"]}, headers=officer
        )
        assert outside.status_code == 422
        clash = await client.post("/v1/projects", json=body, headers=officer)
        assert clash.status_code == 409
        assert clash.json()["type"].endswith("/project-code-taken")

    async def test_not_found(self, client: httpx.AsyncClient, officer: dict[str, str]) -> None:
        missing = await client.get(f"/v1/projects/{uuid.uuid4()}", headers=officer)
        assert missing.status_code == 404
        assert missing.json()["type"].endswith("/project-not-found")


class TestEvaluations:
    async def test_one_per_project(self, client: httpx.AsyncClient, officer: dict[str, str], as_role: Headers) -> None:
        body = {
            "project_id": SHEPPEY_PROJECT,
            "rating": "met",
            "summary": "Ran as planned.",
            "evaluated_on": "2021-04-20",
        }
        refused = await client.post("/v1/evaluations", json=body, headers=as_role("analyst"))
        assert refused.status_code == 403
        assert refused.json()["type"].endswith("/forbidden")
        response = await client.post("/v1/evaluations", json=body, headers=officer)
        assert response.status_code == 201
        assert response.json()["evaluated_by"] == "officer-1"
        clash = await client.post("/v1/evaluations", json=body, headers=officer)
        assert clash.status_code == 409
        assert clash.json()["type"].endswith("/already-evaluated")
        listed = await client.get(f"/v1/evaluations?project_id={SHEPPEY_PROJECT}", headers=officer)
        assert [e["rating"] for e in listed.json()["items"]] == ["met"]
        unknown = {**body, "project_id": str(uuid.uuid4())}
        missing = await client.post("/v1/evaluations", json=unknown, headers=officer)
        assert missing.status_code == 404
        assert missing.json()["type"].endswith("/project-not-found")


class TestTotals:
    async def test_by_year(self, client: httpx.AsyncClient, as_role: Headers) -> None:
        response = await client.get("/v1/reports/totals", headers=as_role("analyst"))
        groups = {g["financial_year"]: g for g in response.json()["groups"]}
        assert (groups["2019-20"]["grants"], groups["2019-20"]["awarded_pence"]) == (3, 11_500_000)
        assert (groups["2020-21"]["projects"], groups["2020-21"]["awarded_pence"]) == (28, 44_450_000)

    async def test_by_area(self, client: httpx.AsyncClient, as_role: Headers) -> None:
        response = await client.get(
            "/v1/reports/totals?group_by=area&financial_year=2020-21", headers=as_role("director")
        )
        groups = {g["area"]: g for g in response.json()["groups"]}
        assert set(groups) == {"north-kent", "east-kent", "west-kent", "south-kent", "countywide"}
        assert groups["east-kent"]["awarded_pence"] == 3_800_000
        assert groups["east-kent"]["spent_pence"] is None

    async def test_bad_grouping_and_forbidden(self, client: httpx.AsyncClient, as_role: Headers) -> None:
        assert (await client.get("/v1/reports/totals?group_by=colour", headers=as_role("analyst"))).status_code == 422
        refused = await client.get("/v1/reports/totals", headers=as_role("partner_agency"))
        assert refused.status_code == 403
        assert refused.json()["type"].endswith("/forbidden")
