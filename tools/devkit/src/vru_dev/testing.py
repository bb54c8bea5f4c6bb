"""Test support used by every service's tests: a real PostgreSQL, provisioned and migrated; an in-process
token issuer with its JWKS served at the httpx transport; and an app bound to a rolled-back transaction.
"""

from __future__ import annotations

import contextlib
import json
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import jwt
from cryptography.hazmat.primitives.asymmetric import ec
from fastapi import FastAPI
from jwt.algorithms import ECAlgorithm
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine

from vru_shared.auth import TokenVerifier
from vru_shared.settings import TrustedIssuer

TEST_ISSUER = "http://identity.test"
TEST_AUDIENCE = "vru-api"
TEST_JWKS_URL = "http://identity.test/.well-known/jwks.json"


def database_url(admin_url: str, *, user: str, password: str, driver: str = "postgresql+asyncpg") -> str:
    """A service role's URL on the same server and database as ``admin_url`` (a libpq URL from pgserver)."""
    parsed = httpx.URL(admin_url.replace("postgresql://", "http://", 1))
    host = parsed.params.get("host")
    database = parsed.path.lstrip("/") or "postgres"
    if host:  # unix socket
        return f"{driver}://{user}:{password}@/{database}?host={host}"
    port = f":{parsed.port}" if parsed.port else ""
    return f"{driver}://{user}:{password}@{parsed.host}{port}/{database}"


def with_database(admin_url: str, database: str) -> str:
    head, _, tail = admin_url.partition("?")
    base = head.rsplit("/", 1)[0]
    return f"{base}/{database}" + (f"?{tail}" if tail else "")


@dataclass
class TestIssuer:
    """Signs tokens like the identity service does; its JWKS is served in-process."""

    __test__ = False  # not a pytest test class

    issuer: str = TEST_ISSUER
    audience: str = TEST_AUDIENCE
    kid: str = field(default_factory=lambda: "test-" + uuid.uuid4().hex[:8])
    key: ec.EllipticCurvePrivateKey = field(default_factory=lambda: ec.generate_private_key(ec.SECP256R1()))

    def jwks(self) -> dict[str, Any]:
        jwk = json.loads(ECAlgorithm.to_jwk(self.key.public_key()))
        jwk.update({"kid": self.kid, "use": "sig", "alg": "ES256"})
        return {"keys": [jwk]}

    def token(
        self,
        *,
        roles: Iterable[str] = (),
        districts: Iterable[str] = (),
        scopes: Iterable[str] = (),
        agency: uuid.UUID | None = None,
        sub: str | None = None,
        kind: str = "person",
        ttl: int = 900,
        audience: str | None = None,
        issuer: str | None = None,
        key: ec.EllipticCurvePrivateKey | None = None,
        typ: str = "at+jwt",
        **claims: Any,
    ) -> str:
        now = int(time.time())
        payload: dict[str, Any] = {
            "iss": issuer or self.issuer,
            "aud": audience or self.audience,
            "sub": sub or str(uuid.uuid4()),
            "iat": now,
            "nbf": now,
            "exp": now + ttl,
            "kind": kind,
            "roles": list(roles),
            "districts": list(districts),
            "scope": " ".join(scopes),
            **claims,
        }
        if agency is not None:
            payload["agency"] = str(agency)
        return jwt.encode(payload, key or self.key, algorithm="ES256", headers={"kid": self.kid, "typ": typ})

    def headers(self, **kwargs: Any) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token(**kwargs)}"}

    def transport(self) -> httpx.MockTransport:
        def handler(request: httpx.Request) -> httpx.Response:
            if str(request.url) == TEST_JWKS_URL:
                return httpx.Response(200, json=self.jwks())
            return httpx.Response(404)

        return httpx.MockTransport(handler)

    def verifier(self) -> TokenVerifier:
        issuer = TrustedIssuer(issuer=self.issuer, jwks_url=TEST_JWKS_URL, audience=self.audience)
        return TokenVerifier([issuer], httpx.AsyncClient(transport=self.transport()), ttl_seconds=300)


