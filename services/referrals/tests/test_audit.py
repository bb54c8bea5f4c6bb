"""The DPA 2018 s.62 audit log: recorded in the request's transaction, append-only in the database itself,
hash-chained so tampering shows, and readable and exportable by the auditor only."""

import uuid
from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from referrals.audit import service
from referrals.audit.schemas import AuditAction
from referrals.main import create_app
from referrals.settings import ReferralsSettings
from vru_dev.testing import TEST_ISSUER, TestIssuer, running_app
from vru_shared.auth import Principal, PrincipalKind

AUDITOR = {"roles": ["auditor"]}


@pytest.fixture
def app(db_urls: dict[str, str]) -> FastAPI:
    settings = ReferralsSettings(
        database_url=db_urls["referrals"], token_issuer=TEST_ISSUER, audit_seal_interval_seconds=3600
    )
    return create_app(settings)


@pytest.fixture
async def client(app: FastAPI, db_urls: dict[str, str], issuer: TestIssuer) -> AsyncIterator[httpx.AsyncClient]:
    async with running_app(app, issuer, db_urls["referrals"]) as client:
        yield client


def person(sub: str = "coordinator-1") -> Principal:
    return Principal(
        sub, PrincipalKind.PERSON, TEST_ISSUER, uuid.uuid4(), frozenset({"coordinator"}), frozenset(), frozenset()
    )


async def add_entries(app: FastAPI, record_id: uuid.UUID, count: int = 3) -> None:
    async with app.state.sessionmaker() as session, session.begin():
        for i in range(count):
            await service.record(
                session,
                principal=person(f"reader-{i}"),
                action=AuditAction.READ,
                record_type="review",
                record_ids=[record_id],
                purpose="review queue",
            )


def sealing(app: FastAPI) -> service.Sealing:
    return service.Sealing.from_settings(app.state.settings)


async def seal(app: FastAPI) -> int:
    async with app.state.sessionmaker() as session, session.begin():
        return await service.seal(session, sealing(app))


