"""Reading the CSV export incrementally: records as the bytes arrive, rows grouped into reports.

Only the current record and the current report's rows are held, never the file. One row per person;
consecutive rows with the same ``crime_reference`` are one report (their incident columns must agree).
"""

import codecs
import csv
import io
from collections.abc import AsyncIterator, Iterable, Iterator, Sequence
from datetime import UTC
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from referrals.intake.exceptions import BadCsvFile, TooManyReports
from referrals.intake.schemas import (
    CSV_REPORT,
    MAX_PEOPLE,
    MAX_REPORTS,
    IncidentReport,
    Person,
    PersonReport,
    Report,
    reason_of,
)
from referrals.plausible import birth_problem

if TYPE_CHECKING:
    from referrals.intake.service import Intake

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
#: The value of an absent column (or an empty cell) when the schema has no default for it.
_REQUIRED = object()
#: The defaults of the optional columns (``IncidentReport``'s and ``PersonReport``'s).
DEFAULTS: dict[str, object] = {
    "weapon_knife": False,
    "weapon_firearm": False,
    "location": "",
    "police_person_id": None,
    "date_of_birth": None,
    "age": None,
    "home_district": None,
}
#: One record (a row, with any quoted line breaks) may not be longer than this.
MAX_RECORD_CHARS = 64 * 1024


