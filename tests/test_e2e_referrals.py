"""End to end, through the real gateway and services: the newsletter's case study. A 16-year-old exploited into
drug running is in the police's crime feed; the Medway & Swale coordinator reviews it and refers him to the
area's multi-agency meeting, which agrees actions for Children's Social Work Services, Youth Justice and the
substance-misuse service; an NRM referral follows; the referrals complete with outcomes. The partner agency
sees exactly what was sent to it, and its reads are in the audit log with the agency named."""

from __future__ import annotations

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx
import jwt
import pytest

from .conftest import auth, client_token, password_token

pytestmark = pytest.mark.e2e

MAM = "mam-medway-swale"
CSWS = "childrens-social-work-services"
YJS = "youth-justice-service"
SMS = "substance-misuse-service"
NRM = "national-referral-mechanism"


def ok(response: httpx.Response, status: int = 200) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()
    return body


def claims(token: str) -> dict[str, Any]:
    decoded: dict[str, Any] = jwt.decode(token, options={"verify_signature": False})
    return decoded


def move(gateway: httpx.Client, token: str, referral_id: str, to: str, **body: Any) -> dict[str, Any]:
    return ok(gateway.post(f"/v1/referrals/{referral_id}/transitions", json={"to": to, **body}, headers=auth(token)))


