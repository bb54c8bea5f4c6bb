"""Matching young people across incidents (uncertain matches are resolved by hand: ``casefile``).

Matching, in order: the police person id when given; else the same normalised name and date of birth.
Anything close but not certain — the same name and a date of birth a day off or with day and month swapped,
the same name and an age that fits, the same name and date of birth under a different police id — makes a new
subject flagged "possible duplicate" of the other, for a person to confirm (merge) or split; so do similar
names (:func:`flag_similar`, in SQL over trigrams once the people are written). Nothing is ever merged
silently.
"""

import unicodedata
from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any
from uuid import UUID, uuid4

from sqlalchemy.ext.asyncio import AsyncSession

from referrals.calendar import age_on
from referrals.subject.models import DuplicateStatus, SubjectDuplicate
from referrals.subject.repository import MAX_FLAGS, SubjectRepository
from referrals.subject.schemas import PossibleDuplicate


def normalise(name: str) -> str:
    """Lower case, accents and apostrophes dropped, other punctuation as spaces, spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    plain = plain.replace("'", "").replace("\u2019", "")
    return " ".join("".join(c if c.isalnum() else " " for c in plain).split())


def name_key(given_name: str, family_name: str) -> str:
    return f"{normalise(family_name)}|{normalise(given_name)}"


def nearby_dates(day: date) -> list[date]:
    """The dates of birth a near-miss may have: a day either side, and day and month swapped."""
    out = [day - timedelta(days=1), day + timedelta(days=1)]
    if day.day <= 12 and day.day != day.month:
        out.append(day.replace(month=day.day, day=day.month))
    return out


@dataclass(frozen=True, slots=True)
class PersonIdentity:
    """What the matcher knows of one young person in a report."""

    police_person_id: str | None
    given_name: str
    family_name: str
    date_of_birth: date | None
    age_on_day: int
    occurred_on: date


@dataclass(frozen=True, slots=True)
class SubjectCorrection:
    """A re-sent report names or identifies a young person it already linked differently."""

    subject_id: UUID
    #: The incident of the report: the record is corrected only when no other incident names the young person.
    incident_id: UUID
    police_person_id: str | None
    given_name: str
    family_name: str
    date_of_birth: date | None

    @classmethod
    def of(cls, subject_id: UUID, incident_id: UUID, person: Any) -> "SubjectCorrection":
        return cls(
            subject_id,
            incident_id,
            person.police_person_id,
            person.given_name,
            person.family_name,
            person.date_of_birth,
        )


@dataclass(slots=True)
class _Known:
    id: UUID
    police_person_id: str | None
    key: str
    date_of_birth: date | None


@dataclass(slots=True)
class _Index:
    by_police: dict[str, _Known] = field(default_factory=dict)
    by_key_dob: dict[tuple[str, date], list[_Known]] = field(default_factory=lambda: defaultdict(list))
    by_key: dict[str, list[_Known]] = field(default_factory=lambda: defaultdict(list))

    def add(self, known: _Known) -> None:
        if known.police_person_id:
            self.by_police.setdefault(known.police_person_id, known)
        self.by_key[known.key].append(known)
        if known.date_of_birth is not None:
            self.by_key_dob[(known.key, known.date_of_birth)].append(known)

    def exact(self, person: PersonIdentity, key: str) -> _Known | None:
        if person.police_person_id and person.police_person_id in self.by_police:
            return self.by_police[person.police_person_id]
        if person.date_of_birth is None:
            return None
        for known in self.by_key_dob.get((key, person.date_of_birth), []):
            if known.police_person_id is None or person.police_person_id is None:
                return known
        return None

    def near(self, person: PersonIdentity, key: str) -> list[tuple[UUID, str]]:
        """The first ``MAX_FLAGS`` near misses, in order: the search stops as soon as it has them (a common
        name and date of birth may have thousands of candidates)."""
        found: dict[UUID, str] = {}

        def enough(known: _Known, reason: str) -> bool:
            found.setdefault(known.id, reason)
            return len(found) >= MAX_FLAGS

        dob = person.date_of_birth
        if dob is None:
            for known in self.by_key.get(key, []):
                if (
                    known.date_of_birth is not None
                    and abs(age_on(known.date_of_birth, person.occurred_on) - person.age_on_day) <= 1
                    and enough(known, "same name, age fits the date of birth")
                ):
                    break
            return list(found.items())
        for known in self.by_key_dob.get((key, dob), []):
            if enough(known, "same name and date of birth, different police person id"):
                return list(found.items())
        for other in nearby_dates(dob):
            reason = (
                "same name, day and month of birth swapped"
                if abs((other - dob).days) > 1
                else "same name, date of birth a day apart"
            )
            for known in self.by_key_dob.get((key, other), []):
                if enough(known, reason):
                    return list(found.items())
        return list(found.items())


@dataclass(slots=True)
class MatchOutcome:
    subject_ids: list[UUID]
    created: list[UUID]
    updated: list[UUID]


async def match_people(
    session: AsyncSession, *, people: Sequence[PersonIdentity], corrections: Sequence[SubjectCorrection] = ()
) -> MatchOutcome:
    """The subject of each person (same order), creating subjects and possible-duplicate flags as needed; and
    ``corrections`` of young people already linked, applied to their records when no other incident names them
    (else the record keeps what it holds: another report may be the right one).

    Reads candidates in one query and writes in one statement per table, however many people."""
    repo = SubjectRepository(session)
    corrected = await repo.correct(
        [
            (
                c.subject_id,
                c.incident_id,
                c.police_person_id,
                c.given_name,
                c.family_name,
                c.date_of_birth,
                name_key(c.given_name, c.family_name),
            )
            for c in corrections
        ]
    )
    if not people:
        return MatchOutcome([], [], corrected)
    keys = [name_key(p.given_name, p.family_name) for p in people]
    candidates = await repo.candidates(
        police_ids={p.police_person_id for p in people if p.police_person_id},
        name_keys=set(keys),
    )
    index = _Index()
    for subject_id, police_person_id, key, date_of_birth in candidates:
        index.add(_Known(subject_id, police_person_id, key, date_of_birth))

    subject_ids: list[UUID] = []
    new_rows: dict[UUID, dict[str, object]] = {}  # the new subjects, in order
    flags: list[dict[str, object]] = []
    police_updates: dict[UUID, str] = {}
    for person, key in zip(people, keys, strict=True):
        known = index.exact(person, key)
        if known is not None:
            if person.police_person_id and known.police_person_id is None:
                known.police_person_id = person.police_person_id
                index.by_police.setdefault(person.police_person_id, known)
                if known.id in new_rows:
                    new_rows[known.id]["police_person_id"] = person.police_person_id
                else:
                    police_updates[known.id] = person.police_person_id
            subject_ids.append(known.id)
            continue
        near = index.near(person, key)
        known = _Known(uuid4(), person.police_person_id, key, person.date_of_birth)
        index.add(known)
        new_rows[known.id] = {
            "id": known.id,
            "police_person_id": person.police_person_id,
            "given_name": person.given_name,
            "family_name": person.family_name,
            "name_key": key,
            "date_of_birth": person.date_of_birth,
        }
        flags += [{"subject_id": known.id, "other_id": other, "reason": reason} for other, reason in near]
        subject_ids.append(known.id)

    await repo.insert_subjects(list(new_rows.values()))
    await repo.set_police_ids(police_updates)
    await repo.add_flags(flags)
    return MatchOutcome(subject_ids, list(new_rows), [*corrected, *police_updates])


async def flag_similar(
    session: AsyncSession, *, subject_ids: Collection[UUID], threshold: float, check_statistics: bool = True
) -> bool:
    """Flag the possible duplicates of these (new or corrected) young people whose names are similar: same date
    of birth, or known by age only and of the same age band in the same district
    (:meth:`SubjectRepository.flag_similar_names`: one statement, after their incidents' people are written).

    First, with ``check_statistics``, the young people's table is analysed if much of it changed since it last
    was. Its change count is what committed transactions reported: within one import it does not move, so an
    import checks once, at its first chunk that has anyone to flag (each chunk would otherwise ANALYZE the table
    again, ~60 ms each, once it is stale). Returns whether it checked."""
    if not subject_ids:
        return False
    repo = SubjectRepository(session)
    if check_statistics:
        await repo.refresh_statistics()
    await repo.flag_similar_names(subject_ids, threshold)
    return check_statistics


def possible_duplicates(flags: Sequence[SubjectDuplicate], of: Collection[UUID]) -> list[PossibleDuplicate]:
    """The flags of a young person (``of``: their record, and any merged into it), each naming the other."""
    return [
        PossibleDuplicate(
            other_id=f.other_id if f.subject_id in of else f.subject_id,
            reason=f.reason,
            status=DuplicateStatus(f.status),
            created_at=f.created_at,
            resolved_at=f.resolved_at,
            resolved_by=f.resolved_by,
        )
        for f in flags
    ]
