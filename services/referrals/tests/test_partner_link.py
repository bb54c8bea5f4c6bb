"""Linking partner agencies to the identity service's agencies (and the development seed); the crime
reference check for the ETP inventory service."""

import uuid

import httpx

from referrals.seed import DEV_LINKS, identity_agency_id, seed_development
from vru_dev.kits.referrals import Casework

CSWS = "/v1/partner-agencies/childrens-social-work-services"


class TestLinkPartner:
    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        assert (await client.patch(CSWS, json={"identity_agency_id": None})).status_code == 401

    async def test_forbidden(self, casework: Casework) -> None:
        for token in (casework.MEDWAY_SWALE, {"roles": ["partner_agency"], "agency": uuid.uuid4()}):
            response = await casework.client.patch(
                CSWS, json={"identity_agency_id": None}, headers=casework.headers(token, **{"If-Match": '"v1"'})
            )
            assert response.status_code == 403
            assert response.json()["type"].endswith("/forbidden")

    async def test_not_found(self, casework: Casework) -> None:
        response = await casework.client.patch(
            "/v1/partner-agencies/nobody",
            json={"identity_agency_id": None},
            headers=casework.headers(casework.ADMIN, **{"If-Match": '"v1"'}),
        )
        assert response.status_code == 404
        assert response.json()["type"].endswith("/partner-agency-not-found")

    async def test_valid(self, casework: Casework) -> None:
        current = await casework.client.get(CSWS, headers=casework.headers(casework.ANALYST))
        agency = str(uuid.uuid4())
        body = {"identity_agency_id": agency}
        missing = await casework.client.patch(CSWS, json=body, headers=casework.headers(casework.ANALYST))
        assert missing.status_code == 428
        linked = await casework.client.patch(
            CSWS, json=body, headers=casework.headers(casework.ANALYST, **{"If-Match": current.headers["etag"]})
        )
        assert linked.status_code == 200
        assert linked.json()["identity_agency_id"] == agency
        stale = await casework.client.patch(
            CSWS,
            json={"identity_agency_id": None},
            headers=casework.headers(casework.ADMIN, **{"If-Match": current.headers["etag"]}),
        )
        assert stale.status_code == 412
        other = "/v1/partner-agencies/youth-justice-service"
        etag = (await casework.client.get(other, headers=casework.headers(casework.ADMIN))).headers["etag"]
        taken = await casework.client.patch(
            other, json=body, headers=casework.headers(casework.ADMIN, **{"If-Match": etag})
        )
        assert taken.status_code == 409
        assert taken.json()["type"].endswith("/identity-agency-already-linked")

    async def test_development_seed(self, casework: Casework) -> None:
        async with casework.app.state.sessionmaker() as session, session.begin():
            assert await seed_development(session) == len(DEV_LINKS)
            assert await seed_development(session) == 0
        shown = await casework.client.get(CSWS, headers=casework.headers(casework.ANALYST))
        # identity.seed.seed_id("agency", "childrens-social-work-services"), the dev partner person's agency
        assert shown.json()["identity_agency_id"] == str(identity_agency_id("childrens-social-work-services"))
        assert shown.json()["identity_agency_id"] == str(
            uuid.uuid5(uuid.UUID("b7e0c3a4-1d2f-4c6e-9a8b-5f4e3d2c1b0a"), "agency:childrens-social-work-services")
        )


class TestReferenceCheck:
    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        assert (await client.get("/v1/incidents/reference-check", params={"crime_reference": "x"})).status_code == 401

    async def test_forbidden(self, casework: Casework) -> None:
        for token in (casework.MEDWAY_SWALE, casework.FEED, {"roles": ["csp_officer"]}):
            response = await casework.client.get(
                "/v1/incidents/reference-check", params={"crime_reference": "46/1/26"}, headers=casework.headers(token)
            )
            assert response.status_code == 403
            assert response.json()["type"].endswith("/forbidden")

    async def test_valid(self, casework: Casework) -> None:
        ids = await casework.young_person("46/950/26")
        service = {"roles": ["service"], "kind": "client", "sub": "etp-inventory-service"}
        for reference, known in (("46/950/26", True), ("46/951/26", False)):
            response = await casework.client.get(
                "/v1/incidents/reference-check",
                params={"crime_reference": reference},
                headers=casework.headers(service),
            )
            assert response.status_code == 200
            assert response.json() == {"crime_reference": reference, "known": known}
        assert await casework.audit("etp-inventory-service") == [
            ("read", "incident", [ids["incident"]], "crime reference check", None)
        ]
        missing = await casework.client.get("/v1/incidents/reference-check", headers=casework.headers(service))
        assert missing.status_code == 422
