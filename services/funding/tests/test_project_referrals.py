"""Funded projects as referral destinations, and counting the referrals they accept into the grant's monitoring
figures — once per referral, however often the referrals service reports it (issue 7, link 4)."""

import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import httpx
import pytest

from vru_dev.testing import TestIssuer
from vru_shared.kent_medway import LONDON

BOX_IT_OUT = "30ef20cc-301d-578e-b731-92f71ec7cd3a"  # 2020/21, Medway, funded again for 2026/27
BOX_IT_OUT_GRANT_2020 = "04df5c96-f0f8-5752-ab61-3425eca60bdd"  # 1 July 2020 – 31 March 2021
BOX_IT_OUT_GRANT = "366617f3-b790-5e55-ab7f-f8e89c49d99d"  # 2026/27: 1 April 2026 – 31 March 2027
SANCTUARY_ACE = "16da38eb-1474-50b5-9edf-9a7d77fc3c71"  # North Kent, its only grant 2020/21 (still "active")
CHARITIES_LINE_2026 = "89314c5f-96bb-5e83-800e-18089b6b9ec9"
STREET_SOCCER = "42390bfd-f2fe-5854-a811-9897e7841f5f"  # countywide
SHEPPEY_MATTERS = "5f4c14bc-6906-5f17-a39c-e9dbfe2ee766"  # Swale only
KNIFE_CAMPAIGN = "d9f10d73-cadd-5a83-9266-73ddd930cc0d"  # an active project no grant funds (formula allocation)
KNIFE_LINE_2020 = "8cc3a269-e9dd-5f2f-86e5-a4d11f13974d"
BOX_IT_OUT_CIC = "box-it-out"
Headers = Callable[..., dict[str, str]]


@pytest.fixture
def referrals_service(issuer: TestIssuer) -> dict[str, str]:
    """The referrals service's own client-credentials token."""
    return issuer.headers(roles=["service"], kind="client", client_id="referrals-service", sub="referrals-service")


def counted(referral_id: str, accepted_at: str = "2026-11-21T10:15:00Z") -> dict[str, str]:
    return {"referral_id": referral_id, "accepted_at": accepted_at}


async def grant_figures(client: httpx.AsyncClient, officer: dict[str, str], grant_id: str) -> int:
    response = await client.get(f"/v1/grants/{grant_id}", headers=officer)
    assert response.status_code == 200, response.text
    return int(response.json()["people_referred"])


async def funded_project(
    client: httpx.AsyncClient, officer: dict[str, str], director: dict[str, str]
) -> tuple[str, dict[str, Any]]:
    """A new Medway project with an active grant for 2020/21 (so it owes quarterly monitoring returns)."""
    orgs = (await client.get("/v1/organisations", params={"limit": 200}, headers=officer)).json()["items"]
    lead = next(o["id"] for o in orgs if o["name"] == "Box It Out CIC")
    code = f"mentoring-{uuid.uuid4().hex[:8]}"
    project = await client.post(
        "/v1/projects",
        json={
            "code": code,
            "name": f"Mentoring {code}",
            "lead_organisation_id": lead,
            "area": "north-kent",
            "districts": ["medway"],
            "stream": "knife-awareness",
            "financial_year": "2020-21",
            "status": "active",
        },
        headers=officer,
    )
    assert project.status_code == 201, project.text
    grant = (
        await client.post(
            "/v1/grants",
            json={
                "title": "Mentoring in Medway",
                "description": "Weekly mentoring for young people referred by the VRU.",
                "recipient_organisation_id": lead,
                "project_id": project.json()["id"],
                "budget_line_id": KNIFE_LINE_2020,
                "amount_applied_pence": 500_000,
                "currency": "GBP",
                "planned_start_on": "2020-07-01",
                "planned_end_on": "2021-03-31",
            },
            headers=officer,
        )
    ).json()
    for to, who, extra in (
        ("submitted", officer, {}),
        ("in_review", officer, {}),
        ("approved", director, {"award_date": "2020-06-15"}),
        ("active", officer, {}),
    ):
        response = await client.post(
            f"/v1/grants/{grant['id']}/transitions",
            json={"to": to, **extra},
            headers={**who, "If-Match": f'"v{grant["version"]}"'},
        )
        assert response.status_code == 200, response.text
        grant = response.json()
    return str(project.json()["id"]), grant


