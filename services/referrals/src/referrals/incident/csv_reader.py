"""Reading the CSV export incrementally: records as the bytes arrive, rows grouped into reports.

Only the current record and the current report's rows are held, never the file. One row per person;
consecutive rows with the same ``crime_reference`` are one report (their incident columns must agree).
"""

import codecs
import csv
import io
from collections.abc import AsyncIterator
from typing import Any

from pydantic import ValidationError

from referrals.incident.exceptions import BadCsvFile, TooManyReports
from referrals.incident.schemas import MAX_REPORTS, IncidentReport, PersonReport, reason_of
from referrals.incident.service import Intake

INCIDENT_COLUMNS = (
    "crime_reference",
    "occurred_at",
    "district",
    "category",
    "weapon_knife",
    "weapon_firearm",
    "location",
)
PERSON_COLUMNS = ("role", "police_person_id", "given_name", "family_name", "date_of_birth", "age", "home_district")
COLUMNS = INCIDENT_COLUMNS + PERSON_COLUMNS
REQUIRED_COLUMNS = frozenset(
    {"crime_reference", "occurred_at", "district", "category", "role", "given_name", "family_name"}
)
#: One record (a row, with any quoted line breaks) may not be longer than this.
MAX_RECORD_CHARS = 64 * 1024


async def records(chunks: AsyncIterator[bytes]) -> AsyncIterator[tuple[int, list[str]]]:
    """``(line, fields)`` for each CSV record, ``line`` being where it starts (the first line is 1).

    A record is complete when its quotes balance, so a quoted field may hold line breaks."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    buffer = ""
    record = ""
    quotes = 0
    line = 0
    start = 1

    def take(text: str) -> list[str] | None:
        nonlocal record, quotes, line, start
        line += 1
        if not record:
            start = line
        record += text
        quotes += text.count('"')
        if len(record) > MAX_RECORD_CHARS:
            raise BadCsvFile(f"The record starting on line {start} is too long (is a quote left open?).")
        if quotes % 2:
            return None
        complete, record, quotes = record, "", 0
        if not complete.strip():
            return []
        return next(csv.reader(io.StringIO(complete)))

    try:
        async for chunk in chunks:
            buffer += decoder.decode(chunk)
            *lines, buffer = buffer.split("\n")
            for text in lines:
                fields = take(text + "\n")
                if fields:
                    yield start, fields
        buffer += decoder.decode(b"", final=True)
    except UnicodeDecodeError as exc:
        raise BadCsvFile(f"The file is not UTF-8 text (near line {line + 1}).") from exc
    if buffer:
        fields = take(buffer)
        if fields:
            yield start, fields
    if record:
        raise BadCsvFile(f"The record starting on line {start} has a quote that is never closed.")


def _header(fields: list[str]) -> list[str]:
    names = [name.strip().lower() for name in fields]
    unknown = sorted(set(names) - set(COLUMNS))
    missing = sorted(REQUIRED_COLUMNS - set(names))
    duplicated = sorted({n for n in names if names.count(n) > 1})
    problems = []
    if missing:
        problems.append("missing column(s): " + ", ".join(missing))
    if unknown:
        problems.append("unknown column(s): " + ", ".join(unknown))
    if duplicated:
        problems.append("repeated column(s): " + ", ".join(duplicated))
    if problems:
        raise BadCsvFile("The header row is not valid: " + "; ".join(problems) + ". Columns: " + ", ".join(COLUMNS))
    return names


def _present(row: dict[str, str], columns: tuple[str, ...]) -> dict[str, Any]:
    """The non-empty cells of ``columns`` (an empty cell is an absent value)."""
    return {name: row[name].strip() for name in columns if row.get(name, "").strip()}


class CsvReports:
    """Groups consecutive rows into reports and hands each, complete, to the intake."""

    def __init__(self, intake: Intake) -> None:
        self.intake = intake
        self.rows: list[tuple[int, dict[str, str]]] = []
        self.reference: str | None = None
        self.count = 0

    async def read(self, chunks: AsyncIterator[bytes]) -> None:
        header: list[str] | None = None
        async for line, fields in records(chunks):
            if header is None:
                header = _header(fields)
                continue
            self.count += 1
            if self.count > MAX_REPORTS:
                raise TooManyReports(f"At most {MAX_REPORTS} rows per request; split the file.")
            if len(fields) != len(header):
                await self._close()
                reference = fields[0].strip() if header[0] == "crime_reference" and fields else None
                self.intake.reject([(line, f"{len(fields)} fields where the header has {len(header)}")], reference)
                continue
            await self._row(line, dict(zip(header, fields, strict=True)))
        if header is None:
            raise BadCsvFile("The file is empty: it needs a header row and one row per person.")
        await self._close()

    async def _row(self, line: int, row: dict[str, str]) -> None:
        reference = row.get("crime_reference", "").strip()
        if not reference:
            await self._close()
            self.intake.reject([(line, "crime_reference: Field required")], None)
            return
        if reference != self.reference:
            await self._close()
            self.reference = reference
        self.rows.append((line, row))

    async def _close(self) -> None:
        rows, reference = self.rows, self.reference
        self.rows, self.reference = [], None
        if not rows:
            return
        lines = [line for line, _ in rows]
        people: list[PersonReport] = []
        failed: dict[int, str] = {}
        for line, row in rows:
            try:
                people.append(PersonReport.model_validate(_present(row, PERSON_COLUMNS)))
            except ValidationError as exc:
                failed[line] = reason_of(exc)
        first = _present(rows[0][1], INCIDENT_COLUMNS)
        disagree = sorted(
            {
                name
                for _, row in rows[1:]
                for name in INCIDENT_COLUMNS
                if _present(row, (name,)).get(name) != first.get(name)
            }
        )
        if disagree:
            reason = "rows of this crime_reference disagree on " + ", ".join(disagree)
            self.intake.reject([(line, failed.get(line, reason)) for line in lines], reference)
            return
        if failed:
            bad = ", ".join(str(line) for line in failed)
            other = f"another row of this crime_reference was rejected (line {bad})"
            self.intake.reject([(line, failed.get(line, other)) for line in lines], reference)
            return
        try:
            report = IncidentReport.model_validate({**first, "people": people})
        except ValidationError as exc:
            self.intake.reject([(line, reason_of(exc)) for line in lines], reference)
            return
        await self.intake.add(lines, report)
