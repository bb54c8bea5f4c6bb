"""Support plans: the interventions agreed for a young person, with provider, dates and outcome."""

import uuid
from typing import Any

import httpx

from vru_dev.kits.referrals import Casework


async def plan(casework: Casework, ids: dict[str, str], **body: Any) -> httpx.Response:
    return await casework.client.post(
        "/v1/support-plans",
        json={"subject_id": ids["subject"], "summary": "Safety network after exploitation.", **body},
        headers=casework.headers(casework.MEDWAY_SWALE),
    )


class TestCreatePlan:
    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        assert (await client.post("/v1/support-plans", json={})).status_code == 401

    async def test_forbidden(self, casework: Casework) -> None:
        ids = await casework.young_person("46/900/26")
        for token in (casework.DIRECTOR, {"roles": ["partner_agency"], "agency": uuid.uuid4()}):
            response = await casework.client.post(
                "/v1/support-plans",
                json={"subject_id": ids["subject"], "summary": "A plan."},
                headers=casework.headers(token),
            )
            assert response.status_code == 403
            assert response.json()["type"].endswith("/forbidden")

    async def test_not_found(self, casework: Casework) -> None:
        ids = await casework.young_person("46/901/26", "thanet")
        missing = await plan(casework, ids)
        assert missing.status_code == 404
        assert missing.json()["type"].endswith("/subject-not-found")

    async def test_valid_and_one_active_plan(self, casework: Casework) -> None:
        ids = await casework.young_person("46/902/26")
        referral = await casework.refer(ids, forum="mam-medway-swale")
        created = await plan(casework, ids, referral_id=referral["id"])
        assert created.status_code == 201, created.text
        assert (created.json()["status"], created.json()["referral_id"], created.headers["etag"]) == (
            "active",
            referral["id"],
            '"v1"',
        )
        again = await plan(casework, ids)
        assert again.status_code == 409
        assert again.json()["type"].endswith("/active-support-plan-exists")
        assert again.json()["existing_plan_id"] == created.json()["id"]


class TestInterventions:
    async def test_the_case_study_plan(self, casework: Casework) -> None:
        ids = await casework.young_person("46/910/26")
        created = (await plan(casework, ids)).json()
        path = f"/v1/support-plans/{created['id']}/interventions"
        bodies = [
            {
                "kind": "electronic_tag",
                "provider_agency": "youth-justice-service",
                "starts_on": "2026-11-25",
                "status": "active",
            },
            {"kind": "nrm_submission", "provider_agency": "childrens-social-work-services", "starts_on": "2026-11-26"},
            {"kind": "education_reengagement", "provider": "Local secondary school", "starts_on": "2026-12-01"},
            {
                "kind": "substance_misuse_support",
                "provider_agency": "substance-misuse-service",
                "starts_on": "2026-11-30",
            },
        ]
        for body in bodies:
            response = await casework.client.post(path, json=body, headers=casework.headers(casework.MEDWAY_SWALE))
            assert response.status_code == 201, response.text
            # The new intervention itself, where it lives, and its ETag (not the whole plan without the new id).
            added = response.json()
            assert (added["kind"], added["version"]) == (body["kind"], 1)
            assert response.headers["location"] == f"/v1/interventions/{added['id']}"
            assert response.headers["etag"] == '"v1"'
            again = await casework.client.get(response.headers["location"], headers=casework.headers(casework.ANALYST))
            assert (again.status_code, again.json(), again.headers["etag"]) == (200, added, '"v1"')
        elsewhere = await casework.client.get(response.headers["location"], headers=casework.headers(casework.THANET))
        assert elsewhere.status_code == 404
        assert elsewhere.json()["type"].endswith("/intervention-not-found")
        plan_path = f"/v1/support-plans/{created['id']}"
        shown = (await casework.client.get(plan_path, headers=casework.headers(casework.ANALYST))).json()
        assert [(i["kind"], i["provider"]) for i in shown["interventions"]] == [
            ("electronic_tag", "Youth Justice Service"),
            ("nrm_submission", "Children's Social Work Services"),
            ("substance_misuse_support", "Young People's Substance Misuse Service"),
            ("education_reengagement", "Local secondary school"),
        ]
        assert shown["version"] == 5
        nrm = shown["interventions"][1]
        target = f"/v1/interventions/{nrm['id']}"
        no_outcome = await casework.client.patch(
            target, json={"status": "completed"}, headers=casework.headers(casework.ANALYST, **{"If-Match": '"v1"'})
        )
        assert no_outcome.status_code == 422
        missing = await casework.client.patch(
            target, json={"status": "active"}, headers=casework.headers(casework.ANALYST)
        )
        assert missing.status_code == 428
        done = await casework.client.patch(
            target,
            json={"status": "completed", "ends_on": "2026-12-10", "outcome": "Positive reasonable-grounds decision."},
            headers=casework.headers(casework.ANALYST, **{"If-Match": '"v1"'}),
        )
        assert done.status_code == 200, done.text
        assert (done.json()["status"], done.json()["provider_agency"], done.headers["etag"]) == (
            "completed",
            "childrens-social-work-services",
            '"v2"',
        )
        stale = await casework.client.patch(
            target,
            json={"description": "Late edit."},
            headers=casework.headers(casework.ANALYST, **{"If-Match": '"v1"'}),
        )
        assert stale.status_code == 412

    async def test_invalid(self, casework: Casework) -> None:
        ids = await casework.young_person("46/911/26")
        created = (await plan(casework, ids)).json()
        path = f"/v1/support-plans/{created['id']}/interventions"
        for body in (
            {"kind": "electronic_tag", "starts_on": "2026-11-25"},
            {"kind": "teleportation", "provider": "x", "starts_on": "2026-11-25"},
            {"kind": "mentoring", "provider": "x", "starts_on": "2026-11-25", "ends_on": "2026-11-01"},
            {"kind": "mentoring", "provider": "x", "starts_on": "2026-11-25", "status": "stopped"},
            {"kind": "mentoring", "provider_agency": "nobody", "starts_on": "2026-11-25"},
        ):
            response = await casework.client.post(path, json=body, headers=casework.headers(casework.ANALYST))
            assert response.status_code == 422, body


class TestUpdatePlan:
    async def test_close(self, casework: Casework) -> None:
        ids = await casework.young_person("46/920/26")
        created = (await plan(casework, ids)).json()
        path = f"/v1/support-plans/{created['id']}"
        closed = await casework.client.patch(
            path, json={"status": "closed"}, headers=casework.headers(casework.MEDWAY_SWALE, **{"If-Match": '"v1"'})
        )
        assert closed.status_code == 200
        assert closed.json()["closed_at"] is not None
        assert (await plan(casework, ids)).status_code == 201  # a new plan once the old one is closed
        listed = await casework.client.get(
            "/v1/support-plans", params={"subject_id": ids["subject"]}, headers=casework.headers(casework.DIRECTOR)
        )
        assert [p["status"] for p in listed.json()["items"]] == ["active", "closed"]

    async def test_not_found(self, casework: Casework) -> None:
        ids = await casework.young_person("46/921/26")
        created = (await plan(casework, ids)).json()
        response = await casework.client.get(
            f"/v1/support-plans/{created['id']}", headers=casework.headers(casework.THANET)
        )
        assert response.status_code == 404
        assert response.json()["type"].endswith("/support-plan-not-found")