def test_the_case_study(gateway: httpx.Client) -> None:
    unique = uuid.uuid4().hex[:10]
    reference = f"46/E2E-{unique}/26"
    today = datetime.now(UTC).date()
    born = date(today.year - 16, 1, 1) - timedelta(days=90)

    # The police feed sends the crime report: a 16-year-old, drug-supply-linked, in Swale.
    feed = client_token(gateway, "police-crime-feed", "dev-only-police-feed-secret")
    report = {
        "crime_reference": reference,
        "occurred_at": (datetime.now(UTC) - timedelta(days=2)).isoformat(),
        "district": "swale",
        "category": "drug-supply-linked",
        "location": "Sittingbourne",
        "people": [
            {
                "role": "victim",
                "police_person_id": f"KP-E2E-{unique}",
                "given_name": "Jordan",
                "family_name": f"Example{unique}",
                "date_of_birth": born.isoformat(),
                "home_district": "swale",
            }
        ],
    }
    assert ok(gateway.post("/v1/imports/incidents", json={"reports": [report]}, headers=auth(feed)))["created"] == 1

    coordinator = password_token(gateway, "coordinator.medway-swale@example.org")
    (incident,) = ok(gateway.get("/v1/incidents", params={"crime_reference": reference}, headers=auth(coordinator)))[
        "items"
    ]
    review_id = incident["review_id"]
    detail = ok(gateway.get(f"/v1/incidents/{incident['id']}", headers=auth(coordinator)))
    subject_id = detail["people"][0]["subject_id"]

    # The coordinator takes the review and refers him to the area's multi-agency meeting.
    review = gateway.get(f"/v1/reviews/{review_id}", headers=auth(coordinator))
    ok(
        gateway.post(
            f"/v1/reviews/{review_id}/transitions",
            json={"to": "in_review"},
            headers={**auth(coordinator), "If-Match": review.headers["etag"]},
        )
    )
    basis = {"lawful_basis": "public_task", "consent": "given"}
    to_meeting = ok(
        gateway.post(
            "/v1/referrals",
            json={
                "subject_id": subject_id,
                "review_id": review_id,
                "forum": MAM,
                "reason": "Exploited into drug running; went missing to London; wants help.",
                **basis,
            },
            headers=auth(coordinator),
        ),
        201,
    )
    duplicate = gateway.post(
        "/v1/referrals",
        json={"subject_id": subject_id, "review_id": review_id, "forum": MAM, "reason": "Again, by mistake."},
        headers=auth(coordinator),
    )
    assert duplicate.status_code == 409
    assert duplicate.json()["type"].endswith("/duplicate-referral")
    assert duplicate.json()["existing_referral_id"] == to_meeting["id"]
    move(gateway, coordinator, to_meeting["id"], "sent")
    ok(
        gateway.post(
            f"/v1/reviews/{review_id}/transitions",
            json={"to": "referred", "reason": "Coordinator-convened multi-agency meeting."},
            headers=auth(coordinator),
        )
    )

    # The meeting: its agenda holds the referral; decisions and actions for three agencies.
    meeting = ok(
        gateway.post(
            "/v1/meetings",
            json={
                "forum": MAM,
                "held_at": (datetime.now(UTC) + timedelta(days=1)).isoformat(),
                "attending_agencies": [CSWS, YJS, SMS],
            },
            headers=auth(coordinator),
        ),
        201,
    )
    agenda = ok(gateway.get(f"/v1/meetings/{meeting['id']}/agenda", headers=auth(coordinator)))
    assert to_meeting["id"] in [item["referral_id"] for item in agenda["items"]]
    due = (today + timedelta(days=7)).isoformat()
    decision = ok(
        gateway.post(
            f"/v1/meetings/{meeting['id']}/decisions",
            json={
                "referral_id": to_meeting["id"],
                "decision": "Safety network: electronic tag, NRM referral, return to education, weekly "
                "substance-misuse support.",
                "actions": [
                    {"owner_agency": CSWS, "description": "Complete and submit the NRM referral.", "due_on": due},
                    {"owner_agency": YJS, "description": "Arrange the electronic tag.", "due_on": due},
                    {"owner_agency": SMS, "description": "Start weekly one-to-one sessions.", "due_on": due},
                ],
            },
            headers=auth(coordinator),
        ),
        201,
    )
    assert sorted(a["owner_agency"]["code"] for a in decision["actions"]) == sorted([CSWS, YJS, SMS])
    ok(
        gateway.patch(
            f"/v1/meetings/{meeting['id']}",
            json={"status": "held", "minutes": "Present: CSWS, YJS, substance-misuse service. Plan agreed."},
            headers={**auth(coordinator), "If-Match": f'"v{meeting["version"]}"'},
        )
    )

    # Referrals to Children's Social Work Services and to the National Referral Mechanism.
    to_csws = ok(
        gateway.post(
            "/v1/referrals",
            json={
                "subject_id": subject_id,
                "review_id": review_id,
                "partner_agency": CSWS,
                "reason": "NRM and support.",
                **basis,
            },
            headers=auth(coordinator),
        ),
        201,
    )
    move(gateway, coordinator, to_csws["id"], "sent")
    to_nrm = ok(
        gateway.post(
            "/v1/referrals",
            json={
                "subject_id": subject_id,
                "review_id": review_id,
                "partner_agency": NRM,
                "reason": "Child criminal exploitation.",
                **basis,
            },
            headers=auth(coordinator),
        ),
        201,
    )
    move(gateway, coordinator, to_nrm["id"], "sent")

    # The partner agency sees exactly what was sent to it, and nothing else.
    partner = password_token(gateway, "partner@example.org")
    shared = ok(gateway.get("/v1/referrals", params={"limit": 200}, headers=auth(partner)))["items"]
    analyst = password_token(gateway, "analyst@example.org")
    sent_to_csws = ok(
        gateway.get("/v1/referrals", params={"partner_agency": CSWS, "limit": 200}, headers=auth(analyst))
    )["items"]
    assert {r["id"] for r in shared} == {r["id"] for r in sent_to_csws if r["status"] != "draft"}
    assert to_csws["id"] in {r["id"] for r in shared}
    seen = ok(gateway.get(f"/v1/referrals/{to_csws['id']}", headers=auth(partner)))
    assert seen["view"] == "shared"
    assert set(seen["subject"]) == {"given_name", "family_name", "date_of_birth"}
    for other in (to_nrm["id"], to_meeting["id"]):
        missing = gateway.get(f"/v1/referrals/{other}", headers=auth(partner))
        assert missing.status_code == 404
        assert missing.json()["type"].endswith("/referral-not-found")
    for path in (f"/v1/reviews/{review_id}", "/v1/reviews", f"/v1/incidents/{incident['id']}", "/v1/incidents"):
        refused = gateway.get(path, headers=auth(partner))
        assert refused.status_code == 403, path
        assert refused.json()["type"].endswith("/forbidden"), path
    accepted = move(gateway, partner, to_csws["id"], "accepted")

    # Two changes made from the same read: one wins, the other is told 412 (nothing silently overwritten).
    etag = f'"v{accepted["version"]}"'
    start = threading.Barrier(2)

    def patch(token: str, note: str) -> int:
        with httpx.Client(base_url=str(gateway.base_url), timeout=10.0) as client:
            start.wait()
            response = client.patch(
                f"/v1/referrals/{to_csws['id']}", json={"note": note}, headers={**auth(token), "If-Match": etag}
            )
            return response.status_code

    with ThreadPoolExecutor(2) as pool:
        statuses = list(pool.map(patch, [partner, coordinator], ["Allocated to a social worker.", "Family informed."]))
    assert sorted(statuses) == [200, 412]

    # Everything completes with outcomes.
    move(gateway, partner, to_csws["id"], "in_progress")
    move(gateway, partner, to_csws["id"], "completed", outcome="NRM submitted; social worker allocated.")
    for referral_id, outcome in (
        (to_nrm["id"], "Positive reasonable-grounds decision."),
        (to_meeting["id"], "Tag fitted; back in education; weekly substance-misuse support continues."),
    ):
        move(gateway, coordinator, referral_id, "accepted")
        move(gateway, coordinator, referral_id, "in_progress")
        move(gateway, coordinator, referral_id, "completed", outcome=outcome)
    page = ok(gateway.get(f"/v1/subjects/{subject_id}", headers=auth(coordinator)))
    assert sorted((r["destination"]["code"], r["status"]) for r in page["referrals"]) == [
        (CSWS, "completed"),
        (MAM, "completed"),
        (NRM, "completed"),
    ]

    # The auditor sees the partner's reads, with the agency; the subject-access export holds every record.
    auditor = password_token(gateway, "auditor@example.org")
    who = claims(partner)
    entries = ok(gateway.get("/v1/audit-log", params={"actor": who["sub"], "limit": 200}, headers=auth(auditor)))[
        "items"
    ]
    reads = [e for e in entries if e["action"] == "read" and to_csws["id"] in e["record_ids"]]
    assert reads
    assert all(e["agency_id"] == who["agency"] for e in reads)
    assert all("Children's Social Work Services" in e["purpose"] for e in reads)
    export_response = gateway.get(
        f"/v1/subject-access/{subject_id}", headers={**auth(auditor), "X-Request-ID": "dpo-case-2026-117"}
    )
    export = ok(export_response)
    assert {r["id"] for r in export["referrals"]} == {to_meeting["id"], to_csws["id"], to_nrm["id"]}
    assert [i["crime_reference"] for i in export["incidents"]] == [reference]
    assert [r["id"] for r in export["reviews"]] == [review_id]
    assert [d["id"] for d in export["meeting_decisions"]] == [decision["id"]]
    assert len(export["actions"]) == 3
    audited = ok(
        gateway.get("/v1/audit-log", params={"record_id": subject_id, "action": "export"}, headers=auth(auditor))
    )["items"]
    assert [e["purpose"] for e in audited] == ["subject access export"]
    # The audit log records the gateway's request id (what the response carried), and the caller's own apart.
    assert audited[0]["request_id"] == export_response.headers["x-request-id"] != "dpo-case-2026-117"
    assert audited[0]["client_request_id"] == "dpo-case-2026-117"

    # The ETP inventory service's crime-reference check (no personal data).
    check = ok(
        gateway.get("/v1/incidents/reference-check", params={"crime_reference": reference}, headers=auth(analyst))
    )
    assert check == {"crime_reference": reference, "known": True}