@contextlib.asynccontextmanager
async def live_app(app: FastAPI, issuer: TestIssuer) -> AsyncIterator[httpx.AsyncClient]:
    """``app`` with its own lifespan, pool and real commits (one connection per request, so requests truly run
    side by side): for concurrency tests, which delete what they commit. Tokens from ``issuer``."""
    async with app.router.lifespan_context(app):
        app.state.token_verifier = issuer.verifier()
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            yield client


@contextlib.asynccontextmanager
async def running_app(app: FastAPI, issuer: TestIssuer, url: str) -> AsyncIterator[httpx.AsyncClient]:
    """Run ``app``'s lifespan, verify tokens with ``issuer``, and bind every request's session to one
    connection whose outer transaction is rolled back at the end (each request commits a savepoint)."""
    async with app.router.lifespan_context(app):
        app.state.token_verifier = issuer.verifier()
        engine = create_async_engine(url)
        async with engine.connect() as connection:
            transaction = await connection.begin()
            app.state.sessionmaker = async_sessionmaker(
                bind=connection,
                class_=AsyncSession,
                expire_on_commit=False,
                join_transaction_mode="create_savepoint",
            )
            transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
            async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
                try:
                    yield client
                finally:
                    await transaction.rollback()
        await engine.dispose()


#: Transaction control the test fixtures issue as SQL (``running_app`` commits a savepoint per request, where the
#: service's own transaction begins and commits at the driver): counted apart from the request's queries.
TRANSACTION_CONTROL = ("SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK TO SAVEPOINT", "BEGIN", "COMMIT", "ROLLBACK")


@dataclass
class StatementLog:
    """The SQL statements executed while counting, in order (whitespace collapsed), and the transaction
    control around them."""

    statements: list[str] = field(default_factory=list)
    #: SAVEPOINT / RELEASE SAVEPOINT sent as SQL (the tests' per-request savepoints).
    transaction_control: int = 0
    #: Transactions begun and committed at the driver (asyncpg sends BEGIN and COMMIT, a round trip each).
    begins: int = 0
    commits: int = 0

    @property
    def count(self) -> int:
        """Statements sent to PostgreSQL, each one round trip, leaving out transaction control."""
        return len(self.statements)

    @property
    def round_trips(self) -> int:
        """Every exchange with PostgreSQL: the statements and the transaction control around them."""
        return self.count + self.transaction_control + self.begins + self.commits

    def __str__(self) -> str:
        return f"{self.count} statements ({self.round_trips} round trips):\n" + "\n".join(
            f"  {s[:300]}" for s in self.statements
        )


@contextlib.contextmanager
def count_statements() -> Iterator[StatementLog]:
    """Count every statement any SQLAlchemy engine in this process executes inside the block (the
    ``before_cursor_execute`` event on every :class:`~sqlalchemy.engine.Engine`, and its ``begin`` and
    ``commit``): what a request costs in round trips to PostgreSQL. Deterministic, unlike timings; the
    statement-count tests and ``bench/run.py`` use it.
    """
    log = StatementLog()

    def on_execute(conn: object, cursor: object, statement: str, *args: object) -> None:
        text = " ".join(statement.split())
        if text.upper().startswith(TRANSACTION_CONTROL):
            log.transaction_control += 1
        else:
            log.statements.append(text)

    def on_begin(conn: Connection) -> None:
        # A connection in autocommit (``vru_shared.db.one_statement_rows``) begins nothing at the driver: no BEGIN.
        if conn.get_execution_options().get("isolation_level") != "AUTOCOMMIT":
            log.begins += 1

    def on_commit(conn: object) -> None:
        log.commits += 1

    listeners: list[tuple[str, Callable[..., None]]] = [
        ("before_cursor_execute", on_execute),
        ("begin", on_begin),
        ("commit", on_commit),
    ]
    for name, listener in listeners:
        event.listen(Engine, name, listener)
    try:
        yield log
    finally:
        for name, listener in listeners:
            event.remove(Engine, name, listener)


