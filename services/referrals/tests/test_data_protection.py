"""Subject access (everything about one young person, audited) and retention: the review list and erasure
that leaves an audit entry but no personal data."""

import uuid
from datetime import date, timedelta
from typing import Any

import httpx
from sqlalchemy import text

from vru_dev.kits.referrals import Casework

MAM = "mam-medway-swale"


async def full_case(casework: Casework, reference: str) -> dict[str, Any]:
    """A young person with a review, a referral to the area meeting decided with an action, a completed NRM
    referral and a support plan."""
    ids = await casework.young_person(reference)
    meeting = await casework.client.post(
        "/v1/meetings",
        json={"forum": MAM, "held_at": "2026-11-24T10:00:00Z"},
        headers=casework.headers(casework.ANALYST),
    )
    referral = await casework.refer(ids, send=True, forum=MAM)
    decision = await casework.client.post(
        f"/v1/meetings/{meeting.json()['id']}/decisions",
        json={
            "referral_id": referral["id"],
            "decision": "Safety plan agreed.",
            "actions": [
                {
                    "owner_agency": "youth-justice-service",
                    "description": "Arrange the tag.",
                    "due_on": str(date.today()),
                }
            ],
        },
        headers=casework.headers(casework.ANALYST),
    )
    nrm = await casework.refer(ids, send=True, partner_agency="national-referral-mechanism")
    plan = await casework.client.post(
        "/v1/support-plans",
        json={"subject_id": ids["subject"], "summary": "Safety network."},
        headers=casework.headers(casework.ANALYST),
    )
    return {
        **ids,
        "meeting": meeting.json()["id"],
        "referral": referral["id"],
        "nrm": nrm["id"],
        "decision": decision.json()["id"],
        "action": decision.json()["actions"][0]["id"],
        "plan": plan.json()["id"],
    }


async def close_everything(casework: Casework, case: dict[str, Any]) -> None:
    staff = casework.ANALYST
    for referral in (case["referral"], case["nrm"]):
        await casework.move(referral, "withdrawn", staff, reason="Case closed.")
    for path, change in (
        (f"/v1/actions/{case['action']}", {"status": "done"}),
        (f"/v1/support-plans/{case['plan']}", {"status": "closed"}),
    ):
        etag = (await casework.client.get(path, headers=casework.headers(staff))).headers["etag"]
        changed = await casework.client.patch(path, json=change, headers=casework.headers(staff, **{"If-Match": etag}))
        assert changed.status_code == 200
    for step in ("in_review", "no_further_action", "closed"):
        response = await casework.client.post(
            f"/v1/reviews/{case['review']}/transitions",
            json={"to": step, "reason": "Support in place elsewhere."} if step == "no_further_action" else {"to": step},
            headers=casework.headers(staff),
        )
        assert response.status_code == 200, response.text


class TestSubjectAccess:
    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        assert (await client.get(f"/v1/subject-access/{uuid.uuid4()}")).status_code == 401

    async def test_forbidden(self, casework: Casework) -> None:
        for token in (casework.ANALYST, casework.DIRECTOR, {"roles": ["partner_agency"], "agency": uuid.uuid4()}):
            response = await casework.client.get(f"/v1/subject-access/{uuid.uuid4()}", headers=casework.headers(token))
            assert response.status_code == 403
            assert response.json()["type"].endswith("/forbidden")

    async def test_not_found(self, casework: Casework) -> None:
        response = await casework.client.get(
            f"/v1/subject-access/{uuid.uuid4()}", headers=casework.headers(casework.AUDITOR)
        )
        assert response.status_code == 404
        assert response.json()["type"].endswith("/subject-not-found")

    async def test_valid_everything_held_and_audited(self, casework: Casework) -> None:
        case = await full_case(casework, "46/960/26")
        response = await casework.client.get(
            f"/v1/subject-access/{case['subject']}", headers=casework.headers(casework.AUDITOR)
        )
        assert response.status_code == 200, response.text
        export = response.json()
        assert export["subject"]["id"] == case["subject"]
        assert [i["crime_reference"] for i in export["incidents"]] == ["46/960/26"]
        assert [r["id"] for r in export["reviews"]] == [case["review"]]
        assert {r["id"] for r in export["referrals"]} == {case["referral"], case["nrm"]}
        assert [d["id"] for d in export["meeting_decisions"]] == [case["decision"]]
        assert [a["id"] for a in export["actions"]] == [case["action"]]
        assert [p["id"] for p in export["support_plans"]] == [case["plan"]]
        logged = {(e["action"], e["purpose"]) for e in export["audit_entries"]}
        assert (
            "disclose",
            "referral sent to National Referral Mechanism (Home Office) (national-referral-mechanism)",
        ) in logged
        assert await casework.audit("auditor-1") == [
            ("export", "subject", [case["subject"]], "subject access export", None)
        ]