async def destination_ids(client: httpx.AsyncClient, headers: dict[str, str]) -> set[str]:
    response = await client.get(
        "/v1/projects/referral-destinations", params={"district": "medway", "limit": 200}, headers=headers
    )
    assert response.status_code == 200, response.text
    return {d["project_id"] for d in response.json()["items"]}


async def move(client: httpx.AsyncClient, grant: dict[str, Any], *steps: tuple[str, dict[str, str]]) -> dict[str, Any]:
    for to, who in steps:
        response = await client.post(
            f"/v1/grants/{grant['id']}/transitions",
            json={"to": to},
            headers={**who, "If-Match": f'"v{grant["version"]}"'},
        )
        assert response.status_code == 200, response.text
        grant = response.json()
    return grant


class TestReferralDestinations:
    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        assert (await client.get("/v1/projects/referral-destinations?district=medway")).status_code == 401

    @pytest.mark.parametrize("role", ["guardian", "partner_agency", "csp_officer"])
    async def test_forbidden(self, client: httpx.AsyncClient, as_role: Headers, role: str) -> None:
        response = await client.get("/v1/projects/referral-destinations?district=medway", headers=as_role(role))
        assert response.status_code == 403
        assert response.json()["type"].endswith("/forbidden")

    async def test_valid(self, client: httpx.AsyncClient, as_role: Headers) -> None:
        response = await client.get(
            "/v1/projects/referral-destinations",
            params={"district": "medway", "limit": 200},
            headers=as_role("coordinator", districts=["medway"]),
        )
        assert response.status_code == 200, response.text
        items = response.json()["items"]
        by_id = {d["project_id"]: d for d in items}
        assert by_id[BOX_IT_OUT]["grant_id"] == BOX_IT_OUT_GRANT
        assert (by_id[BOX_IT_OUT]["active_from"], by_id[BOX_IT_OUT]["active_until"]) == ("2026-04-01", "2027-03-31")
        assert by_id[BOX_IT_OUT]["name"] == "Box It Out"
        assert by_id[BOX_IT_OUT]["lead_organisation_name"] == "Box It Out CIC"
        assert STREET_SOCCER in by_id  # countywide serves Medway too
        assert SHEPPEY_MATTERS not in by_id  # Swale only
        assert KNIFE_CAMPAIGN not in by_id  # active, but no grant funds it
        assert all("medway" in d["districts"] for d in items)
        assert [d["name"] for d in items] == sorted(d["name"] for d in items)

    async def test_only_projects_a_grant_funds_today(
        self, client: httpx.AsyncClient, as_role: Headers, officer: dict[str, str], director: dict[str, str]
    ) -> None:
        """Issue 14 item 12: a project whose grant's period is over is no destination in 2026, whatever the
        grant's status says; an approved grant whose period covers today makes one (before it is active)."""
        coordinator = as_role("coordinator", districts=["medway"])
        project, grant = await funded_project(client, officer, director)  # active, 1 July 2020 – 31 March 2021
        ids = await destination_ids(client, coordinator)
        assert SANCTUARY_ACE not in ids  # its 2020/21 grant is still "active", but ended in March 2021
        assert project not in ids
        assert BOX_IT_OUT in ids  # funded again for 2026/27
        # Each project's active period comes from its awarded grants' planned periods.
        periods = {}
        for project_id in (SANCTUARY_ACE, BOX_IT_OUT):
            read = (await client.get(f"/v1/projects/{project_id}", headers=officer)).json()
            periods[project_id] = (read["active_from"], read["active_until"])
        assert periods == {SANCTUARY_ACE: ("2020-07-01", "2021-03-31"), BOX_IT_OUT: ("2020-07-01", "2027-03-31")}
        today = datetime.now(LONDON).date()
        current = await client.post(
            "/v1/grants",
            json={
                "title": "Mentoring in Medway, this year",
                "description": "Weekly mentoring for young people referred by the VRU.",
                "recipient_organisation_id": grant["recipient_organisation_id"],
                "project_id": project,
                "budget_line_id": CHARITIES_LINE_2026,
                "amount_applied_pence": 100_000,
                "currency": "GBP",
                "planned_start_on": (today - timedelta(days=30)).isoformat(),
                "planned_end_on": (today + timedelta(days=30)).isoformat(),
            },
            headers=officer,
        )
        assert current.status_code == 201, current.text
        await move(client, current.json(), ("submitted", officer), ("in_review", officer), ("approved", director))
        ids = await destination_ids(client, coordinator)
        assert project in ids

    async def test_pages(self, client: httpx.AsyncClient, as_role: Headers) -> None:
        service = as_role("service", kind="client")
        first = await client.get("/v1/projects/referral-destinations?district=medway&limit=2", headers=service)
        assert len(first.json()["items"]) == 2
        assert 'rel="next"' in first.headers["link"]
        second = await client.get(
            "/v1/projects/referral-destinations",
            params={"district": "medway", "limit": 2, "cursor": first.json()["next_cursor"]},
            headers=service,
        )
        names = [d["name"] for d in first.json()["items"] + second.json()["items"]]
        assert len(set(names)) == 4

    async def test_district_is_required_and_checked(self, client: httpx.AsyncClient, as_role: Headers) -> None:
        for query in ("", "?district=atlantis"):
            response = await client.get(f"/v1/projects/referral-destinations{query}", headers=as_role("analyst"))
            assert response.status_code == 422
            assert response.headers["content-type"] == "application/problem+json"