@contextlib.contextmanager
def captured_statements() -> Iterator[list[tuple[str, Any]]]:
    """Every statement any SQLAlchemy engine in this process executes inside the block, as sent to the driver, with
    its parameters (to EXPLAIN it, or look at its plan): :func:`count_statements` counts, this keeps."""
    found: list[tuple[str, Any]] = []

    def on_execute(conn: object, cursor: object, statement: str, parameters: Any, *args: object) -> None:
        found.append((statement, parameters))

    event.listen(Engine, "before_cursor_execute", on_execute)
    try:
        yield found
    finally:
        event.remove(Engine, "before_cursor_execute", on_execute)


def service_dir(package_file: str) -> Path:
    """``services/<name>`` from a service package's ``__file__`` (``services/<name>/src/<pkg>/__init__.py``)."""
    return Path(package_file).resolve().parents[2]


def repo_root() -> Path:
    """The repository checkout (the folder holding ``services/``)."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "services").is_dir() and (parent / "shared").is_dir():
            return parent
    raise RuntimeError("run from a checkout of the VRU platform")


def service_root(service: str) -> Path:
    return repo_root() / "services" / service


@dataclass(frozen=True)
class SheetCell:
    """A cell of an xlsx sheet as stored: its type (``s`` shared string, ``inlineStr``, ``n`` number…), its text
    and whether it holds a formula."""

    kind: str
    text: str
    formula: bool


def read_xlsx(content: bytes) -> list[list[SheetCell | None]]:
    """The first sheet of an xlsx file, read with the standard library (the sheet's XML in the zip): rows of
    cells, ``None`` where a cell is empty. Enough to assert what a spreadsheet would make of each cell."""
    import io
    import re
    import zipfile
    from xml.etree import ElementTree

    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    with zipfile.ZipFile(io.BytesIO(content)) as book:
        shared: list[str] = []
        if "xl/sharedStrings.xml" in book.namelist():
            strings = ElementTree.fromstring(book.read("xl/sharedStrings.xml"))  # noqa: S314 - our own output
            shared = ["".join(t.text or "" for t in si.iter(f"{{{ns['m']}}}t")) for si in strings]
        sheet = ElementTree.fromstring(book.read("xl/worksheets/sheet1.xml"))  # noqa: S314 - our own output
    rows: list[list[SheetCell | None]] = []
    for row in sheet.iterfind("m:sheetData/m:row", ns):
        cells: list[SheetCell | None] = []
        for cell in row.iterfind("m:c", ns):
            letters = re.match(r"[A-Z]+", cell.get("r", "A"))
            column = 0
            for ch in letters.group(0) if letters else "A":
                column = column * 26 + ord(ch) - 64
            cells.extend([None] * (column - 1 - len(cells)))
            kind = cell.get("t", "n")
            value = cell.find("m:v", ns)
            if kind == "inlineStr":
                text = "".join(t.text or "" for t in cell.iter(f"{{{ns['m']}}}t"))
            elif kind == "s" and value is not None and value.text is not None:
                text = shared[int(value.text)]
            else:
                text = value.text or "" if value is not None else ""
            cells.append(SheetCell(kind, text, cell.find("m:f", ns) is not None))
        rows.append(cells)
    return rows


def read_csv(content: bytes) -> list[list[str]]:
    """A CSV export's rows, checking it starts with the UTF-8 byte-order mark."""
    import csv
    import io

    assert content.startswith(b"\xef\xbb\xbf"), "a CSV export starts with the UTF-8 BOM"
    return list(csv.reader(io.StringIO(content[3:].decode())))