class TestRetention:
    async def test_review_list(self, casework: Casework) -> None:
        old = await casework.young_person("46/970/26")
        busy = await casework.young_person("46/971/26", given_name="Sam")
        async with casework.app.state.sessionmaker() as session, session.begin():
            for ids in (old, busy):
                params = {
                    "s": uuid.UUID(ids["subject"]),
                    "i": uuid.UUID(ids["incident"]),
                    "r": uuid.UUID(ids["review"]),
                }
                await session.execute(
                    text(
                        "UPDATE subjects SET updated_at = now() - interval '8 years', "
                        "date_of_birth = date '1990-01-01' WHERE id = :s"
                    ),
                    params,
                )
                await session.execute(
                    text(
                        "UPDATE incidents SET occurred_at = now() - interval '8 years', "
                        "updated_at = now() - interval '8 years' WHERE id = :i"
                    ),
                    params,
                )
                await session.execute(
                    text("UPDATE reviews SET updated_at = now() - interval '7 years' WHERE id = :r"), params
                )
            await session.execute(
                text("UPDATE reviews SET status = 'closed' WHERE id = :r"), {"r": uuid.UUID(old["review"])}
            )
        response = await casework.client.get("/v1/retention/review-list", headers=casework.headers(casework.AUDITOR))
        assert response.status_code == 200, response.text
        items = response.json()["items"]
        assert [i["subject_id"] for i in items] == [old["subject"]]  # the other one's review is still open
        assert date.fromisoformat(items[0]["retain_until"]) < date.today() - timedelta(days=300)
        forbidden = await casework.client.get("/v1/retention/review-list", headers=casework.headers(casework.ANALYST))
        assert forbidden.status_code == 403
        assert forbidden.json()["type"].endswith("/forbidden")


class TestErasure:
    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        response = await client.post(
            "/v1/retention/erasures", json={"subject_id": str(uuid.uuid4()), "reason": "erasure_request"}
        )
        assert response.status_code == 401

    async def test_forbidden(self, casework: Casework) -> None:
        response = await casework.client.post(
            "/v1/retention/erasures",
            json={"subject_id": str(uuid.uuid4()), "reason": "erasure_request"},
            headers=casework.headers(casework.ANALYST),
        )
        assert response.status_code == 403
        assert response.json()["type"].endswith("/forbidden")

    async def test_not_found(self, casework: Casework) -> None:
        response = await casework.client.post(
            "/v1/retention/erasures",
            json={"subject_id": str(uuid.uuid4()), "reason": "erasure_request"},
            headers=casework.headers(casework.AUDITOR),
        )
        assert response.status_code == 404
        assert response.json()["type"].endswith("/subject-not-found")

    async def test_valid_leaves_an_audit_entry_and_no_personal_data(self, casework: Casework) -> None:
        case = await full_case(casework, "46/980/26")
        body = {"subject_id": case["subject"], "reason": "retention_period_ended"}
        refused = await casework.client.post(
            "/v1/retention/erasures", json=body, headers=casework.headers(casework.AUDITOR)
        )
        assert refused.status_code == 409
        assert refused.json()["type"].endswith("/casework-still-open")
        await close_everything(casework, case)
        erased = await casework.client.post(
            "/v1/retention/erasures", json=body, headers=casework.headers(casework.AUDITOR)
        )
        assert erased.status_code == 200, erased.text
        counts = erased.json()["erased"]
        assert (counts["subjects"], counts["incidents"], counts["referrals"], counts["reviews"]) == (1, 1, 2, 1)
        assert (counts["meeting_decisions"], counts["support_plans"]) == (1, 1)
        for path, slug in (
            (f"/v1/subjects/{case['subject']}", "subject-not-found"),
            (f"/v1/referrals/{case['nrm']}", "referral-not-found"),
            (f"/v1/reviews/{case['review']}", "review-not-found"),
        ):
            missing = await casework.client.get(path, headers=casework.headers(casework.ANALYST))
            assert missing.status_code == 404, path
            assert missing.json()["type"].endswith(f"/{slug}"), path
        async with casework.app.state.sessionmaker() as session:
            found = await session.execute(
                text(
                    "SELECT (SELECT count(*) FROM incident_people WHERE family_name = 'Example4698026') "
                    "+ (SELECT count(*) FROM subjects WHERE family_name = 'Example4698026') "
                    "+ (SELECT count(*) FROM incidents WHERE crime_reference = '46/980/26')"
                )
            )
            assert found.scalar_one() == 0
        (entry,) = [e for e in await casework.audit("auditor-1") if e[0] == "erase"]
        assert entry[1:4] == (
            "subject",
            [case["subject"], case["referral"], case["nrm"]],
            "erasure: retention period ended",
        )
        assert "Example" not in str(entry)
