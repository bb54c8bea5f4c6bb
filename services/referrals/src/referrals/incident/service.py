"""Incident intake (idempotent on the crime reference, written in chunks) and reading incidents."""

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any
from uuid import UUID, uuid4

from sqlalchemy import Row
from sqlalchemy.ext.asyncio import AsyncSession

from referrals.audit.schemas import AuditAction
from referrals.audit.service import record
from referrals.incident.exceptions import IncidentNotFound
from referrals.incident.models import Incident, IncidentPerson, PersonRole, ScreeningDecision, ScreeningSource
from referrals.incident.repository import Codes, IncidentRepository
from referrals.incident.schemas import (
    CrimeReferenceCheck,
    ImportResult,
    IncidentChangeRead,
    IncidentRead,
    IncidentReport,
    IncidentSummary,
    PersonRead,
    PersonReport,
    RejectedRow,
    ScreeningRead,
)
from referrals.review.service import LONDON
from referrals.screening import service as screening
from referrals.screening.service import YOUNG_AGE, CasePerson, ScreeningCase
from referrals.subject import service as subjects
from referrals.subject.service import PersonIdentity, age_on
from vru_shared.auth import Principal
from vru_shared.logging import current_request_id
from vru_shared.pagination import PageParams

#: Reports written per round of SQL statements.
CHUNK_REPORTS = 1000
#: ... or fewer, when they involve this many people.
CHUNK_PEOPLE = 5000
PURPOSE = "incident intake"
INCIDENT_FIELDS = ("occurred_at", "district", "category", "weapon_knife", "weapon_firearm", "location")


def local_day(moment: datetime) -> date:
    return moment.astimezone(LONDON).date()


def person_age(person: PersonReport, day: date) -> int:
    if person.date_of_birth is not None:
        return age_on(person.date_of_birth, day)
    assert person.age is not None  # the schema requires one of the two
    return person.age


def _canonical_person(
    role: str,
    police: str | None,
    given: str,
    family: str,
    dob: date | None,
    age: int | None,
    home: str | None,
) -> list[Any]:
    return [role, police, given, family, dob.isoformat() if dob else None, age, home]


def _people_of_report(report: IncidentReport) -> list[list[Any]]:
    return [
        _canonical_person(
            p.role.value, p.police_person_id, p.given_name, p.family_name, p.date_of_birth, p.age, p.home_district
        )
        for p in report.people
    ]


