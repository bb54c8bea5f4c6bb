"""The one way a list leaves the platform as a file: CSV or Excel (xlsx), from typed columns, in batches.

An export is a list of :class:`Column` (a header, how to get the value from a record, and its :class:`Kind`)
and the records, fetched in keyset batches of :data:`BATCH` rows through the *same* repository query as the
list's pages (:func:`keyset_batches`), so an export has exactly the list's filters and visibility and never
holds more than one batch of records in memory.

Formats (the ``format`` query parameter, :data:`FormatParam`; ``csv`` unless asked; any other value is 422):

- ``csv`` — UTF-8 with a byte-order mark (so Excel reads the accents), RFC 4180 (CRLF, ``"`` doubled), a
  header row. Text cells are formula-safe as :mod:`vru_shared.csv_export` makes them (a ``'`` before ``=``,
  ``+``, ``-``, ``@``, tab, CR); numbers and money are plain numbers (``1234.50``); dates ``2026-12-03``;
  date-times RFC 3339 in UTC; yes/no values ``true``/``false`` (as in the JSON).
- ``xlsx`` — one sheet, a bold header row, written by xlsxwriter in ``constant_memory`` mode. Text is always
  written as a *string* cell (``write_string``; ``strings_to_formulas`` off), so ``=HYPERLINK(...)`` stays text
  exactly as held — never a formula; numbers and money are Excel numbers (money as ``#,##0.00``); dates and
  date-times real Excel dates (date-times in UTC, Excel has no time zones).

The file is written to a temporary file first and streamed out after (xlsx must be zipped whole, and a CSV the
same way keeps both alike): the rows are read — and the export audited, see :attr:`ExportFile.record_ids` —
inside the request's transaction, which commits before the first byte is sent, so an audited export is one that
was produced. The temporary file is removed when the response has been sent (or the client went away).

Usage::

    file = await write_export(COLUMNS, keyset_batches(fetch, key), fmt=fmt, name="incidents", record_id=...)
    await record(..., record_ids=file.record_ids)
    return file.response()
"""

from __future__ import annotations

import codecs
import csv
import io
import math
import tempfile
from collections.abc import AsyncIterable, AsyncIterator, Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import IO, Annotated, Any, Final, Generic, TypeVar

import anyio
from fastapi import Query
from fastapi.responses import StreamingResponse
from starlette.background import BackgroundTask

from vru_shared.csv_export import Cell, neutralise
from vru_shared.pagination import PageParams

T = TypeVar("T")
#: A column that reads any of several record types may stand for a column of one of them.
R = TypeVar("R", contravariant=True)

#: Rows fetched per query while exporting.
BATCH: Final = 1000
#: Bytes per chunk of the response.
CHUNK: Final = 64 * 1024