class TestListAuditLog:
    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        assert (await client.get("/v1/audit-log")).status_code == 401

    async def test_forbidden(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        for role in ("analyst", "director", "admin", "coordinator"):
            response = await client.get("/v1/audit-log", headers=issuer.headers(roles=[role]))
            assert response.status_code == 403, role
            assert response.json()["type"].endswith("/forbidden"), role

    async def test_valid_filters_by_record(self, client: httpx.AsyncClient, app: FastAPI, issuer: TestIssuer) -> None:
        record_id = uuid.uuid4()
        await add_entries(app, record_id, 3)
        await add_entries(app, uuid.uuid4(), 2)
        response = await client.get(
            "/v1/audit-log", params={"record_id": str(record_id)}, headers=issuer.headers(**AUDITOR)
        )
        assert response.status_code == 200
        items = response.json()["items"]
        assert len(items) == 3
        assert {i["actor_subject"] for i in items} == {"reader-0", "reader-1", "reader-2"}
        assert items[0]["id"] > items[-1]["id"]  # newest first
        assert all(i["purpose"] == "review queue" and i["action"] == "read" for i in items)

    async def test_filter_by_actor(self, client: httpx.AsyncClient, app: FastAPI, issuer: TestIssuer) -> None:
        await add_entries(app, uuid.uuid4(), 2)
        response = await client.get("/v1/audit-log", params={"actor": "reader-1"}, headers=issuer.headers(**AUDITOR))
        assert [i["actor_subject"] for i in response.json()["items"]] == ["reader-1"]


class TestAppendOnly:
    async def test_the_service_role_can_only_add_and_read(self, client: httpx.AsyncClient, app: FastAPI) -> None:
        """The log's tables belong to a role the service is not a member of: the service's own credentials can
        neither change what is written nor give themselves the right to (the full attack: test_audit_trust)."""
        await add_entries(app, uuid.uuid4(), 1)
        async with app.state.sessionmaker() as session:
            for statement in (
                "UPDATE referrals_audit.audit_log SET purpose = 'nothing to see'",
                "DELETE FROM referrals_audit.audit_log",
                "TRUNCATE referrals_audit.audit_log CASCADE",
                "UPDATE referrals_audit.audit_chain SET hash = 'x'",
                "ALTER TABLE referrals_audit.audit_log DISABLE TRIGGER audit_log_append_only",
                "SET ROLE referrals_audit",
            ):
                with pytest.raises(DBAPIError, match=r"permission denied|must be owner|append-only"):
                    async with session.begin_nested():
                        await session.execute(text(statement))
            # Granting itself more is a no-op with a warning (it holds no grant option): still refused.
            await session.execute(text("GRANT UPDATE, DELETE ON referrals_audit.audit_log TO CURRENT_USER"))
            with pytest.raises(DBAPIError, match="permission denied"):
                async with session.begin_nested():
                    await session.execute(text("DELETE FROM referrals_audit.audit_log"))


class TestVerify:
    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        assert (await client.get("/v1/audit-log/verify")).status_code == 401

    async def test_forbidden(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        refused = await client.get("/v1/audit-log/verify", headers=issuer.headers(roles=["analyst"]))
        assert refused.status_code == 403
        assert refused.json()["type"].endswith("/forbidden")

    async def test_intact_chain(self, client: httpx.AsyncClient, app: FastAPI, issuer: TestIssuer) -> None:
        await add_entries(app, uuid.uuid4(), 5)
        assert await seal(app) >= 5
        assert await seal(app) == 0  # nothing new
        report = (await client.get("/v1/audit-log/verify", headers=issuer.headers(**AUDITOR))).json()
        assert report["intact"] is True
        assert report["checked"] >= 5
        assert report["breaks"] == []

    async def test_the_entry_records_the_platforms_request_id_and_the_clients_apart(
        self, client: httpx.AsyncClient, issuer: TestIssuer
    ) -> None:
        headers = {**issuer.headers(**AUDITOR), "X-Request-ID": "platform-id-1", "X-Client-Request-ID": "mine-42"}
        exported = await client.get("/v1/audit-log/export", headers=headers)
        assert exported.status_code == 200
        entries = await client.get("/v1/audit-log?record_type=audit_log", headers=issuer.headers(**AUDITOR))
        newest = entries.json()["items"][0]
        assert (newest["request_id"], newest["client_request_id"]) == ("platform-id-1", "mine-42")


class TestExport:
    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        assert (await client.get("/v1/audit-log/export")).status_code == 401

    async def test_forbidden(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        refused = await client.get("/v1/audit-log/export", headers=issuer.headers(roles=["director"]))
        assert refused.status_code == 403
        assert refused.json()["type"].endswith("/forbidden")

    async def test_valid_csv_and_the_export_is_audited(
        self, client: httpx.AsyncClient, app: FastAPI, issuer: TestIssuer
    ) -> None:
        target = uuid.uuid4()
        await add_entries(app, target, 2)
        headers = issuer.headers(**AUDITOR, sub="auditor-1")
        response = await client.get("/v1/audit-log/export", headers=headers)
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/csv")
        lines = response.text.strip().splitlines()
        assert lines[0].startswith("id,occurred_at,actor_subject")
        assert sum(str(target) in line for line in lines) == 2
        exports = await client.get("/v1/audit-log", params={"action": "export"}, headers=headers)
        assert [e["actor_subject"] for e in exports.json()["items"]] == ["auditor-1"]

    async def test_formulas_are_neutralised(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        """A subject from an external identity provider is text the auditor opens in a spreadsheet."""
        hostile = issuer.headers(**AUDITOR, sub='=HYPERLINK("http://evil.example","open")')
        assert (await client.get("/v1/audit-log/export", headers=hostile)).status_code == 200
        exported = await client.get("/v1/audit-log/export", headers=issuer.headers(**AUDITOR, sub="auditor-2"))
        assert "'=HYPERLINK(" in exported.text
        assert ",=HYPERLINK(" not in exported.text


class TestAnAuditorCanReadWhoItWas:
    """Issue 14 item 9: entries named the actor only by UUID; now the name and agency at the time, and the
    auditor filters by agency and purpose, and exports what they filtered."""

    async def test_the_actor_is_named_and_the_log_filters_by_agency_and_purpose(
        self, client: httpx.AsyncClient, app: FastAPI, issuer: TestIssuer
    ) -> None:
        agency = uuid.uuid4()
        named = Principal(
            "reader-named",
            PrincipalKind.PERSON,
            TEST_ISSUER,
            agency,
            frozenset({"coordinator"}),
            frozenset(),
            frozenset(),
            name="Coordinator, Medway and Swale",
        )
        record_id = uuid.uuid4()
        async with app.state.sessionmaker() as session, session.begin():
            for purpose in ("review queue", "subject access export", "Review 100% checked"):
                await service.record(
                    session,
                    principal=named,
                    action=AuditAction.READ,
                    record_type="review",
                    record_ids=[record_id],
                    purpose=purpose,
                )
        await add_entries(app, record_id, 1)  # someone of another agency
        headers = issuer.headers(**AUDITOR)
        by_agency = await client.get("/v1/audit-log", params={"agency": str(agency)}, headers=headers)
        assert by_agency.status_code == 200, by_agency.text
        items = by_agency.json()["items"]
        assert {i["actor_name"] for i in items} == {"Coordinator, Medway and Swale"}
        assert len(items) == 3
        by_purpose = await client.get(
            "/v1/audit-log", params={"record_id": str(record_id), "purpose": "REVIEW"}, headers=headers
        )
        assert sorted(i["purpose"] for i in by_purpose.json()["items"]) == [
            "Review 100% checked",
            "review queue",
            "review queue",
        ]
        # A wildcard in the text is only text.
        percent = await client.get("/v1/audit-log", params={"purpose": "100%"}, headers=headers)
        assert [i["purpose"] for i in percent.json()["items"]] == ["Review 100% checked"]
        exported = await client.get("/v1/audit-log/export", params={"agency": str(agency)}, headers=headers)
        assert exported.status_code == 200
        lines = exported.text.strip().splitlines()
        assert lines[0].split(",")[:3] == ["id", "occurred_at", "actor_subject"]
        assert "actor_name" in lines[0]
        assert len(lines) == 4  # the header and this agency's three entries
        assert all("Coordinator, Medway and Swale" in line for line in lines[1:])

    async def test_a_named_entry_seals_and_verifies(
        self, client: httpx.AsyncClient, app: FastAPI, issuer: TestIssuer
    ) -> None:
        named = Principal(
            "sealed-named", PrincipalKind.PERSON, TEST_ISSUER, None, frozenset(), frozenset(), frozenset(), name="N"
        )
        async with app.state.sessionmaker() as session, session.begin():
            await service.record(
                session, principal=named, action=AuditAction.READ, record_type="review", record_ids=[], purpose="x"
            )
        await seal(app)
        report = (await client.get("/v1/audit-log/verify", headers=issuer.headers(**AUDITOR))).json()
        assert report["breaks"] == []
