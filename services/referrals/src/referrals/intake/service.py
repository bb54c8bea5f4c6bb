"""Incident intake: crime reports as JSON or CSV, idempotent on the crime reference, written in chunks.

One entry point per format (:func:`import_batch`, :func:`import_csv`); both drive one :class:`Intake`."""

import asyncio
import hashlib
import json
import time
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, NamedTuple, Self
from uuid import UUID

from sqlalchemy import Row
from sqlalchemy.ext.asyncio import AsyncSession

from referrals import bulk
from referrals.audit.schemas import AuditAction
from referrals.audit.service import record
from referrals.calendar import age_on, local_day
from referrals.incident.models import IncidentPerson, ScreeningDecision, ScreeningSource
from referrals.intake.csv_reader import CsvReports
from referrals.intake.exceptions import ImportStillRunning
from referrals.intake.repository import INCIDENT_COLUMNS, PERSON_COLUMNS, UPDATE_COLUMNS, Codes, IntakeRepository
from referrals.intake.schemas import ImportResult, IncidentBatch, Person, RejectedRow, Report
from referrals.screening import service as screening
from referrals.screening.repository import ScreeningRepository
from referrals.screening.service import YOUNG_AGE, CasePerson, ScreeningCase, automatic_decision
from referrals.subject import service as subjects
from referrals.subject.service import PersonIdentity, SubjectCorrection, name_key
from vru_shared.auth import Principal
from vru_shared.logging import current_request_id

#: While a chunk is being written, the next one's reading gives way this often (in reports) so that the
#: writing goes on as soon as the database answers, not when a long stretch of parsing is done.
YIELD_EVERY = 2
#: Reports written per round of SQL statements.
CHUNK_REPORTS = 1000
#: Waiting for the intake lock: ask again after 50 ms, then twice as long each time, at most every 500 ms.
LOCK_POLL_FIRST = 0.05
LOCK_POLL_MAX = 0.5
#: ... or fewer, when they involve this many people.
CHUNK_PEOPLE = 5000
PURPOSE = "incident intake"
INCIDENT_FIELDS = ("occurred_at", "district", "category", "weapon_knife", "weapon_firearm", "location")

# Where things sit in the rows written (tuples in the repository's column orders).
_REFERENCE = INCIDENT_COLUMNS.index("crime_reference")
_DISTRICT = INCIDENT_COLUMNS.index("district_id")
_HOME = PERSON_COLUMNS.index("home_district_id")
_REPORTED = slice(INCIDENT_COLUMNS.index("occurred_at"), INCIDENT_COLUMNS.index("report_hash") + 1)
_SCREENED = slice(INCIDENT_COLUMNS.index("screening"), INCIDENT_COLUMNS.index("review_id") + 1)
_AS_REPORTED = slice(PERSON_COLUMNS.index("position"), PERSON_COLUMNS.index("home_district_id") + 1)
_OUT = ScreeningDecision.OUT.value  # an enum member's value is a descriptor lookup: once, not per report
_AUTOMATIC = ScreeningSource.AUTOMATIC.value
assert ("id", *INCIDENT_COLUMNS[_REPORTED], *INCIDENT_COLUMNS[_SCREENED], "version", "updated_at") == UPDATE_COLUMNS


def person_age(person: Person, day: date) -> int:
    if person.date_of_birth is not None:
        return age_on(person.date_of_birth, day)
    assert person.age is not None  # the schema requires one of the two
    return person.age


def changed(held: IncidentPerson, person: Person) -> bool:
    """Whether the report now names or identifies the person held differently."""
    return (held.given_name, held.family_name, held.date_of_birth, held.police_person_id) != (
        person.given_name,
        person.family_name,
        person.date_of_birth,
        person.police_person_id,
    )


