"""What bulk intake costs per row (issue 17, item 5): a valid CSV report is checked by one compiled validator
call, not a pydantic model per row, with the same outcome as the models for every row; the young people's
table is analysed at most once per import; the trigram similarity is computed by C built-ins (the same value);
the incident indexes no query uses are not written."""

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text

from referrals.intake import service as intake_service
from referrals.intake.csv_reader import COLUMNS, CsvReports
from referrals.intake.schemas import IncidentReport, PersonReport, Report
from referrals.main import create_app
from referrals.settings import ReferralsSettings
from referrals.subject.repository import SubjectRepository
from vru_dev.testing import TEST_ISSUER, TestIssuer, running_app

FEED = {"kind": "client", "scopes": ["incidents:ingest"], "client_id": "police-feed"}


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


def row(i: int, **cells: str) -> str:
    values = {
        "crime_reference": f"46/{i:06d}/26",
        "occurred_at": "2026-06-01T12:00:00Z",
        "district": "swale",
        "category": "robbery",
        "weapon_knife": "false",
        "weapon_firearm": "false",
        "location": "Cost Street",
        "role": "victim",
        "police_person_id": f"KP-C{i}",
        "given_name": f"Given{i}",
        "family_name": f"Costfamily{i}",
        "date_of_birth": f"{2005 + i % 5}-{1 + i % 12:02d}-{1 + i % 28:02d}",
        "age": "",
        "home_district": "medway",
    } | cells
    return ",".join(values[c] for c in COLUMNS)


def csv_body(rows: list[str]) -> bytes:
    return ("\n".join([",".join(COLUMNS), *rows]) + "\n").encode()


async def upload(client: httpx.AsyncClient, issuer: TestIssuer, body: bytes) -> dict[str, Any]:
    response = await client.post(
        "/v1/imports/incidents.csv", content=body, headers={**issuer.headers(**FEED), "Content-Type": "text/csv"}
    )
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    return result


