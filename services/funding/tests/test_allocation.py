"""Formula allocation: largest remainder in pence (pure), and preview → commit over HTTP with the referrals
service faked at the httpx transport (down, slow, wrong shape: 503 and nothing stored)."""

import asyncio
import time
import uuid
from collections.abc import Callable
from fractions import Fraction
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import func, select

from funding.allocation.formula import InfeasibleAllocation, allocate
from funding.allocation.models import Allocation

KNIFE_LINE_2020 = "8cc3a269-e9dd-5f2f-86e5-a4d11f13974d"  # £150,000.00
ACE_LINE_2020 = "a9f5662e-7262-5f64-9f06-444836a8fc1d"  # £10,000.00 available
KNIFE_PROJECT = "d9f10d73-cadd-5a83-9266-73ddd930cc0d"
Headers = Callable[..., dict[str, str]]
FakePeer = Callable[..., list[httpx.Request]]
Statistics = Callable[[str, str, dict[str, int]], dict[str, Any]]

#: Knife incidents per district (38 in all) and the hand-checked Hamilton split of £100,000.00:
#: 10,000,000 / 38 = 263,157.894… pence per incident. Rounding down leaves 9 pence; the largest remainders
#: are the 1-incident districts (.894…), then the 2s (.789…), then the 3s (.684…): 4 + 3 + 2 = 9.
COUNTS = {
    "ashford": 3, "canterbury": 3, "dartford": 1, "dover": 2, "folkestone-hythe": 1, "gravesham": 2, "maidstone": 4,
    "medway": 7, "sevenoaks": 1, "swale": 5, "thanet": 6, "tonbridge-malling": 1, "tunbridge-wells": 2,
}  # fmt: skip
EXPECTED = {
    "ashford": 789_474, "canterbury": 789_474, "dartford": 263_158, "dover": 526_316, "folkestone-hythe": 263_158,
    "gravesham": 526_316, "maidstone": 1_052_631, "medway": 1_842_105, "sevenoaks": 263_158, "swale": 1_315_789,
    "thanet": 1_578_947, "tonbridge-malling": 263_158, "tunbridge-wells": 526_316,
}  # fmt: skip


def knife_request(**changes: Any) -> dict[str, Any]:
    return {
        "title": "Knife Awareness Campaign 2020/21",
        "budget_line_id": KNIFE_LINE_2020,
        "project_id": KNIFE_PROJECT,
        "pot_pence": 10_000_000,
        "currency": "GBP",
        "basis": "knife_incidents",
        "period_from": "2019-04-01",
        "period_to": "2020-03-31",
        **changes,
    }


class TestFormula:
    def test_hand_checked_hamilton(self) -> None:
        shares = {s.recipient: s for s in allocate(10_000_000, COUNTS)}
        assert {r: s.amount for r, s in shares.items()} == EXPECTED
        assert sum(s.amount for s in shares.values()) == 10_000_000
        medway = shares["medway"]
        assert (medway.quota, medway.whole, medway.remainder) == (Fraction(35_000_000, 19), 1_842_105, Fraction(5, 19))
        assert [r for r, s in shares.items() if s.extra_penny] == [
            "ashford", "canterbury", "dartford", "dover", "folkestone-hythe", "gravesham", "sevenoaks",
            "tonbridge-malling", "tunbridge-wells",
        ]  # fmt: skip
        assert (shares["dartford"].rank, shares["canterbury"].rank, shares["medway"].rank) == (1, 9, 13)

    def test_tie_break_by_basis_then_code(self) -> None:
        shares = {s.recipient: s for s in allocate(100, {"b": 1, "a": 1, "c": 1})}
        assert {r: s.amount for r, s in shares.items()} == {"a": 34, "b": 33, "c": 33}
        assert shares["a"].tie_broken
        assert shares["b"].tie_broken
        # Equal remainders and equal basis: the district code decides.
        other = {s.recipient: s.amount for s in allocate(10, {"x": 3, "y": 3, "z": 3})}
        assert other == {"x": 4, "y": 3, "z": 3}

    def test_floor_and_cap(self) -> None:
        shares = {s.recipient: s for s in allocate(10_000_000, COUNTS, floor=500_000, cap=1_500_000)}
        assert sum(s.amount for s in shares.values()) == 10_000_000
        assert shares["medway"].amount == 1_500_000
        assert shares["medway"].bound == "cap"
        assert shares["dover"].amount == 500_000
        assert shares["dover"].bound == "floor"
        # the other five share what is left, 5,000,000, in proportion 3:3:4:5:6
        assert shares["thanet"].quota == Fraction(5_000_000 * 6, 21)
        assert all(500_000 <= s.amount <= 1_500_000 for s in shares.values())

    def test_zero_basis_gets_its_floor(self) -> None:
        shares = {s.recipient: s.amount for s in allocate(1_000, {"a": 0, "b": 1, "c": 3}, floor=100)}
        assert shares == {"a": 100, "b": 225, "c": 675}

    @pytest.mark.parametrize(
        ("weights", "floor", "cap"),
        [
            ({"a": 1, "b": 1}, 600, None),
            ({"a": 1, "b": 1}, None, 400),
            ({"a": 0, "b": 0}, None, None),
            ({}, None, None),
        ],
    )
    def test_infeasible(self, weights: dict[str, int], floor: int | None, cap: int | None) -> None:
        with pytest.raises(InfeasibleAllocation):
            allocate(1_000, weights, floor=floor, cap=cap)