def pair_people(
    held: Sequence[IncidentPerson], people: Sequence[Person], ages: Sequence[int]
) -> list[IncidentPerson | None]:
    """Which person held for a re-sent report each of its people is, if any: the same police person id; else
    the same name (normalised) and date of birth; else the same name and age on the day; else the same name;
    else, for someone renamed, the same position and role. Each held person is taken once, in that order, so a
    corrected age or date of birth, a corrected spelling or a reordered list keeps everyone's link. A handful of
    people per report: plain loops."""
    pairs: list[IncidentPerson | None] = [None] * len(people)
    free = list(held)
    keys = [name_key(p.given_name, p.family_name) for p in people]
    held_keys = {id(h): name_key(h.given_name, h.family_name) for h in held}

    def other_police_id(h: IncidentPerson, p: Person) -> bool:
        return None not in (h.police_person_id, p.police_person_id) and h.police_person_id != p.police_person_id

    rules: tuple[Callable[[IncidentPerson, Person, int], bool], ...] = (
        lambda h, p, i: p.police_person_id is not None and h.police_person_id == p.police_person_id,
        lambda h, p, i: (
            p.date_of_birth is not None and h.date_of_birth == p.date_of_birth and held_keys[id(h)] == keys[i]
        ),
        lambda h, p, i: held_keys[id(h)] == keys[i] and h.age_on_day == ages[i],
        lambda h, p, i: held_keys[id(h)] == keys[i],
        lambda h, p, i: h.position == i and h.role == p.role,
    )
    for rule in rules:
        for index, person in enumerate(people):
            if pairs[index] is not None:
                continue
            found = next((h for h in free if not other_police_id(h, person) and rule(h, person, index)), None)
            if found is not None:
                pairs[index] = found
                free.remove(found)
    return pairs


def _people_of_rows(people: Sequence[IncidentPerson], codes: Codes) -> list[Person]:
    """The people held, as a re-sent report gives them (to tell whether they changed)."""
    return [
        Person(
            p.role,
            p.police_person_id,
            p.given_name,
            p.family_name,
            p.date_of_birth,
            p.age,
            codes.district_code(p.home_district_id),
        )
        for p in people
    ]


def _fields(*values: Any) -> dict[str, Any]:
    """An incident's fields by name (``INCIDENT_FIELDS``, in order), the time as UTC text."""
    fields = dict(zip(INCIDENT_FIELDS, values, strict=True))
    fields["occurred_at"] = fields["occurred_at"].astimezone(UTC).isoformat()
    return fields


_string = json.encoder.encode_basestring  # how json.dumps(..., ensure_ascii=False) writes a str


def _json(value: str | None) -> str:
    return "null" if value is None else _string(value)


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo is UTC else moment.astimezone(UTC)


