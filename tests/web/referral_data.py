"""Records for the referral and forum journeys, made through the API (each test its own, with unique names)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx

from tests.conftest import auth, client_token, password_token

COORDINATOR = "coordinator.medway-swale@example.org"
PARTNER = "partner@example.org"
CSWS = "childrens-social-work-services"
MAM = "mam-medway-swale"


def ok(response: httpx.Response, status: int = 200) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()
    return body


@dataclass(frozen=True)
class YoungPerson:
    subject_id: str
    review_id: str
    given_name: str
    family_name: str

    @property
    def name(self) -> str:
        return f"{self.given_name} {self.family_name}"


def young_person(gateway: httpx.Client, given_name: str, district: str = "medway") -> YoungPerson:
    """A crime report from the police feed: a 15-year-old victim in the district, screened in for review."""
    unique = uuid.uuid4().hex[:10]
    family_name = f"Web{unique.capitalize()}"
    reference = f"46/WEB-{unique}/26"
    today = datetime.now(UTC).date()
    feed = client_token(gateway, "police-crime-feed", "dev-only-police-feed-secret")
    report = {
        "crime_reference": reference,
        "occurred_at": (datetime.now(UTC) - timedelta(days=1)).isoformat(),
        "district": district,
        "category": "drug-supply-linked",
        "location": "Chatham",
        "people": [
            {
                "role": "victim",
                "police_person_id": f"KP-WEB-{unique}",
                "given_name": given_name,
                "family_name": family_name,
                "date_of_birth": date(today.year - 15, 3, 14).isoformat(),
                "home_district": district,
            }
        ],
    }
    assert ok(gateway.post("/v1/imports/incidents", json={"reports": [report]}, headers=auth(feed)))["created"] == 1
    coordinator = password_token(gateway, COORDINATOR)
    (incident,) = ok(gateway.get("/v1/incidents", params={"crime_reference": reference}, headers=auth(coordinator)))[
        "items"
    ]
    detail = ok(gateway.get(f"/v1/incidents/{incident['id']}", headers=auth(coordinator)))
    return YoungPerson(detail["people"][0]["subject_id"], incident["review_id"], given_name, family_name)


def sent_referral(gateway: httpx.Client, person: YoungPerson, *, to_forum: bool = False) -> str:
    """A referral of the young person, drafted with its lawful basis and sent by the coordinator: its id."""
    coordinator = password_token(gateway, COORDINATOR)
    destination = {"forum": MAM} if to_forum else {"partner_agency": CSWS}
    referral = ok(
        gateway.post(
            "/v1/referrals",
            json={
                "subject_id": person.subject_id,
                "review_id": person.review_id,
                **destination,
                "reason": "Exploited into drug running; missing from home twice this month.",
                "lawful_basis": "public_task",
                "consent": "given",
            },
            headers=auth(coordinator),
        ),
        201,
    )
    ok(gateway.post(f"/v1/referrals/{referral['id']}/transitions", json={"to": "sent"}, headers=auth(coordinator)))
    return str(referral["id"])


def meeting_with_action(gateway: httpx.Client, person: YoungPerson, description: str) -> tuple[str, str]:
    """A meeting of the area's multi-agency meeting deciding on the young person's referral, with one action for
    Children's Social Work Services due in a week: (meeting id, action id)."""
    referral_id = sent_referral(gateway, person, to_forum=True)
    coordinator = password_token(gateway, COORDINATOR)
    meeting = ok(
        gateway.post(
            "/v1/meetings",
            json={"forum": MAM, "held_at": datetime.now(UTC).isoformat(), "attending_agencies": [CSWS]},
            headers=auth(coordinator),
        ),
        201,
    )
    due = (datetime.now(UTC).date() + timedelta(days=7)).isoformat()
    decision = ok(
        gateway.post(
            f"/v1/meetings/{meeting['id']}/decisions",
            json={
                "referral_id": referral_id,
                "decision": "Safety plan agreed.",
                "actions": [{"owner_agency": CSWS, "description": description, "due_on": due}],
            },
            headers=auth(coordinator),
        ),
        201,
    )
    return str(meeting["id"]), str(decision["actions"][0]["id"])