class TestPreviewAllocation:
    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        assert (await client.post("/v1/allocations", json=knife_request())).status_code == 401

    @pytest.mark.parametrize("role", ["analyst", "csp_officer", "coordinator"])
    async def test_forbidden(self, client: httpx.AsyncClient, as_role: Headers, role: str) -> None:
        refused = await client.post("/v1/allocations", json=knife_request(), headers=as_role(role))
        assert refused.status_code == 403
        assert refused.json()["type"].endswith("/forbidden")

    async def test_valid(
        self,
        client: httpx.AsyncClient,
        officer: dict[str, str],
        fake_referrals: FakePeer,
        knife_statistics: Statistics,
    ) -> None:
        seen = fake_referrals(lambda r: httpx.Response(200, json=knife_statistics("2019-04-01", "2020-03-31", COUNTS)))
        response = await client.post("/v1/allocations", json=knife_request(), headers=officer)
        assert response.status_code == 201, response.text
        run = response.json()
        assert response.headers["location"] == f"/v1/allocations/{run['id']}"
        assert dict(seen[0].url.params) == {
            "from": "2019-04-01", "to": "2020-03-31", "group_by": "district", "knife": "true",
        }  # fmt: skip
        assert {r["district"]: r["amount_pence"] for r in run["recipients"]} == EXPECTED
        assert (run["total_pence"], run["basis_total"], run["status"], run["reproducible"]) == (
            10_000_000, 38, "preview", True,
        )  # fmt: skip
        medway = next(r for r in run["recipients"] if r["district"] == "medway")
        assert medway == medway | {
            "basis_value": 7,
            "quota": "35000000/19",
            "quota_pence": "1842105.263158",
            "whole_pence": 1_842_105,
            "remainder": "5/19",
            "rank": 13,
            "extra_penny": False,
        }
        assert run["inputs"]["source"]["response"]["total"] == 38
        again = await client.get(response.headers["location"], headers=officer)
        assert again.json()["recipients"] == run["recipients"]

    async def test_districts_without_incidents_get_nothing(
        self, client: httpx.AsyncClient, officer: dict[str, str], fake_referrals: FakePeer, knife_statistics: Statistics
    ) -> None:
        fake_referrals(
            lambda r: httpx.Response(200, json=knife_statistics("2019-04-01", "2020-03-31", {"medway": 2, "swale": 1}))
        )
        run = (await client.post("/v1/allocations", json=knife_request(pot_pence=100), headers=officer)).json()
        amounts = {r["district"]: r["amount_pence"] for r in run["recipients"]}
        assert len(amounts) == 13
        assert (amounts["medway"], amounts["swale"], amounts["thanet"]) == (67, 33, 0)

    async def test_weights_with_floor(self, client: httpx.AsyncClient, officer: dict[str, str]) -> None:
        body = {
            "title": "Summer activities",
            "budget_line_id": KNIFE_LINE_2020,
            "pot_pence": 3_000_000,
            "currency": "GBP",
            "basis": "weights",
            "weights": {"medway": 8, "swale": 1, "thanet": 1},
            "floor_pence": 500_000,
        }
        run = (await client.post("/v1/allocations", json=body, headers=officer)).json()
        assert {r["district"]: (r["amount_pence"], r["bound"]) for r in run["recipients"]} == {
            "medway": (2_000_000, None),
            "swale": (500_000, "floor"),
            "thanet": (500_000, "floor"),
        }

    async def test_infeasible(self, client: httpx.AsyncClient, officer: dict[str, str]) -> None:
        body = {
            "title": "Too many floors",
            "budget_line_id": KNIFE_LINE_2020,
            "pot_pence": 1_000,
            "currency": "GBP",
            "basis": "weights",
            "weights": {"medway": 1, "swale": 1},
            "floor_pence": 600,
        }
        response = await client.post("/v1/allocations", json=body, headers=officer)
        assert response.status_code == 422
        assert response.json()["type"].endswith("/allocation-infeasible")

    @pytest.mark.parametrize(
        "change",
        [
            {"period_from": None},
            {"period_to": "2019-01-01"},
            {"weights": {"medway": 1}},
            {"recipients": ["medway", "medway"]},
            {"recipients": ["atlantis"]},
            {"currency": "EUR"},
        ],
    )
    async def test_invalid(self, client: httpx.AsyncClient, officer: dict[str, str], change: dict[str, Any]) -> None:
        assert (await client.post("/v1/allocations", json=knife_request(**change), headers=officer)).status_code == 422

    async def test_unknown_budget_line(self, client: httpx.AsyncClient, officer: dict[str, str]) -> None:
        body = knife_request(budget_line_id=str(uuid.uuid4()))
        assert (await client.post("/v1/allocations", json=body, headers=officer)).status_code == 422