CSV_TYPE: Final = "text/csv; charset=utf-8"
XLSX_TYPE: Final = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class ExportFormat(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"

    @property
    def media_type(self) -> str:
        return CSV_TYPE if self is ExportFormat.CSV else XLSX_TYPE


#: The ``format`` query parameter of every export route.
FormatParam = Annotated[
    ExportFormat,
    Query(
        alias="format",
        description="`csv` (UTF-8 with BOM, RFC 4180; the default) or `xlsx` (Excel). Anything else is 422.",
    ),
]


class Kind(StrEnum):
    """What a column holds: how it is written in each format."""

    TEXT = "text"
    NUMBER = "number"
    MONEY = "money"
    DATE = "date"
    DATETIME = "datetime"


@dataclass(frozen=True)
class Column(Generic[R]):
    """One column of an export: its header, how to get its value from a record, and what kind it is."""

    header: str
    value: Callable[[R], Cell]
    kind: Kind = Kind.TEXT


def headers(columns: Sequence[Column[Any]]) -> list[str]:
    """The header row, in order (for documentation and OpenAPI examples)."""
    return [c.header for c in columns]


def csv_example(columns: Sequence[Column[Any]]) -> str:
    """An OpenAPI example of the CSV: its header row."""
    return ",".join(headers(columns)) + "\r\n"


def export_responses(columns: Sequence[Column[Any]]) -> dict[int | str, dict[str, Any]]:
    """The 200 response of an export route in OpenAPI: both media types."""
    return {
        200: {
            "description": "The file, as an attachment.",
            "content": {
                "text/csv": {"example": "\ufeff" + csv_example(columns)},
                XLSX_TYPE: {},
            },
        }
    }


def export_purpose(name: str, **filters: Any) -> str:
    """The audit purpose of an export: its name and the filters it was asked with (those given), e.g.
    ``incident export (district=swale, screening=in)``."""
    given = [f"{k}={v.isoformat() if isinstance(v, date) else v}" for k, v in filters.items() if v is not None]
    return f"{name} ({', '.join(given)})" if given else name


async def keyset_batches(
    fetch: Callable[[PageParams], Awaitable[Sequence[T]]],
    key: Callable[[T], tuple[Any, ...]],
    *,
    size: int = BATCH,
) -> AsyncIterator[Sequence[T]]:
    """Every record of a keyset-paged list, ``size`` at a time: ``fetch`` is the list's own query (given a
    :class:`PageParams` it returns up to ``limit + 1`` records), ``key`` the sort-key values of a record (those
    :func:`vru_shared.pagination.paginate` puts in a cursor)."""
    after: tuple[Any, ...] | None = None
    while True:
        records = await fetch(PageParams(limit=size, after=after))
        batch = records[:size]
        if batch:
            yield batch
        if len(records) <= size or not batch:
            return
        after = key(batch[-1])


async def batches_of(records: Iterable[T]) -> AsyncIterator[Sequence[T]]:
    """A short list already in memory (a table of figures) as the one batch :func:`write_export` takes."""
    yield list(records)


@dataclass
class ExportFile:
    """An export written to a temporary file, ready to stream."""

    file: IO[bytes]
    fmt: ExportFormat
    filename: str
    rows: int = 0
    #: The ids of the records exported (when ``record_id`` was given): what the audit entry names.
    record_ids: list[str] = field(default_factory=list)

    def response(self) -> StreamingResponse:
        """The file as an attachment, in chunks; the temporary file is closed (removed) once sent."""
        self.file.seek(0)

        async def chunks() -> AsyncIterator[bytes]:
            while chunk := await anyio.to_thread.run_sync(self.file.read, CHUNK):
                yield chunk

        return StreamingResponse(
            chunks(),
            media_type=self.fmt.media_type,
            headers={"Content-Disposition": f'attachment; filename="{self.filename}"'},
            background=BackgroundTask(self.file.close),
        )


def _csv_cell(value: Cell, kind: Kind) -> str | int | float | Decimal:
    if isinstance(value, bool):
        return str(value).lower()
    if kind is Kind.MONEY and isinstance(value, Decimal | int):
        return Decimal(value).quantize(Decimal("0.01"))
    if kind is Kind.DATETIME and isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    return neutralise(value)


def _finite(value: int | float | Decimal) -> bool:
    return isinstance(value, int) or math.isfinite(value)


class _CsvSheet:
    def __init__(self, out: IO[bytes]) -> None:
        self._out = out
        self._text = io.StringIO()
        self._writer = csv.writer(self._text, lineterminator="\r\n")
        out.write(codecs.BOM_UTF8)

    def row(self, cells: Sequence[Cell], kinds: Sequence[Kind]) -> None:
        self._writer.writerow([_csv_cell(c, k) for c, k in zip(cells, kinds, strict=True)])
        if self._text.tell() > CHUNK:
            self.flush()

    def flush(self) -> None:
        self._out.write(self._text.getvalue().encode())
        self._text.seek(0)
        self._text.truncate()

    def close(self) -> None:
        self.flush()


class _XlsxSheet:
    def __init__(self, out: IO[bytes], sheet_name: str) -> None:
        # Imported here, on the first xlsx export: the module costs a service ~14 MB of memory from its start,
        # and most processes never write a workbook (issue 17, idle RSS).
        import xlsxwriter

        self._book = xlsxwriter.Workbook(
            out, {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
        )
        self._sheet = self._book.add_worksheet(sheet_name[:31])
        self._bold = self._book.add_format({"bold": True})
        self._money = self._book.add_format({"num_format": "#,##0.00"})
        self._date = self._book.add_format({"num_format": "yyyy-mm-dd"})
        self._datetime = self._book.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
        self._next = 0

    def header(self, names: Sequence[str]) -> None:
        for col, name in enumerate(names):
            self._sheet.write_string(self._next, col, name, self._bold)
        self._next += 1

    def row(self, cells: Sequence[Cell], kinds: Sequence[Kind]) -> None:
        r = self._next
        for col, (value, kind) in enumerate(zip(cells, kinds, strict=True)):
            if value is None or value == "":
                continue
            if isinstance(value, bool):
                self._sheet.write_string(r, col, str(value).lower())
            elif isinstance(value, int | float | Decimal) and kind in (Kind.NUMBER, Kind.MONEY) and _finite(value):
                self._sheet.write_number(r, col, float(value), self._money if kind is Kind.MONEY else None)
            elif isinstance(value, datetime) and kind is Kind.DATETIME:
                naive = value.astimezone(UTC).replace(tzinfo=None)
                self._sheet.write_datetime(r, col, naive, self._datetime)
            elif isinstance(value, date) and not isinstance(value, datetime) and kind is Kind.DATE:
                self._sheet.write_datetime(r, col, datetime(value.year, value.month, value.day), self._date)
            else:
                text = value.isoformat() if isinstance(value, date) else str(value)
                self._sheet.write_string(r, col, text)
        self._next += 1

    def close(self) -> None:
        self._book.close()


async def write_export(
    columns: Sequence[Column[T]],
    batches: AsyncIterable[Sequence[T]],
    *,
    fmt: ExportFormat,
    name: str,
    record_id: Callable[[T], Any] | None = None,
) -> ExportFile:
    """Write every record of ``batches`` as rows of ``columns`` to a temporary file named ``name.<format>``."""
    out = tempfile.TemporaryFile()  # noqa: SIM115 - closed by the response once sent
    try:
        export = ExportFile(file=out, fmt=fmt, filename=f"{name}.{fmt.value}")
        kinds = [c.kind for c in columns]
        sheet: _CsvSheet | _XlsxSheet
        if fmt is ExportFormat.CSV:
            sheet = _CsvSheet(out)
            sheet.row(headers(columns), [Kind.TEXT] * len(columns))
        else:
            sheet = _XlsxSheet(out, name)
            sheet.header(headers(columns))
        async for batch in batches:
            for record in batch:
                sheet.row([c.value(record) for c in columns], kinds)
                export.rows += 1
                if record_id is not None:
                    export.record_ids.append(str(record_id(record)))
        await anyio.to_thread.run_sync(sheet.close)
        return export
    except BaseException:
        out.close()
        raise
