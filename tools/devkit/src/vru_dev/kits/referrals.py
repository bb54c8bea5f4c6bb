"""Test support for the casework tests (like ``vru_dev.kits.identity``): a helper that imports incidents, makes
referrals and links partner agencies through the API, as the unit's people would."""

import uuid
from dataclasses import dataclass
from typing import Any

import httpx
from fastapi import FastAPI
from sqlalchemy import text

from vru_dev.testing import TestIssuer


@dataclass
class Casework:
    """Calls the API as the unit's people would; token claims by role."""

    client: httpx.AsyncClient
    issuer: TestIssuer
    app: FastAPI

    ANALYST = {"roles": ["analyst"], "sub": "analyst-1", "name": "Analyst (example.org)"}
    MEDWAY_SWALE = {
        "roles": ["coordinator"],
        "districts": ["medway", "swale"],
        "sub": "coordinator-ms",
        "name": "Coordinator MS",
    }
    THANET = {"roles": ["coordinator"], "districts": ["thanet", "canterbury"], "sub": "coordinator-tc"}
    DIRECTOR = {"roles": ["director"], "sub": "director-1"}
    AUDITOR = {"roles": ["auditor"], "sub": "auditor-1"}
    ADMIN = {"roles": ["admin"], "sub": "admin-1"}
    FEED = {"kind": "client", "scopes": ["incidents:ingest"], "client_id": "police-feed", "sub": "police-feed-client"}

    def headers(self, token: dict[str, Any], **extra: str) -> dict[str, str]:
        return {**self.issuer.headers(**token), **extra}

    async def young_person(
        self, reference: str, district: str = "swale", *, given_name: str = "Alex"
    ) -> dict[str, str]:
        """Import a knife incident with one 16-year-old; returns its incident, review and subject ids."""
        report = {
            "crime_reference": reference,
            "occurred_at": "2026-10-14T22:40:00Z",
            "district": district,
            "category": "drug-supply-linked",
            "weapon_knife": True,
            "people": [
                {
                    "role": "victim",
                    "given_name": given_name,
                    "family_name": "Example" + "".join(c for c in reference if c.isdigit()),
                    "date_of_birth": "2010-03-14",
                }
            ],
        }
        response = await self.client.post(
            "/v1/imports/incidents", json={"reports": [report]}, headers=self.headers(self.FEED)
        )
        assert response.json()["created"] == 1, response.text
        listed = await self.client.get(
            "/v1/incidents", params={"crime_reference": reference}, headers=self.headers(self.ANALYST)
        )
        incident = (
            await self.client.get(
                f"/v1/incidents/{listed.json()['items'][0]['id']}", headers=self.headers(self.ANALYST)
            )
        ).json()
        return {
            "incident": incident["id"],
            "review": incident["review_id"],
            "subject": incident["people"][0]["subject_id"],
        }

    async def refer(
        self, ids: dict[str, str], token: dict[str, Any] | None = None, *, send: bool = False, **destination: Any
    ) -> dict[str, Any]:
        body = {
            "subject_id": ids["subject"],
            "review_id": ids["review"],
            "reason": "Exploited into drug running; returned from London.",
            "lawful_basis": "public_task",
            "consent": "given",
            **destination,
        }
        response = await self.client.post("/v1/referrals", json=body, headers=self.headers(token or self.MEDWAY_SWALE))
        assert response.status_code == 201, response.text
        referral: dict[str, Any] = response.json()
        if send:
            referral = await self.move(referral["id"], "sent")
        return referral

    async def move(self, referral_id: str, to: str, token: dict[str, Any] | None = None, **body: Any) -> dict[str, Any]:
        response = await self.client.post(
            f"/v1/referrals/{referral_id}/transitions",
            json={"to": to, **body},
            headers=self.headers(token or self.MEDWAY_SWALE),
        )
        assert response.status_code == 200, response.text
        result: dict[str, Any] = response.json()
        return result

    async def link_partner(self, code: str) -> dict[str, Any]:
        """Link a partner agency to a new identity agency; returns a token for one of its people."""
        path = f"/v1/partner-agencies/{code}"
        etag = (await self.client.get(path, headers=self.headers(self.ADMIN))).headers["etag"]
        agency = uuid.uuid4()
        response = await self.client.patch(
            path, json={"identity_agency_id": str(agency)}, headers=self.headers(self.ADMIN, **{"If-Match": etag})
        )
        assert response.status_code == 200, response.text
        return {"roles": ["partner_agency"], "agency": agency, "sub": f"partner-{code}", "name": f"Worker at {code}"}

    async def audit(self, actor: str) -> list[tuple[str, str, list[str], str, str | None]]:
        async with self.app.state.sessionmaker() as session:
            rows = await session.execute(
                text(
                    "SELECT action, record_type, record_ids, purpose, agency_id::text FROM referrals_audit.audit_log "
                    "WHERE actor_subject = :a ORDER BY id"
                ),
                {"a": actor},
            )
            return [(r[0], r[1], list(r[2]), r[3], r[4]) for r in rows.all()]