def _people_of_rows(people: Sequence[IncidentPerson], codes: Codes) -> list[list[Any]]:
    return [
        _canonical_person(
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


def _fields_of_report(report: IncidentReport) -> dict[str, Any]:
    return {
        "occurred_at": report.occurred_at.astimezone(UTC).isoformat(),
        "district": report.district,
        "category": report.category,
        "weapon_knife": report.weapon_knife,
        "weapon_firearm": report.weapon_firearm,
        "location": report.location,
    }


def _fields_of_row(row: Row[Any], codes: Codes) -> dict[str, Any]:
    return {
        "occurred_at": row.occurred_at.astimezone(UTC).isoformat(),
        "district": codes.district_code(row.district_id),
        "category": codes.category_code(row.category_id),
        "weapon_knife": row.weapon_knife,
        "weapon_firearm": row.weapon_firearm,
        "location": row.location,
    }


def report_hash(report: IncidentReport) -> str:
    canonical = json.dumps(
        [report.crime_reference, _fields_of_report(report), _people_of_report(report)],
        separators=(",", ":"),
        ensure_ascii=False,
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


@dataclass(slots=True)
class _Pending:
    lines: list[int]
    report: IncidentReport


@dataclass(slots=True)
class _Prepared:
    pending: _Pending
    incident_id: UUID
    existing: Row[Any] | None
    hash: str
    day: date
    ages: list[int]
    subject_ids: list[UUID | None] = field(default_factory=list)


class Intake:
    """One import request. Reports are added as they are parsed and written every ``CHUNK_REPORTS``;
    each report is all-or-nothing (checked in full before any of it is written)."""

    def __init__(self, session: AsyncSession, principal: Principal) -> None:
        self.session = session
        self.principal = principal
        self.repo = IncidentRepository(session)
        self.codes: Codes | None = None
        self.pending: list[_Pending] = []
        self.pending_people = 0
        self.seen: set[str] = set()
        self.received = 0
        self.unchanged = 0
        self.rejected = 0
        self.rejected_rows: list[RejectedRow] = []
        self.created_ids: list[UUID] = []
        self.updated_ids: list[UUID] = []
        self.subjects_created: list[UUID] = []
        self.subjects_updated: list[UUID] = []
        self.reviews_opened: list[UUID] = []
        self.reviews_touched: set[UUID] = set()

    def reject(self, rows: Sequence[tuple[int, str]], crime_reference: str | None) -> None:
        """One rejected report: every row of it, each with its reason."""
        self.received += 1
        self.rejected += 1
        self.rejected_rows += [RejectedRow(line=line, crime_reference=crime_reference, reason=r) for line, r in rows]

    async def add(self, lines: list[int], report: IncidentReport) -> None:
        reference = report.crime_reference
        if reference in self.seen:
            reason = "crime_reference appears more than once in this request (a report's rows must be consecutive)"
            self.reject([(line, reason) for line in lines], reference)
            return
        self.seen.add(reference)
        self.received += 1
        self.pending.append(_Pending(lines, report))
        self.pending_people += len(report.people)
        if len(self.pending) >= CHUNK_REPORTS or self.pending_people >= CHUNK_PEOPLE:
            await self._flush()

    async def finish(self) -> ImportResult:
        await self._flush()
        await self._audit()
        self.rejected_rows.sort(key=lambda r: r.line)
        return ImportResult(
            received=self.received,
            created=len(self.created_ids),
            updated=len(self.updated_ids),
            unchanged=self.unchanged,
            rejected=self.rejected,
            rejected_rows=self.rejected_rows,
        )

    async def _audit(self) -> None:
        entries = [
            (AuditAction.CREATE, "incident", self.created_ids),
            (AuditAction.UPDATE, "incident", self.updated_ids),
            (AuditAction.CREATE, "subject", self.subjects_created),
            (AuditAction.UPDATE, "subject", self.subjects_updated),
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

    def _unknown_codes(self, report: IncidentReport, codes: Codes) -> str | None:
        unknown = []
        if report.district not in codes.districts:
            unknown.append(f"unknown district '{report.district}'")
        if report.category not in codes.categories:
            unknown.append(f"unknown category '{report.category}'")
        for person in report.people:
            if person.home_district is not None and person.home_district not in codes.districts:
                unknown.append(f"unknown home_district '{person.home_district}'")
        return "; ".join(dict.fromkeys(unknown)) or None

    async def _flush(self) -> None:
        if not self.pending:
            return
        batch, self.pending, self.pending_people = self.pending, [], 0
        if self.codes is None:
            await self.repo.lock_intake()
            self.codes = await self.repo.codes()
        codes = self.codes
        valid: list[_Pending] = []
        for item in batch:
            problem = self._unknown_codes(item.report, codes)
            if problem is None:
                valid.append(item)
            else:
                self.received -= 1  # counted when added; reject() counts it again
                self.reject([(line, problem) for line in item.lines], item.report.crime_reference)
        existing = await self.repo.existing([item.report.crime_reference for item in valid])
        prepared: list[_Prepared] = []
        for item in valid:
            digest = report_hash(item.report)
            row = existing.get(item.report.crime_reference)
            if row is not None and row.report_hash == digest:
                self.unchanged += 1
                continue
            day = local_day(item.report.occurred_at)
            prepared.append(
                _Prepared(
                    pending=item,
                    incident_id=row.id if row is not None else uuid4(),
                    existing=row,
                    hash=digest,
                    day=day,
                    ages=[person_age(p, day) for p in item.report.people],
                )
            )
        if prepared:
            await self._write(prepared, codes)

    async def _match_subjects(self, prepared: Sequence[_Prepared]) -> None:
        identities: list[PersonIdentity] = []
        for item in prepared:
            for person, age in zip(item.pending.report.people, item.ages, strict=True):
                if age <= YOUNG_AGE:
                    identities.append(
                        PersonIdentity(
                            police_person_id=person.police_person_id,
                            given_name=person.given_name,
                            family_name=person.family_name,
                            date_of_birth=person.date_of_birth,
                            age_on_day=age,
                            occurred_on=item.day,
                        )
                    )
        outcome = await subjects.match_people(self.session, people=identities)
        self.subjects_created += outcome.created
        self.subjects_updated += outcome.updated
        matched = iter(outcome.subject_ids)
        for item in prepared:
            item.subject_ids = [next(matched) if age <= YOUNG_AGE else None for age in item.ages]

    async def _write(self, prepared: list[_Prepared], codes: Codes) -> None:
        await self._match_subjects(prepared)
        cases = []
        for item in prepared:
            report, row = item.pending.report, item.existing
            cases.append(
                ScreeningCase(
                    incident_id=item.incident_id,
                    district_id=codes.districts[report.district],
                    serious_violence=codes.categories[report.category].serious_violence,
                    people=[
                        CasePerson(subject, age, codes.districts.get(p.home_district or ""))
                        for p, age, subject in zip(report.people, item.ages, item.subject_ids, strict=True)
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

        changed_ids = [item.incident_id for item in prepared if item.existing is not None]
        old_people = await self.repo.people_of_many(changed_ids)
        now = datetime.now(UTC)
        inserts: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        people: list[dict[str, Any]] = []
        changes: list[dict[str, Any]] = []
        for item in prepared:
            report, row = item.pending.report, item.existing
            decision = screened.by_incident[item.incident_id]
            values = {
                "id": item.incident_id,
                "occurred_at": report.occurred_at,
                "district_id": codes.districts[report.district],
                "category_id": codes.categories[report.category].id,
                "weapon_knife": report.weapon_knife,
                "weapon_firearm": report.weapon_firearm,
                "location": report.location,
                "report_hash": item.hash,
                "screening": decision.screening.value,
                "screening_source": decision.source.value,
                "review_id": decision.review_id,
            }
            if row is None:
                inserts.append({**values, "crime_reference": report.crime_reference})
                self.created_ids.append(item.incident_id)
            else:
                updates.append({**values, "version": row.version + 1, "updated_at": now})
                self.updated_ids.append(item.incident_id)
                changes.append(
                    {
                        "incident_id": item.incident_id,
                        "changed_by": self.principal.subject,
                        "request_id": current_request_id(),
                        "changes": self._diff(row, old_people[item.incident_id], report, codes),
                    }
                )
            for position, (person, age, subject) in enumerate(
                zip(report.people, item.ages, item.subject_ids, strict=True)
            ):
                people.append(
                    {
                        "id": uuid4(),
                        "incident_id": item.incident_id,
                        "position": position,
                        "role": person.role.value,
                        "police_person_id": person.police_person_id,
                        "given_name": person.given_name,
                        "family_name": person.family_name,
                        "date_of_birth": person.date_of_birth,
                        "age": person.age,
                        "age_on_day": age,
                        "home_district_id": codes.districts.get(person.home_district or ""),
                        "subject_id": subject,
                    }
                )
        await self.repo.insert_incidents(inserts)
        await self.repo.update_incidents(updates)
        await self.repo.replace_people(changed_ids, people)
        await self.repo.insert_changes(changes)

    @staticmethod
    def _diff(
        row: Row[Any], old_people: Sequence[IncidentPerson], report: IncidentReport, codes: Codes
    ) -> dict[str, Any]:
        before, after = _fields_of_row(row, codes), _fields_of_report(report)
        diff: dict[str, Any] = {
            name: {"from": before[name], "to": after[name]} for name in INCIDENT_FIELDS if before[name] != after[name]
        }
        if _people_of_rows(old_people, codes) != _people_of_report(report):
            diff["people"] = {"from": len(old_people), "to": len(report.people)}
        return diff


# --- reading -------------------------------------------------------------------------------------------


def _screening(incident: Incident) -> ScreeningRead:
    return ScreeningRead(
        decision=ScreeningDecision(incident.screening),
        source=ScreeningSource(incident.screening_source),
        reason=incident.screening_reason,
        by=incident.screened_by,
        at=incident.screened_at,
    )


def summary(incident: Incident, district: str, category: str) -> IncidentSummary:
    return IncidentSummary(
        id=incident.id,
        crime_reference=incident.crime_reference,
        occurred_at=incident.occurred_at,
        district=district,
        category=category,
        weapon_knife=incident.weapon_knife,
        weapon_firearm=incident.weapon_firearm,
        location=incident.location,
        screening=_screening(incident),
        review_id=incident.review_id,
        version=incident.version,
        created_at=incident.created_at,
        updated_at=incident.updated_at,
    )


async def list_incidents(
    session: AsyncSession,
    *,
    principal: Principal,
    scope: frozenset[str] | None,
    page: PageParams,
    crime_reference: str | None,
    district: str | None,
    screening: ScreeningDecision | None,
    occurred_from: datetime | None,
    occurred_to: datetime | None,
) -> list[IncidentSummary]:
    rows = await IncidentRepository(session).page(
        page,
        scope,
        crime_reference=crime_reference,
        district=district,
        screening=screening.value if screening else None,
        occurred_from=occurred_from,
        occurred_to=occurred_to,
    )
    items = [summary(*row) for row in rows]
    if items:
        await record(
            session,
            principal=principal,
            action=AuditAction.READ,
            record_type="incident",
            record_ids=[i.id for i in items[: page.limit]],
            purpose="incident list",
        )
    return items


async def read(repo: IncidentRepository, row: tuple[Incident, str, str]) -> IncidentRead:
    incident = row[0]
    people = await repo.people_with_districts(incident.id)
    changes = await repo.changes_of(incident.id)
    return IncidentRead(
        **summary(*row).model_dump(),
        people=[
            PersonRead(
                role=PersonRole(p.role),
                police_person_id=p.police_person_id,
                given_name=p.given_name,
                family_name=p.family_name,
                date_of_birth=p.date_of_birth,
                age=p.age,
                age_on_day=p.age_on_day,
                home_district=home,
                subject_id=p.subject_id,
            )
            for p, home in people
        ],
        changes=[IncidentChangeRead.model_validate(c) for c in changes],
    )


async def get_incident(
    session: AsyncSession, *, principal: Principal, scope: frozenset[str] | None, incident_id: UUID
) -> IncidentRead:
    repo = IncidentRepository(session)
    row = await repo.get(incident_id, scope)
    if row is None:
        raise IncidentNotFound(f"There is no incident {incident_id} that you can see.")
    result = await read(repo, row)
    await record(
        session,
        principal=principal,
        action=AuditAction.READ,
        record_type="incident",
        record_ids=[incident_id],
        purpose="incident",
    )
    return result


async def check_reference(session: AsyncSession, *, principal: Principal, crime_reference: str) -> CrimeReferenceCheck:
    """Is an incident with this crime reference held? No personal data; a hit is audited as a read."""
    incident_id = await IncidentRepository(session).id_of_reference(crime_reference)
    if incident_id is not None:
        await record(
            session,
            principal=principal,
            action=AuditAction.READ,
            record_type="incident",
            record_ids=[incident_id],
            purpose="crime reference check",
        )
    return CrimeReferenceCheck(crime_reference=crime_reference, known=incident_id is not None)


async def screen_by_hand(
    session: AsyncSession, *, principal: Principal, incident_id: UUID, decision: ScreeningDecision, reason: str
) -> IncidentRead:
    """An analyst screens an incident in or out, with a reason; the decision sticks."""
    repo = IncidentRepository(session)
    row = await repo.get(incident_id, None, for_update=True)
    if row is None:
        raise IncidentNotFound(f"There is no incident {incident_id}.")
    incident = row[0]
    people = await repo.people_with_districts(incident.id)
    case = ScreeningCase(
        incident_id=incident.id,
        district_id=incident.district_id,
        serious_violence=await repo.serious_violence(incident.category_id),
        people=[CasePerson(p.subject_id, p.age_on_day, p.home_district_id) for p, _ in people],
        review_id=incident.review_id,
        screening=ScreeningDecision(incident.screening),
        source=ScreeningSource(incident.screening_source),
        manual=decision,
        manual_reason=reason,
    )
    outcome = await screening.screen(session, cases=[case], principal=principal)
    screened = outcome.by_incident[incident.id]
    incident.screening = screened.screening.value
    incident.screening_source = screened.source.value
    incident.screening_reason = reason
    incident.screened_by = principal.subject
    incident.screened_at = datetime.now(UTC)
    incident.review_id = screened.review_id
    incident.version += 1
    incident.updated_at = incident.screened_at
    await repo.flush()
    await record(
        session,
        principal=principal,
        action=AuditAction.UPDATE,
        record_type="incident",
        record_ids=[incident.id],
        purpose="screening by hand",
    )
    for action, ids in ((AuditAction.CREATE, outcome.opened), (AuditAction.UPDATE, outcome.touched)):
        if ids:
            await record(
                session, principal=principal, action=action, record_type="review", record_ids=ids, purpose="screening"
            )
    return await read(repo, row)