class TestReferralsUnavailable:
    """The referrals service down, slow or odd: 503 problem with Retry-After, quickly, nothing stored."""

    async def stored(self, app: FastAPI) -> int:
        async with app.state.sessionmaker() as session:
            return int(await session.scalar(select(func.count()).select_from(Allocation)) or 0)

    def down(self, request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    async def slow(self, request: httpx.Request) -> httpx.Response:
        await asyncio.sleep(5)
        return httpx.Response(200)

    @pytest.mark.parametrize(
        "answer",
        [
            "down",
            "slow",
            "500",
            "403",
            "not json",
            "wrong shape",
            "counts do not add up",
            "unknown district",
            "another period",
        ],
    )
    async def test_503_and_nothing_stored(
        self,
        app: FastAPI,
        client: httpx.AsyncClient,
        officer: dict[str, str],
        fake_referrals: FakePeer,
        knife_statistics: Statistics,
        answer: str,
    ) -> None:
        good = knife_statistics("2019-04-01", "2020-03-31", {"medway": 2})
        handlers: dict[str, Callable[[httpx.Request], Any]] = {
            "down": self.down,
            "slow": self.slow,
            "500": lambda r: httpx.Response(500),
            "403": lambda r: httpx.Response(403, json={"title": "Forbidden"}),
            "not json": lambda r: httpx.Response(200, text="<html>"),
            "wrong shape": lambda r: httpx.Response(200, json={"counts": {"medway": 2}}),
            "counts do not add up": lambda r: httpx.Response(200, json={**good, "total": 99}),
            "unknown district": lambda r: httpx.Response(
                200, json={**good, "groups": [{"district": "atlantis", "month": None, "category": None, "count": 2}]}
            ),
            "another period": lambda r: httpx.Response(200, json={**good, "from": "2018-01-01"}),
        }
        fake_referrals(handlers[answer], timeout=0.3, retries=1)
        before = await self.stored(app)
        started = time.monotonic()
        response = await client.post("/v1/allocations", json=knife_request(), headers=officer)
        assert time.monotonic() - started < 3
        assert response.status_code == 503
        assert response.headers["content-type"] == "application/problem+json"
        assert int(response.headers["retry-after"]) >= 1
        assert response.json()["peer"] == "referrals"
        assert await self.stored(app) == before


class TestCommitAllocation:
    async def preview(
        self,
        client: httpx.AsyncClient,
        officer: dict[str, str],
        fake_referrals: FakePeer,
        knife_statistics: Statistics,
        **changes: Any,
    ) -> dict[str, Any]:
        fake_referrals(lambda r: httpx.Response(200, json=knife_statistics("2019-04-01", "2020-03-31", COUNTS)))
        response = await client.post("/v1/allocations", json=knife_request(**changes), headers=officer)
        return dict(response.json())

    async def test_valid(
        self,
        client: httpx.AsyncClient,
        officer: dict[str, str],
        director: dict[str, str],
        fake_referrals: FakePeer,
        knife_statistics: Statistics,
    ) -> None:
        run = await self.preview(client, officer, fake_referrals, knife_statistics)
        response = await client.post(f"/v1/allocations/{run['id']}/commit", headers=officer)
        assert response.status_code == 200
        committed = response.json()
        assert committed["status"] == "committed"
        assert {r["district"]: r["amount_pence"] for r in committed["recipients"]} == EXPECTED
        grants = (await client.get(f"/v1/grants?allocation_id={run['id']}", headers=officer)).json()["items"]
        assert len(grants) == 13
        assert sum(g["amount_recommended_pence"] for g in grants) == 10_000_000
        medway = next(g for g in grants if g["districts"] == ["medway"])
        assert medway == medway | {
            "status": "submitted",
            "recipient_name": "Medway Council",
            "amount_applied_pence": 1_842_105,
            "regrant": True,
            "project_id": KNIFE_PROJECT,
            "planned_start_on": "2020-04-01",
        }
        assert {r["grant_id"] for r in committed["recipients"]} == {g["id"] for g in grants}
        reread = (await client.get(f"/v1/allocations/{run['id']}", headers=officer)).json()
        assert reread["recipients"] == committed["recipients"]
        assert reread["reproducible"] is True
        again = await client.post(f"/v1/allocations/{run['id']}/commit", headers=officer)
        assert again.status_code == 409
        assert again.json()["type"].endswith("/allocation-already-committed")
        # the grants still need a second person's approval
        approve = await client.post(
            f"/v1/grants/{medway['id']}/transitions",
            json={"to": "in_review"},
            headers={**officer, "If-Match": f'"v{medway["version"]}"'},
        )
        approved = await client.post(
            f"/v1/grants/{medway['id']}/transitions",
            json={"to": "approved"},
            headers={**director, "If-Match": approve.headers["etag"]},
        )
        assert approved.json()["amount_awarded_pence"] == 1_842_105

    async def test_pot_must_fit_the_line(
        self, client: httpx.AsyncClient, officer: dict[str, str], fake_referrals: FakePeer, knife_statistics: Statistics
    ) -> None:
        run = await self.preview(client, officer, fake_referrals, knife_statistics, budget_line_id=ACE_LINE_2020)
        response = await client.post(f"/v1/allocations/{run['id']}/commit", headers=officer)
        assert response.status_code == 409
        assert response.json()["type"].endswith("/budget-exceeded")

    async def test_not_found_and_forbidden(
        self, client: httpx.AsyncClient, officer: dict[str, str], as_role: Headers
    ) -> None:
        missing = await client.post(f"/v1/allocations/{uuid.uuid4()}/commit", headers=officer)
        assert missing.status_code == 404
        assert missing.json()["type"].endswith("/allocation-not-found")
        refused = await client.post(f"/v1/allocations/{uuid.uuid4()}/commit", headers=as_role("analyst"))
        assert refused.status_code == 403
        assert refused.json()["type"].endswith("/forbidden")


class TestReadAllocations:
    async def test_csp_officer_sees_own_share(
        self,
        client: httpx.AsyncClient,
        officer: dict[str, str],
        as_role: Headers,
        fake_referrals: FakePeer,
        knife_statistics: Statistics,
    ) -> None:
        fake_referrals(lambda r: httpx.Response(200, json=knife_statistics("2019-04-01", "2020-03-31", COUNTS)))
        run = (await client.post("/v1/allocations", json=knife_request(), headers=officer)).json()
        csp = as_role("csp_officer", districts=["medway"])
        mine = (await client.get(f"/v1/allocations/{run['id']}", headers=csp)).json()
        assert [r["district"] for r in mine["recipients"]] == ["medway"]
        assert (mine["total_pence"], mine["inputs"]) == (1_842_105, None)
        listed = (await client.get("/v1/allocations", headers=csp)).json()["items"]
        assert all([r["district"] for r in a["recipients"]] == ["medway"] for a in listed)
        elsewhere = as_role("csp_officer", districts=[])
        missing = await client.get(f"/v1/allocations/{run['id']}", headers=elsewhere)
        assert missing.status_code == 404
        assert missing.json()["type"].endswith("/allocation-not-found")

    async def test_anonymous_and_forbidden(self, client: httpx.AsyncClient, as_role: Headers) -> None:
        assert (await client.get("/v1/allocations")).status_code == 401
        refused = await client.get("/v1/allocations", headers=as_role("partner_agency"))
        assert refused.status_code == 403
        assert refused.json()["type"].endswith("/forbidden")