def report_hash(report: Report) -> str:
    """sha256 of the report's canonical form: ``json.dumps([crime_reference, fields, people],
    separators=(",", ":"), ensure_ascii=False)`` of :func:`_fields` and each person as a list (its date of
    birth ISO text), written out directly (the same text, several times faster: every report is hashed)."""
    people = ",".join(
        f"[{_string(p.role)},{_json(p.police_person_id)},{_string(p.given_name)},{_string(p.family_name)},"
        f"{'null' if p.date_of_birth is None else _string(p.date_of_birth.isoformat())},"
        f"{'null' if p.age is None else int(p.age)},{_json(p.home_district)}]"
        for p in report.people
    )
    canonical = (
        f"[{_string(report.crime_reference)},"
        f'{{"occurred_at":{_string(_utc(report.occurred_at).isoformat())},'
        f'"district":{_string(report.district)},"category":{_string(report.category)},'
        f'"weapon_knife":{"true" if report.weapon_knife else "false"},'
        f'"weapon_firearm":{"true" if report.weapon_firearm else "false"},'
        f'"location":{_string(report.location)}}},[{people}]]'
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def unknown_codes(report: Report, codes: Codes) -> str | None:
    if (
        report.district in codes.districts
        and report.category in codes.categories
        and all(p.home_district is None or p.home_district in codes.districts for p in report.people)
    ):
        return None
    unknown = []
    if report.district not in codes.districts:
        unknown.append(f"unknown district '{report.district}'")
    if report.category not in codes.categories:
        unknown.append(f"unknown category '{report.category}'")
    for person in report.people:
        if person.home_district is not None and person.home_district not in codes.districts:
            unknown.append(f"unknown home_district '{person.home_district}'")
    return "; ".join(dict.fromkeys(unknown))


@dataclass(frozen=True, slots=True)
class _Keys:
    """The reference data as the rows written hold it: ids as text (see :func:`bulk.new_ids`)."""

    districts: dict[str, str]
    categories: dict[str, str]
    serious_violence: frozenset[str]
    #: District id text → id.
    district_ids: dict[str, UUID]

    @classmethod
    def of(cls, codes: Codes) -> "_Keys":
        return cls(
            {code: str(id_) for code, id_ in codes.districts.items()},
            {code: str(category.id) for code, category in codes.categories.items()},
            frozenset(code for code, category in codes.categories.items() if category.serious_violence),
            {str(id_): id_ for id_ in codes.districts.values()},
        )


class _Pending(NamedTuple):
    """A valid report waiting for its chunk to be written, with all that needs no database worked out while
    it waits (the chunk before is being written meanwhile): its rows as they are stored if it is new and
    screened out, its people not yet matched to young people. Plain values in plain tuples, ids as text:
    thousands wait at a time, and the garbage collector drops such tuples from its watch (it would keep
    scanning models, named tuples and ``UUID`` objects)."""

    lines: tuple[int, ...]
    #: ``tuple(report)``, its people as ``tuple(person)`` (see :attr:`report`).
    values: tuple[Any, ...]
    hash: str
    day: date
    ages: tuple[int, ...]
    serious_violence: bool
    #: In ``INCIDENT_COLUMNS`` order.
    incident: tuple[Any, ...]
    #: In ``PERSON_COLUMNS`` order.
    people: tuple[tuple[Any, ...], ...]

    @classmethod
    def of(cls, lines: list[int], report: Report, keys: _Keys, ids: bulk.Ids) -> "_Pending":
        day = local_day(report.occurred_at)
        ages = tuple(person_age(p, day) for p in report.people)
        digest = report_hash(report)
        incident_id, *person_ids = ids.take(1 + len(report.people))
        incident = (
            incident_id,
            report.crime_reference,
            report.occurred_at,
            keys.districts[report.district],
            keys.categories[report.category],
            report.weapon_knife,
            report.weapon_firearm,
            report.location,
            digest,
            _OUT,
            _AUTOMATIC,
            None,
            1,
        )
        people = tuple(
            (
                person_id,
                incident_id,
                position,
                p.role,
                p.police_person_id,
                p.given_name,
                p.family_name,
                p.date_of_birth,
                p.age,
                age,
                None if p.home_district is None else keys.districts[p.home_district],
                None,
            )
            for position, (person_id, p, age) in enumerate(zip(person_ids, report.people, ages, strict=True))
        )
        values = (*report[:-1], tuple(tuple(p) for p in report.people))
        serious = report.category in keys.serious_violence
        return cls(tuple(lines), values, digest, day, ages, serious, incident, people)

    @property
    def report(self) -> Report:
        *fields, people = self.values
        return Report._make((*fields, tuple(Person._make(p) for p in people)))


@dataclass(slots=True)
class _Prepared:
    pending: _Pending
    #: Text, as in the rows written.
    incident_id: str
    existing: Row[Any] | None
    subject_ids: list[UUID | None] = field(default_factory=list)
    #: A re-sent report: the person held that each person of the report is (``pair_people``), else ``None``.
    kept: list[IncidentPerson | None] = field(default_factory=list)
    #: The incident's id, when it goes through screening.
    case_id: UUID | None = None

    @property
    def ages(self) -> tuple[int, ...]:
        return self.pending.ages


class Intake:
    """One import request. Reports are added as they are parsed and written every ``CHUNK_REPORTS``;
    each report is all-or-nothing (checked in full before any of it is written).

    A full chunk is written in the background while the next one is parsed, so the database's work and
    the parsing overlap; one chunk is written at a time (the request has one connection). Use it as an
    ``async with`` block: leaving it on an error waits for the chunk being written, so the request's
    transaction is rolled back with nothing still running on its connection."""

    def __init__(self, session: AsyncSession, principal: Principal, *, lock_wait: float, similarity: float) -> None:
        self.session = session
        self.principal = principal
        self.lock_wait = lock_wait
        self.similarity = similarity
        self.repo = IntakeRepository(session)
        self.codes: Codes | None = None
        self.keys: _Keys | None = None
        self.pending: list[_Pending] = []
        self.pending_reports = 0
        self.pending_people = 0
        self.ids = bulk.Ids()
        self.writing: asyncio.Task[None] | None = None
        self.seen: set[str] = set()
        self.received = 0
        self.unchanged = 0
        self.rejected = 0
        self.rejected_rows: list[RejectedRow] = []
        self.created_ids: list[str] = []
        self.updated_ids: list[str] = []
        self.subjects_created: list[UUID] = []
        self.subjects_updated: list[UUID] = []
        self.subjects_erased: list[UUID] = []
        #: The chunk's new and corrected young people, flagged by similar names once their people are written.
        self.to_flag: list[UUID] = []
        #: Whether the young people's table's statistics were checked (once an import: ``subjects.flag_similar``).
        self.statistics_checked = False
        self.reviews_opened: list[UUID] = []
        self.reviews_touched: set[UUID] = set()
        self.screened_in = 0

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        writing, self.writing = self.writing, None
        if writing is not None:
            await asyncio.wait([writing])
            if not writing.cancelled():
                writing.exception()  # retrieved: the error leaving the block is the one reported

    def reject(self, rows: Sequence[tuple[int, str]], crime_reference: str | None) -> None:
        """One rejected report: every row of it, each with its reason."""
        self.received += 1
        self.rejected += 1
        self.rejected_rows += [RejectedRow(line=line, crime_reference=crime_reference, reason=r) for line, r in rows]

    async def add(self, lines: list[int], report: Report) -> None:
        """One valid report (its schema checked: :meth:`Report.of` an ``IncidentReport``, or a CSV report
        validated as tuples), with its lines."""
        reference = report.crime_reference
        if reference in self.seen:
            reason = "crime_reference appears more than once in this request (a report's rows must be consecutive)"
            self.reject([(line, reason) for line in lines], reference)
            return
        self.seen.add(reference)
        if self.codes is None or self.keys is None:
            await self._lock()
            self.codes = await self.repo.codes()
            self.keys = _Keys.of(self.codes)
        problem = unknown_codes(report, self.codes)
        if problem is None:
            self.received += 1
            self.pending.append(_Pending.of(lines, report, self.keys, self.ids))
        else:
            self.reject([(line, problem) for line in lines], reference)
        # A chunk is the next CHUNK_REPORTS valid reports, those with unknown codes included: where the chunks
        # start decides which open review an incident joins, when one young person has several.
        self.pending_reports += 1
        self.pending_people += len(report.people)
        if self.pending_reports >= CHUNK_REPORTS or self.pending_people >= CHUNK_PEOPLE:
            await self._hand_over()
        elif self.writing is not None and not self.pending_reports % YIELD_EVERY:
            await asyncio.sleep(0)

    async def _lock(self) -> None:
        """Wait for the intake lock up to ``lock_wait`` seconds (imports run one at a time), asking again and again
        rather than blocking in one statement: a statement timeout must not cut a documented wait short."""
        started = time.monotonic()
        pause = LOCK_POLL_FIRST
        while not await self.repo.try_lock_intake():
            waited = time.monotonic() - started
            if waited >= self.lock_wait:
                raise ImportStillRunning(waited)
            await asyncio.sleep(min(pause, self.lock_wait - waited))
            pause = min(pause * 2, LOCK_POLL_MAX)

    async def finish(self) -> ImportResult:
        await self._hand_over()
        await self._written()
        await self._audit()
        self.rejected_rows.sort(key=lambda r: r.line)
        return ImportResult(
            received=self.received,
            created=len(self.created_ids),
            updated=len(self.updated_ids),
            unchanged=self.unchanged,
            rejected=self.rejected,
            screened_in=self.screened_in,
            reviews_opened=len(self.reviews_opened),
            rejected_rows=self.rejected_rows,
        )

    async def _hand_over(self) -> None:
        """Start writing the pending reports once the chunk before them is written."""
        await self._written()
        batch, self.pending, self.pending_reports, self.pending_people = self.pending, [], 0, 0
        if batch:
            self.writing = asyncio.create_task(self._flush(batch))

    async def _written(self) -> None:
        if self.writing is not None:
            writing, self.writing = self.writing, None
            await writing

    async def _audit(self) -> None:
        entries: list[tuple[AuditAction, str, Sequence[UUID | str]]] = [
            (AuditAction.CREATE, "incident", self.created_ids),
            (AuditAction.UPDATE, "incident", self.updated_ids),
            (AuditAction.CREATE, "subject", self.subjects_created),
            (AuditAction.UPDATE, "subject", self.subjects_updated),
            (AuditAction.ERASE, "subject", self.subjects_erased),
            (AuditAction.CREATE, "review", self.reviews_opened),
            (AuditAction.UPDATE, "review", sorted(self.reviews_touched - set(self.reviews_opened))),
        ]
        for action, record_type, ids in entries:
            if ids:
                await record(
                    self.session,
                    principal=self.principal,
                    action=action,
                    record_type=record_type,
                    record_ids=ids,
                    purpose=PURPOSE,
                )

    async def _flush(self, batch: list[_Pending]) -> None:
        existing = await self.repo.existing([item.incident[_REFERENCE] for item in batch])
        prepared: list[_Prepared] = []
        for item in batch:
            row = existing.get(item.incident[_REFERENCE])
            if row is None:
                prepared.append(_Prepared(item, item.incident[0], None))
            elif row.report_hash == item.hash:
                self.unchanged += 1
            else:
                prepared.append(_Prepared(item, str(row.id), row))
        if prepared:
            await self._write(prepared)

    def _in_scope(self, item: _Prepared) -> bool:
        """What screening will decide (``screening.screen``'s rule): an analyst's decision sticks, else the
        automatic one. Only the people of an incident in scope become young people's records (subjects)."""
        row = item.existing
        if row is not None and row.screening_source == ScreeningSource.MANUAL.value:
            return bool(row.screening == ScreeningDecision.IN.value)
        return automatic_decision(item.pending.serious_violence, item.ages) is ScreeningDecision.IN

    async def _match_subjects(
        self, prepared: Sequence[_Prepared], old_people: dict[UUID, list[IncidentPerson]]
    ) -> None:
        """The young person (subject) of each person of the reports in scope. A re-sent report's people keep
        the records they are already linked to (``pair_people``): only someone new to the report is matched."""
        identities: list[PersonIdentity] = []
        corrections: list[SubjectCorrection] = []
        wanted: list[list[bool] | None] = []  # per report in scope: whose subject is to be matched
        for item in prepared:
            report_people = item.pending.report.people
            if item.existing is not None:
                item.kept = pair_people(old_people[item.existing.id], report_people, item.ages)
            if not self._in_scope(item):
                wanted.append(None)
                continue
            needs = []
            for index, (person, age) in enumerate(zip(report_people, item.ages, strict=True)):
                kept = item.kept[index] if item.kept else None
                if age > YOUNG_AGE or (kept is not None and kept.subject_id is not None):
                    needs.append(False)
                    if age <= YOUNG_AGE and kept is not None and kept.subject_id is not None and changed(kept, person):
                        corrections.append(SubjectCorrection.of(kept.subject_id, kept.incident_id, person))
                    continue
                needs.append(True)
                identities.append(
                    PersonIdentity(
                        police_person_id=person.police_person_id,
                        given_name=person.given_name,
                        family_name=person.family_name,
                        date_of_birth=person.date_of_birth,
                        age_on_day=age,
                        occurred_on=item.pending.day,
                    )
                )
            wanted.append(needs)
        outcome = await subjects.match_people(self.session, people=identities, corrections=corrections)
        self.subjects_created += outcome.created
        self.subjects_updated += outcome.updated
        self.to_flag = [*outcome.created, *outcome.updated]
        matched = iter(outcome.subject_ids)
        for item, to_match in zip(prepared, wanted, strict=True):
            if to_match is None:
                item.subject_ids = [None] * len(item.ages)
                continue
            item.subject_ids = [
                next(matched) if need else None if age > YOUNG_AGE or kept is None else kept.subject_id
                for need, age, kept in zip(to_match, item.ages, item.kept or [None] * len(to_match), strict=True)
            ]

    async def _write(self, prepared: list[_Prepared]) -> None:
        assert self.codes is not None  # loaded with the first report
        assert self.keys is not None
        codes, district_ids = self.codes, self.keys.district_ids
        changed_ids = [item.existing.id for item in prepared if item.existing is not None]
        old_people = await self.repo.people_of_many(changed_ids)
        await self._match_subjects(prepared, old_people)
        cases = []
        for item in prepared:
            pending, row = item.pending, item.existing
            if row is None and automatic_decision(pending.serious_violence, pending.ages) is ScreeningDecision.OUT:
                continue  # new and out of scope: screening would leave it out, touching no review
            item.case_id = UUID(item.incident_id) if row is None else row.id
            homes = [None if p[_HOME] is None else district_ids[p[_HOME]] for p in pending.people]
            cases.append(
                ScreeningCase(
                    incident_id=item.case_id,
                    district_id=district_ids[pending.incident[_DISTRICT]],
                    serious_violence=pending.serious_violence,
                    people=[
                        CasePerson(subject, age, home)
                        for age, home, subject in zip(pending.ages, homes, item.subject_ids, strict=True)
                    ],
                    review_id=row.review_id if row is not None else None,
                    screening=ScreeningDecision(row.screening) if row is not None else ScreeningDecision.OUT,
                    source=ScreeningSource(row.screening_source) if row is not None else ScreeningSource.AUTOMATIC,
                    updated=row is not None,
                )
            )
        screened = await screening.screen(self.session, cases=cases, principal=self.principal)
        self.reviews_opened += screened.opened
        self.reviews_touched.update(screened.touched)

        now = datetime.now(UTC)
        inserts: list[tuple[Any, ...]] = []
        updates: list[tuple[Any, ...]] = []
        people: list[tuple[Any, ...]] = []
        changes: list[dict[str, Any]] = []
        released: set[UUID] = set()
        reviews: set[UUID] = set()
        for item in prepared:
            pending, row, incident_id = item.pending, item.existing, item.incident_id
            decision = None if item.case_id is None else screened.by_incident[item.case_id]
            if decision is not None and decision.screening is ScreeningDecision.IN:
                self.screened_in += 1
            screened_as = (
                pending.incident[_SCREENED]
                if decision is None
                else (decision.screening.value, decision.source.value, decision.review_id)
            )
            if row is None:
                inserts.append(
                    pending.incident if decision is None else (*pending.incident[: _SCREENED.start], *screened_as, 1)
                )
                self.created_ids.append(incident_id)
            else:
                updates.append((incident_id, *pending.incident[_REPORTED], *screened_as, row.version + 1, now))
                self.updated_ids.append(incident_id)
                changes.append(
                    {
                        "incident_id": row.id,
                        "changed_by": self.principal.subject,
                        "request_id": current_request_id(),
                        "changes": self._diff(row, old_people[row.id], pending.report, codes),
                    }
                )
            if row is None and not any(item.subject_ids):
                people += pending.people
            elif row is None:
                people += [
                    (person[0], incident_id, *person[_AS_REPORTED], subject)
                    for person, subject in zip(pending.people, item.subject_ids, strict=True)
                ]
            else:  # the people held keep their rows (ids), updated as the report now gives them
                people += [
                    (person[0] if kept is None else kept.id, incident_id, *person[_AS_REPORTED], subject)
                    for person, subject, kept in zip(pending.people, item.subject_ids, item.kept, strict=True)
                ]
                released.update(p.subject_id for p in old_people[row.id] if p.subject_id is not None)
                released.difference_update(s for s in item.subject_ids if s is not None)
                reviews.update(r for r in (row.review_id, screened_as[2]) if r is not None)
        await self.repo.insert_incidents(inserts)
        await self.repo.update_incidents(updates)
        await self.repo.replace_people(changed_ids, people)
        await self.repo.insert_changes(changes)
        if await subjects.flag_similar(
            self.session,
            subject_ids=self.to_flag,
            threshold=self.similarity,
            check_statistics=not self.statistics_checked,
        ):
            self.statistics_checked = True
        # Whoever a corrected report no longer names (or names out of scope) leaves the review through it, and
        # their record goes if nothing else refers to it.
        self.subjects_erased += await ScreeningRepository(self.session).release(subjects=released, reviews=reviews)

    @staticmethod
    def _diff(row: Row[Any], old_people: Sequence[IncidentPerson], report: Report, codes: Codes) -> dict[str, Any]:
        before = _fields(
            row.occurred_at,
            codes.district_code(row.district_id),
            codes.category_code(row.category_id),
            row.weapon_knife,
            row.weapon_firearm,
            row.location,
        )
        after = _fields(*report[1:7])
        diff: dict[str, Any] = {
            name: {"from": before[name], "to": after[name]} for name in INCIDENT_FIELDS if before[name] != after[name]
        }
        if _people_of_rows(old_people, codes) != list(report.people):
            diff["people"] = {"from": len(old_people), "to": len(report.people)}
        return diff


async def import_batch(
    session: AsyncSession, *, principal: Principal, batch: IncidentBatch, lock_wait: float, similarity: float
) -> ImportResult:
    """A JSON batch: its valid reports in order, and those the schema already refused listed as rejected."""
    async with Intake(session, principal, lock_wait=lock_wait, similarity=similarity) as intake:
        for position, report in zip(batch.positions, batch.reports, strict=True):
            await intake.add([position], Report.of(report))
        for rejected in batch.rejected:
            intake.reject([(rejected.line, rejected.reason)], rejected.crime_reference)
        return await intake.finish()


async def import_csv(
    session: AsyncSession,
    *,
    principal: Principal,
    chunks: AsyncIterator[bytes],
    lock_wait: float,
    similarity: float,
) -> ImportResult:
    """A CSV export, read as its bytes arrive."""
    async with Intake(session, principal, lock_wait=lock_wait, similarity=similarity) as intake:
        await CsvReports(intake).read(chunks)
        return await intake.finish()