class TestCountProjectReferral:
    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        response = await client.post(f"/v1/projects/{BOX_IT_OUT}/referrals", json=counted(str(uuid.uuid4())))
        assert response.status_code == 401

    @pytest.mark.parametrize("role", ["coordinator", "programme_officer", "director"])
    async def test_forbidden(self, client: httpx.AsyncClient, as_role: Headers, role: str) -> None:
        response = await client.post(
            f"/v1/projects/{BOX_IT_OUT}/referrals", json=counted(str(uuid.uuid4())), headers=as_role(role)
        )
        assert response.status_code == 403
        assert response.json()["type"].endswith("/forbidden")

    async def test_not_found(self, client: httpx.AsyncClient, referrals_service: dict[str, str]) -> None:
        response = await client.post(
            f"/v1/projects/{uuid.uuid4()}/referrals", json=counted(str(uuid.uuid4())), headers=referrals_service
        )
        assert response.status_code == 404
        assert response.json()["type"].endswith("project-not-found")

    async def test_valid(
        self, client: httpx.AsyncClient, referrals_service: dict[str, str], officer: dict[str, str]
    ) -> None:
        before = await grant_figures(client, officer, BOX_IT_OUT_GRANT)
        referral = str(uuid.uuid4())
        response = await client.post(
            f"/v1/projects/{BOX_IT_OUT}/referrals", json=counted(referral), headers=referrals_service
        )
        assert response.status_code == 201, response.text
        body = response.json()
        assert response.headers["location"] == f"/v1/projects/{BOX_IT_OUT}/referrals/{referral}"
        assert (body["referral_id"], body["project_id"], body["grant_id"]) == (referral, BOX_IT_OUT, BOX_IT_OUT_GRANT)
        assert body["period"] == "2026-27 Q3"
        assert body["monitoring_return_id"] is None  # the seeded grant has no return for that quarter
        assert await grant_figures(client, officer, BOX_IT_OUT_GRANT) == before + 1
        seen = await client.get(response.headers["location"], headers=officer)
        assert seen.status_code == 200
        assert seen.json() == body
        listed = await client.get(f"/v1/projects/{BOX_IT_OUT}/referrals", headers=officer)
        assert referral in [r["referral_id"] for r in listed.json()["items"]]

    async def test_a_repeat_is_not_counted_twice(
        self, client: httpx.AsyncClient, referrals_service: dict[str, str], officer: dict[str, str]
    ) -> None:
        before = await grant_figures(client, officer, BOX_IT_OUT_GRANT)
        referral = str(uuid.uuid4())
        path = f"/v1/projects/{BOX_IT_OUT}/referrals"
        key = {"Idempotency-Key": f"referral-accepted-{referral}"}
        first = await client.post(path, json=counted(referral), headers={**referrals_service, **key})
        replay = await client.post(path, json=counted(referral), headers={**referrals_service, **key})
        assert (first.status_code, replay.status_code) == (201, 201)
        assert replay.headers["idempotent-replayed"] == "true"
        # Without the key (its response expired, or a new key): the referral id alone keeps it counted once.
        again = await client.post(path, json=counted(referral), headers=referrals_service)
        assert again.status_code == 200
        assert again.json()["id"] == first.json()["id"]
        assert await grant_figures(client, officer, BOX_IT_OUT_GRANT) == before + 1

    async def test_the_same_referral_for_another_project_is_a_conflict(
        self, client: httpx.AsyncClient, referrals_service: dict[str, str]
    ) -> None:
        referral = str(uuid.uuid4())
        assert (
            await client.post(f"/v1/projects/{BOX_IT_OUT}/referrals", json=counted(referral), headers=referrals_service)
        ).status_code == 201
        other = await client.post(
            f"/v1/projects/{STREET_SOCCER}/referrals", json=counted(referral), headers=referrals_service
        )
        assert other.status_code == 409
        assert other.json()["type"].endswith("/project-referral-conflict")
        assert other.json()["project_id"] == BOX_IT_OUT

    async def test_a_project_no_grant_funds(self, client: httpx.AsyncClient, referrals_service: dict[str, str]) -> None:
        response = await client.post(
            f"/v1/projects/{KNIFE_CAMPAIGN}/referrals", json=counted(str(uuid.uuid4())), headers=referrals_service
        )
        assert response.status_code == 409
        assert response.json()["type"].endswith("project-not-funded")

    async def test_invalid(self, client: httpx.AsyncClient, referrals_service: dict[str, str]) -> None:
        path = f"/v1/projects/{BOX_IT_OUT}/referrals"
        for body in (
            {"referral_id": "not-a-uuid", "accepted_at": "2026-11-21T10:15:00Z"},
            {"referral_id": str(uuid.uuid4()), "accepted_at": "2026-11-21T10:15:00"},  # no zone
            {**counted(str(uuid.uuid4())), "young_person": "Alex Example"},  # nothing personal, nothing unknown
        ):
            assert (await client.post(path, json=body, headers=referrals_service)).status_code == 422, body

    async def test_counted_in_the_quarters_monitoring_return(
        self,
        client: httpx.AsyncClient,
        referrals_service: dict[str, str],
        officer: dict[str, str],
        director: dict[str, str],
    ) -> None:
        project, grant = await funded_project(client, officer, director)
        for n, accepted_at in enumerate(("2020-08-10T09:00:00Z", "2020-09-30T23:30:00Z", "2020-11-02T12:00:00Z")):
            response = await client.post(
                f"/v1/projects/{project}/referrals", json=counted(str(uuid.uuid4()), accepted_at), headers=officer
            )
            assert response.status_code == 403, n  # only the referrals service reports them
            assert response.json()["type"].endswith("/forbidden"), n
            response = await client.post(
                f"/v1/projects/{project}/referrals",
                json=counted(str(uuid.uuid4()), accepted_at),
                headers=referrals_service,
            )
            assert response.status_code == 201, response.text
            assert response.json()["grant_id"] == grant["id"]
        returns = await client.get("/v1/monitoring-returns", params={"grant_id": grant["id"]}, headers=officer)
        figures = {r["period"]: r["people_referred"] for r in returns.json()["items"]}
        # 30 September 23:30 UTC is 1 October in London: the third quarter.
        assert figures == {"2020-21 Q2": 1, "2020-21 Q3": 2, "2020-21 Q4": 0}
        assert await grant_figures(client, officer, grant["id"]) == 3