async def records(chunks: AsyncIterator[bytes]) -> AsyncIterator[Iterable[tuple[int, list[str]]]]:
    """Batches of ``(line, fields)``, one per CSV record, ``line`` being where it starts (the first line is 1).
    Take each batch in full before the next: it is read as it is taken.

    A record is complete when its quotes balance, so a quoted field may hold line breaks. The lines of a
    chunk that are whole records (nearly all of them) go through one ``csv.reader``."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    buffer = ""
    record = ""
    quotes = 0
    line = 0
    start = 1

    def take(text: str) -> list[str] | None:
        nonlocal record, quotes, start
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
            texts: list[str] = []
            starts: list[int] = []
            for text in lines:
                line += 1
                if not record and len(text) < MAX_RECORD_CHARS and not text.count('"') % 2:
                    if text.strip():  # a blank line is no record
                        texts.append(text + "\n")
                        starts.append(line)
                    continue
                if texts:  # the records before this one go first
                    yield _parse(texts, starts)
                    texts, starts = [], []
                fields = take(text + "\n")
                if fields:
                    yield [(start, fields)]
            if texts:
                yield _parse(texts, starts)
        buffer += decoder.decode(b"", final=True)
    except UnicodeDecodeError as exc:
        raise BadCsvFile(f"The file is not UTF-8 text (near line {line + 1}).") from exc
    if buffer:
        line += 1
        fields = take(buffer)
        if fields:
            yield [(start, fields)]
    if record:
        raise BadCsvFile(f"The record starting on line {start} has a quote that is never closed.")


def _parse(texts: list[str], starts: list[int]) -> Iterator[tuple[int, list[str]]]:
    """Each of ``texts`` (lines whose quotes balance) as one record, through one ``csv.reader``. Should the
    reader see a record run on into the next line (a quote opening mid-field, which the quote count takes
    for a closed one), or fail, the lines from that record on are read one by one, each on its own."""
    reader = csv.reader(texts)
    done = 0
    try:
        for fields in reader:
            if reader.line_num != done + 1:
                break
            yield starts[done], fields
            done += 1
        else:
            return
    except csv.Error:
        pass
    for start, text in zip(starts[done:], texts[done:], strict=True):
        yield start, next(csv.reader(io.StringIO(text)))


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


class CsvReports:
    """Groups consecutive rows into reports and hands each, complete, to the intake."""

    def __init__(self, intake: "Intake") -> None:
        self.intake = intake
        self.rows: list[tuple[int, list[str]]] = []
        self.reference: str | None = None
        self.count = 0
        #: (column, index in a row) of the columns the header has, in ``INCIDENT_COLUMNS`` / ``PERSON_COLUMNS``
        #: order.
        self.incident_columns: list[tuple[str, int]] = []
        self.person_columns: list[tuple[str, int]] = []
        self.reference_index = 0
        #: A report's values as the compiled validator takes them.
        self.incident_values = _Columns({}, (), 0)
        self.person_values = _Columns({}, (), 0)
        self.incident_indexes: list[int] = []

    async def read(self, chunks: AsyncIterator[bytes]) -> None:
        header: list[str] | None = None
        width = 0
        async for batch in records(chunks):
            for line, fields in batch:
                if header is None:
                    header = self._header(fields)
                    width = len(header)
                    continue
                self.count += 1
                if self.count > MAX_REPORTS:
                    raise TooManyReports(f"At most {MAX_REPORTS} rows per request; split the file.")
                if len(fields) != width:
                    await self._close()
                    reference = fields[0].strip() if header[0] == "crime_reference" and fields else None
                    self.intake.reject([(line, f"{len(fields)} fields where the header has {width}")], reference)
                    continue
                await self._row(line, fields)
        if header is None:
            raise BadCsvFile("The file is empty: it needs a header row and one row per person.")
        await self._close()

    def _header(self, fields: list[str]) -> list[str]:
        names = _header(fields)
        index = {name: i for i, name in enumerate(names)}
        self.incident_columns = [(name, index[name]) for name in INCIDENT_COLUMNS if name in index]
        self.person_columns = [(name, index[name]) for name in PERSON_COLUMNS if name in index]
        self.reference_index = index["crime_reference"]
        self.incident_values = _Columns(index, INCIDENT_COLUMNS, len(names))
        self.person_values = _Columns(index, PERSON_COLUMNS, len(names))
        self.incident_indexes = [i for _, i in self.incident_columns]
        return names

    async def _row(self, line: int, fields: list[str]) -> None:
        reference = fields[self.reference_index].strip()
        if not reference:
            await self._close()
            self.intake.reject([(line, "crime_reference: Field required")], None)
            return
        if reference != self.reference:
            await self._close()
            self.reference = reference
        fields.append("")  # the cell of an absent column (``_Columns``)
        self.rows.append((line, fields))

    async def _close(self) -> None:
        rows, reference = self.rows, self.reference
        self.rows, self.reference = [], None
        if not rows:
            return
        lines = [line for line, _ in rows]
        compiled = self._compiled(rows)
        if compiled is not None:
            await self.intake.add(lines, compiled)
            return
        # Something is wrong with it (or it is of the rare kinds the compiled check leaves to the models): the
        # models say what, row by row.
        people: list[PersonReport] = []
        failed: dict[int, str] = {}
        # A CSV cell is text by nature: strict=False parses `true`/`yes`/`1` and `15` from it on purpose (the
        # JSON batch's values must be of their JSON type: StrictBool, StrictInt in the schemas).
        for line, fields in rows:
            try:
                people.append(PersonReport.model_validate(_present(fields, self.person_columns), strict=False))
            except ValidationError as exc:
                failed[line] = reason_of(exc)
        first = rows[0][1]
        disagree = sorted(
            {
                name
                for _, fields in rows[1:]
                for name, i in self.incident_columns
                if fields[i].strip() != first[i].strip()
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
        incident = _present(first, self.incident_columns)
        incident["people"] = people
        try:
            report = IncidentReport.model_validate(incident, strict=False)
        except ValidationError as exc:
            self.intake.reject([(line, reason_of(exc)) for line in lines], reference)
            return
        await self.intake.add(lines, Report.of(report))

    def _compiled(self, rows: list[tuple[int, list[str]]]) -> Report | None:
        """The report, if it is valid, checked by one call of the compiled validator (``CSV_REPORT``): the same
        types and rules as the models', without building them. ``None`` when anything is wrong — the models
        then check it again and name the fields — or its rows differ at all in an incident column."""
        if len(rows) > MAX_PEOPLE:
            return None
        first = rows[0][1]
        for _, fields in rows[1:]:
            for i in self.incident_indexes:
                if fields[i] != first[i]:
                    return None
        incident = self.incident_values.of(first)
        if incident is None:
            return None
        people = []
        for _, fields in rows:
            person = self.person_values.of(fields)
            if person is None:
                return None
            people.append(person)
        try:
            reference, occurred_at, district, category, knife, firearm, location, valid = CSV_REPORT.validate_python(
                (*incident, people), strict=False
            )
        except ValidationError:
            return None
        for p in valid:
            if p[4] is None and p[5] is None:  # PersonReport._dob_or_age
                return None
            if p[4] is not None and birth_problem(p[4], occurred_at) is not None:  # IncidentReport._plausible_births
                return None
        return Report(
            reference,
            occurred_at.astimezone(UTC),
            district,
            category,
            knife,
            firearm,
            location,
            tuple(Person(p[0].value, p[1], p[2], p[3], p[4], p[5], p[6]) for p in valid),
        )


class _Columns:
    """Some columns' cells of a row, stripped, in the order of ``names``; an absent column or an empty cell is
    the column's default. A row has one empty cell appended (:meth:`CsvReports._row`): an absent column reads it."""

    def __init__(self, index: dict[str, int], names: Sequence[str], width: int) -> None:
        self.cells = itemgetter(*(index.get(name, width) for name in names)) if names else None
        self.defaults = [DEFAULTS.get(name, _REQUIRED) for name in names]

    def of(self, fields: list[str]) -> list[object] | None:
        """The values, or ``None`` when a required one is empty or absent."""
        assert self.cells is not None
        values = [cell.strip() or default for cell, default in zip(self.cells(fields), self.defaults, strict=True)]
        return None if _REQUIRED in values else values


def _present(fields: list[str], columns: list[tuple[str, int]]) -> dict[str, Any]:
    """The non-empty cells of ``columns`` (an empty cell is an absent value), stripped."""
    return {name: value for name, i in columns if (value := fields[i].strip())}
