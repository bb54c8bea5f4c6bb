"""Locations: the central store and a CSP per district (seeded), sites with guardians; district filters in the
queries; the lock code only for the owning CSP and the site's guardians; If-Match on changes."""

import uuid
from typing import Any

import httpx
import pytest

from vru_dev.kits.etp_inventory import (
    CSP_MEDWAY,
    CSP_SWALE,
    GUARDIAN,
    OTHER_GUARDIAN,
    PARTNER,
    STAFF,
    FakeIdentity,
    site_body,
)
from vru_dev.testing import TestIssuer


async def new_site(client: httpx.AsyncClient, issuer: TestIssuer, name: str, **overrides: Any) -> dict[str, Any]:
    response = await client.post("/v1/sites", json=site_body(name, **overrides), headers=issuer.headers(**STAFF))
    assert response.status_code == 201, response.text
    return dict(response.json())


async def guard(client: httpx.AsyncClient, issuer: TestIssuer, site_id: str, subject: str) -> httpx.Response:
    return await client.put(
        f"/v1/sites/{site_id}/guardians/{subject}", json={"name": "Sam Example"}, headers=issuer.headers(**CSP_MEDWAY)
    )


class TestListLocations:
    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        assert (await client.get("/v1/locations")).status_code == 401

    async def test_forbidden(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        refused = await client.get("/v1/locations", headers=issuer.headers(**PARTNER))
        assert refused.status_code == 403
        assert refused.json()["type"].endswith("/forbidden")

    async def test_valid(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        everything = (await client.get("/v1/locations?limit=200", headers=issuer.headers(**STAFF))).json()["items"]
        kinds = [loc["kind"] for loc in everything]
        assert kinds.count("central_store") == 1
        assert sorted(loc["district"] for loc in everything if loc["kind"] == "csp") == sorted(
            [
                "ashford", "canterbury", "dartford", "dover", "folkestone-hythe", "gravesham", "maidstone",
                "medway", "sevenoaks", "swale", "thanet", "tonbridge-malling", "tunbridge-wells",
            ]
        )  # fmt: skip

    async def test_csp_officer_sees_own_district_only(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        await new_site(client, issuer, "Swale site", district="swale")
        mine = (await client.get("/v1/locations", headers=issuer.headers(**CSP_MEDWAY))).json()["items"]
        assert {loc["district"] for loc in mine} == {"medway"}
        assert [loc["kind"] for loc in mine] == ["csp"]


class TestCreateSite:
    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        assert (await client.post("/v1/sites", json=site_body("A"))).status_code == 401

    async def test_forbidden(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        for who in (GUARDIAN, PARTNER):
            response = await client.post("/v1/sites", json=site_body("A"), headers=issuer.headers(**who))
            assert response.status_code == 403
            assert response.json()["type"].endswith("/forbidden")

    async def test_other_district(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.post("/v1/sites", json=site_body("A"), headers=issuer.headers(**CSP_SWALE))
        assert response.status_code == 403
        assert response.json()["type"].endswith("/not-your-district")

    async def test_valid(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.post(
            "/v1/sites", json=site_body("Gillingham station", postcode="me7 1xe"), headers=issuer.headers(**CSP_MEDWAY)
        )
        assert response.status_code == 201
        site = response.json()
        assert response.headers["etag"] == '"v1"'
        assert site["postcode"] == "ME7 1XE"
        assert site["lock_code"] == "C-SECRET-1"  # the owning CSP sees it
        assert site["on_hand"] == 0
        csps = (await client.get("/v1/locations?kind=csp&district=medway", headers=issuer.headers(**STAFF))).json()
        assert site["csp_id"] == csps["items"][0]["id"]

    async def test_locked_cabinet_needs_code(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.post("/v1/sites", json=site_body("A", lock_code=None), headers=issuer.headers(**STAFF))
        assert response.status_code == 422

    async def test_unknown_district(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.post("/v1/sites", json=site_body("A", district="kent"), headers=issuer.headers(**STAFF))
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "district"


class TestGetSite:
    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        assert (await client.get(f"/v1/sites/{uuid.uuid4()}")).status_code == 401

    async def test_forbidden(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        refused = await client.get(f"/v1/sites/{uuid.uuid4()}", headers=issuer.headers(**PARTNER))
        assert refused.status_code == 403
        assert refused.json()["type"].endswith("/forbidden")

    async def test_not_found(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.get(f"/v1/sites/{uuid.uuid4()}", headers=issuer.headers(**STAFF))
        assert response.status_code == 404
        assert response.json()["type"].endswith("/site-not-found")

    async def test_lock_code_audiences(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        site = await new_site(client, issuer, "Rochester high street")
        assert site["lock_code"] is None  # staff manage it but do not see the code
        assert (await guard(client, issuer, site["id"], GUARDIAN["sub"])).status_code == 201
        url = f"/v1/sites/{site['id']}"
        assert (await client.get(url, headers=issuer.headers(**CSP_MEDWAY))).json()["lock_code"] == "C-SECRET-1"
        assert (await client.get(url, headers=issuer.headers(**GUARDIAN))).json()["lock_code"] == "C-SECRET-1"
        assert (await client.get(url, headers=issuer.headers(**STAFF))).json()["lock_code"] is None
        # another district's officer and an unassigned guardian cannot see the site at all
        other_district = await client.get(url, headers=issuer.headers(**CSP_SWALE))
        assert other_district.status_code == 404
        assert other_district.json()["type"].endswith("/site-not-found")
        unassigned = await client.get(url, headers=issuer.headers(**OTHER_GUARDIAN))
        assert unassigned.status_code == 404
        assert unassigned.json()["type"].endswith("/site-not-found")

    async def test_guardian_lists_own_sites(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        mine = await new_site(client, issuer, "Guarded")
        await new_site(client, issuer, "Not guarded")
        await guard(client, issuer, mine["id"], GUARDIAN["sub"])
        listed = (await client.get("/v1/sites", headers=issuer.headers(**GUARDIAN))).json()["items"]
        assert [s["name"] for s in listed] == ["Guarded"]
        assert listed[0]["guardians"][0]["subject"] == GUARDIAN["sub"]


class TestUpdateSite:
    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        assert (await client.patch(f"/v1/sites/{uuid.uuid4()}", json={"name": "B"})).status_code == 401

    async def test_forbidden(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        site = await new_site(client, issuer, "A")
        await guard(client, issuer, site["id"], GUARDIAN["sub"])
        response = await client.patch(
            f"/v1/sites/{site['id']}", json={"name": "B"}, headers={**issuer.headers(**GUARDIAN), "If-Match": '"v2"'}
        )
        assert response.status_code == 403
        assert response.json()["type"].endswith("/forbidden")

    async def test_not_found(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.patch(
            f"/v1/sites/{uuid.uuid4()}", json={"name": "B"}, headers={**issuer.headers(**STAFF), "If-Match": '"v1"'}
        )
        assert response.status_code == 404
        assert response.json()["type"].endswith("/site-not-found")

    async def test_if_match(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        site = await new_site(client, issuer, "A")
        url = f"/v1/sites/{site['id']}"
        headers = issuer.headers(**CSP_MEDWAY)
        assert (await client.patch(url, json={"access_hours": "9-5"}, headers=headers)).status_code == 428
        stale = await client.patch(url, json={"access_hours": "9-5"}, headers={**headers, "If-Match": '"v7"'})
        assert stale.status_code == 412
        assert stale.headers["etag"] == '"v1"'
        ok = await client.patch(
            url, json={"lock_code": "NEW-999", "is_public": False}, headers={**headers, "If-Match": '"v1"'}
        )
        assert ok.status_code == 200
        assert ok.headers["etag"] == '"v2"'
        assert ok.json()["lock_code"] == "NEW-999"
        assert ok.json()["is_public"] is False

    async def test_cannot_clear_required(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        site = await new_site(client, issuer, "A")
        response = await client.patch(
            f"/v1/sites/{site['id']}", json={"postcode": None}, headers={**issuer.headers(**STAFF), "If-Match": '"v1"'}
        )
        assert response.status_code == 422


class TestGuardians:
    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        assert (await client.put(f"/v1/sites/{uuid.uuid4()}/guardians/x", json={})).status_code == 401

    async def test_forbidden(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        site = await new_site(client, issuer, "A")
        response = await client.put(f"/v1/sites/{site['id']}/guardians/x", json={}, headers=issuer.headers(**CSP_SWALE))
        assert response.status_code == 404  # not even visible to another district
        assert response.json()["type"].endswith("/site-not-found")

    async def test_not_found(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        site = await new_site(client, issuer, "A")
        response = await client.delete(f"/v1/sites/{site['id']}/guardians/nobody", headers=issuer.headers(**STAFF))
        assert response.status_code == 404
        assert response.json()["type"].endswith("/guardian-not-assigned")

    async def test_only_an_active_guardian(
        self, client: httpx.AsyncClient, issuer: TestIssuer, identity: FakeIdentity
    ) -> None:
        """Any id was taken before (issue 14, "Smaller"): now identity must know them as an active guardian."""
        site = await new_site(client, issuer, "A")
        for subject in (str(uuid.uuid4()), "not-a-person-id"):
            refused = await guard(client, issuer, site["id"], subject)
            assert refused.status_code == 422
            assert refused.json()["type"].endswith("/not-a-guardian")
        identity.down = True
        unsure = await guard(client, issuer, site["id"], GUARDIAN["sub"])
        assert unsure.status_code == 503
        assert unsure.json()["type"].endswith("/downstream-unavailable")
        identity.down = False
        named = await client.put(
            f"/v1/sites/{site['id']}/guardians/{GUARDIAN['sub']}", json={}, headers=issuer.headers(**CSP_MEDWAY)
        )
        assert named.status_code == 201
        assert [(g["subject"], g["name"]) for g in named.json()["guardians"]] == [
            (GUARDIAN["sub"], "Pack guardian (example.org)")  # their display name when none is given
        ]

    async def test_valid(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        site = await new_site(client, issuer, "A")
        assert (await guard(client, issuer, site["id"], GUARDIAN["sub"])).status_code == 201
        again = await guard(client, issuer, site["id"], GUARDIAN["sub"])
        assert again.status_code == 200
        assert len(again.json()["guardians"]) == 1
        url = f"/v1/sites/{site['id']}"
        assert (await client.get(url, headers=issuer.headers(**GUARDIAN))).status_code == 200
        removed = await client.delete(f"{url}/guardians/{GUARDIAN['sub']}", headers=issuer.headers(**CSP_MEDWAY))
        assert removed.status_code == 204
        missing = await client.get(url, headers=issuer.headers(**GUARDIAN))
        assert missing.status_code == 404
        assert missing.json()["type"].endswith("/site-not-found")


class TestCsps:
    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        assert (await client.get("/v1/csps")).status_code == 401

    async def test_forbidden(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        refused = await client.get("/v1/csps", headers=issuer.headers(**GUARDIAN))
        assert refused.status_code == 403
        assert refused.json()["type"].endswith("/forbidden")

    async def test_not_found(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.get("/v1/csps/swale", headers=issuer.headers(**CSP_MEDWAY))
        assert response.status_code == 404
        assert response.json()["type"].endswith("/csp-not-found")

    async def test_partner_reads_summaries(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        await new_site(client, issuer, "Public one")
        await new_site(client, issuer, "Hidden one", is_public=False)
        response = await client.get("/v1/csps", headers=issuer.headers(**PARTNER))
        assert response.status_code == 200
        page = response.json()
        assert (len(page["items"]), page["next_cursor"]) == (13, None)  # the list envelope, sent whole
        medway = next(c for c in page["items"] if c["district"] == "medway")
        assert (medway["sites"], medway["public_sites"]) == (2, 1)
        assert medway["minimum_stock"] == 5
        assert medway["below_minimum"] is True
        assert "C-SECRET-1" not in response.text
        assert "hidden.contact" not in response.text

    async def test_minimum_stock_if_match(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        headers = issuer.headers(**STAFF)
        current = await client.get("/v1/csps/medway", headers=headers)
        etag = current.headers["etag"]
        assert (await client.patch("/v1/csps/medway", json={"minimum_stock": 0}, headers=headers)).status_code == 428
        forbidden = await client.patch(
            "/v1/csps/medway", json={"minimum_stock": 0}, headers={**issuer.headers(**CSP_MEDWAY), "If-Match": etag}
        )
        assert forbidden.status_code == 403
        assert forbidden.json()["type"].endswith("/forbidden")
        changed = await client.patch(
            "/v1/csps/medway", json={"minimum_stock": 0}, headers={**headers, "If-Match": etag}
        )
        assert changed.status_code == 200
        assert changed.json()["below_minimum"] is False
        assert changed.headers["etag"] != etag
        low = (await client.get("/v1/alerts/low-stock", headers=headers)).json()["items"]
        assert "medway" not in [c["district"] for c in low]
        assert "swale" in [c["district"] for c in low]


@pytest.mark.parametrize("path", ["/v1/locations", "/v1/sites", "/v1/packs", "/v1/movements", "/v1/checks/due"])
async def test_guardian_without_sites_sees_nothing(client: httpx.AsyncClient, issuer: TestIssuer, path: str) -> None:
    await new_site(client, issuer, "Somewhere")
    response = await client.get(path, headers=issuer.headers(**OTHER_GUARDIAN))
    assert response.status_code == 200
    assert response.json()["items"] == []