class ModelsBuilt:
    """Counts the intake models built (``model_validate`` of ``PersonReport`` and ``IncidentReport``)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        for model in (PersonReport, IncidentReport):
            original = model.model_validate

            def counted(*args: Any, _original: Any = original, **kwargs: Any) -> Any:
                self.count += 1
                return _original(*args, **kwargs)

            monkeypatch.setattr(model, "model_validate", counted)


class TestCompiledValidation:
    async def test_valid_rows_build_no_model(
        self, client: httpx.AsyncClient, issuer: TestIssuer, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Issue 17: every CSV row built a ``PersonReport`` and every report an ``IncidentReport`` (~10 µs a row);
        a valid report is now checked by one call of a compiled validator. A bad row still goes through the
        models, which name its fields."""
        built = ModelsBuilt(monkeypatch)
        two_people = [row(2), row(2, role="suspect", given_name="Other", police_person_id="", age="19")]
        result = await upload(client, issuer, csv_body([row(1), *two_people, row(3, weapon_knife="yes")]))
        assert (result["created"], result["rejected"]) == (3, 0), result
        assert built.count == 0

        result = await upload(client, issuer, csv_body([row(4), row(5, role="bystander"), row(6)]))
        assert (result["created"], result["rejected"]) == (2, 1), result
        assert result["rejected_rows"][0]["line"] == 3
        assert result["rejected_rows"][0]["reason"].startswith("role:"), result
        assert built.count > 0

    @pytest.mark.parametrize(
        "rows",
        [
            [row(1)],
            [row(1, district=" SWALE ", category="Robbery", given_name="  Alex ", location=" ")],
            [row(1, weapon_knife="1", weapon_firearm="yes"), row(1, role="suspect")],
            [row(1, weapon_knife="maybe")],
            [row(1, date_of_birth="", age=" 15 ")],
            [row(1, date_of_birth="", age="15.0")],
            [row(1, date_of_birth="", age="121")],
            [row(1, date_of_birth="", age="")],
            [row(1, date_of_birth="1990-02-30")],
            [row(1, date_of_birth="1800-01-01")],
            [row(1, date_of_birth="2026-06-02")],
            [row(1, occurred_at="2026-06-01T12:00:00Z", date_of_birth="1906-05-31")],
            [row(1, occurred_at="1750000000")],
            [row(1, occurred_at="2026-06-01T12:00:00")],
            [row(1, occurred_at="1999-12-31T23:59:59Z")],
            [row(1, occurred_at="2099-01-01T00:00:00Z")],
            [row(1, crime_reference="46 1 26")],
            [row(1, police_person_id="  ")],
            [row(1, police_person_id="K" * 65)],
            [row(1, given_name="G" * 100), row(1, family_name="F" * 101)],
            [row(1, location="L" * 501)],
            [row(1, home_district="NARNIA")],
            [row(1), row(1, location="Elsewhere")],
            [row(1), row(1, location=" Cost Street ")],
            [row(1, role="bystander"), row(1)],
            [row(1)] * 51,
        ],
    )
    async def test_the_compiled_check_decides_as_the_models_do(
        self, rows: list[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Every report reaches the intake (valid, the same values) or is rejected (the same reasons) alike,
        whether the compiled check decides or the models alone do."""

        async def outcome(compiled: bool) -> list[tuple[Any, ...]]:
            seen: list[tuple[Any, ...]] = []

            class Recorder:
                async def add(self, lines: list[int], report: Report) -> None:
                    seen.append(("add", lines, report))

                def reject(self, rejected: list[tuple[int, str]], reference: str | None) -> None:
                    seen.append(("reject", rejected, reference))

            async def chunks() -> AsyncIterator[bytes]:
                yield csv_body(rows)

            reports = CsvReports(Recorder())  # type: ignore[arg-type]
            if not compiled:
                monkeypatch.setattr(reports, "_compiled", lambda rows: None)
            await reports.read(chunks())
            return seen

        assert await outcome(compiled=True) == await outcome(compiled=False)


class TestStatistics:
    async def test_an_import_analyses_young_people_once(
        self, client: httpx.AsyncClient, issuer: TestIssuer, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Issue 17: the check "is the young people's table stale?" reads what committed transactions reported,
        which does not move within an import: once stale, every chunk analysed the table again (~60 ms each).
        Now once per import."""
        checks = 0
        original = SubjectRepository.refresh_statistics

        async def counted(self: SubjectRepository) -> None:
            nonlocal checks
            checks += 1
            await original(self)

        monkeypatch.setattr(SubjectRepository, "refresh_statistics", counted)
        monkeypatch.setattr(intake_service, "CHUNK_REPORTS", 5)
        result = await upload(client, issuer, csv_body([row(100 + i) for i in range(20)]))
        assert result["created"] == 20, result
        assert checks == 1


class TestWritePath:
    async def test_the_similarity_is_computed_by_c_built_ins_with_the_same_value(
        self, client: httpx.AsyncClient, app: FastAPI
    ) -> None:
        """Issue 17: ``referrals.trigram_similarity`` counted shared trigrams with a subquery per pair (~30 µs);
        now the merged ``tsvector`` of both (inlined). The value is pg_trgm's, to the bit, as the subquery had it."""
        async with app.state.sessionmaker() as session:
            await session.execute(
                text(
                    "CREATE TEMPORARY TABLE names ON COMMIT DROP AS SELECT n, referrals.name_trigrams(name) AS t "
                    "FROM (SELECT n, substr(md5(n::text), 1, 1 + n % 9) || '|' || "
                    "translate(substr(md5((n * 7)::text), 1, n % 13), '0123', ' -''é') AS name "
                    "FROM generate_series(1, 300) AS n) AS g"
                )
            )
            differ = await session.execute(
                text(
                    "SELECT count(*) FROM names a, names b WHERE referrals.trigram_similarity(a.t, b.t) IS DISTINCT "
                    "FROM (SELECT shared::real / nullif(cardinality(a.t) + cardinality(b.t) - shared, 0) "
                    "FROM (SELECT count(*) AS shared FROM unnest(a.t) AS x WHERE x = ANY (b.t)) AS c)::real"
                )
            )
            assert differ.scalar_one() == 0
            plan = await session.execute(
                text("EXPLAIN VERBOSE SELECT referrals.trigram_similarity(a.t, b.t) FROM names a, names b")
            )
            lines = "\n".join(r[0] for r in plan)
            await session.rollback()
        assert "array_to_tsvector" in lines, lines  # inlined, no subquery per pair
        assert "SubPlan" not in lines, lines

    async def test_an_incident_is_written_to_the_indexes_queries_use_only(
        self, client: httpx.AsyncClient, app: FastAPI
    ) -> None:
        """Issue 17: one of the seven indexes written per incident served no query (``pg_stat_user_indexes``:
        0 scans over the tests and the bench's intake). Each index kept, and who reads it."""
        async with app.state.sessionmaker() as session:
            names = (
                await session.execute(
                    text("SELECT indexname FROM pg_indexes WHERE schemaname = 'referrals' AND tablename = 'incidents'")
                )
            ).scalars()
            assert set(names) == {
                "pk_incidents",  # by id
                "uq_incidents_crime_reference",  # intake's idempotency key, the incident list's filter
                "ix_incidents_occurred_at_stats",  # statistics by period; the incident list's order and range
                "ix_referrals_incidents_occurred_at",  # the knife-crime statistics at scale (bench: else a seq scan)
                "ix_referrals_incidents_district_id",  # a coordinator's incidents (by district)
                "ix_referrals_incidents_review_id",  # a review's incidents
            }
