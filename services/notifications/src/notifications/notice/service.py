"""E-mail and SMS notices to people: queued from the events the services publish (in the transaction that stores
the event), and each person's preferences. The sending is :mod:`notifications.notice.worker`."""

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from notifications.notice.exceptions import DuplicateKind, MobileNumberRequired, NotAPlatformPerson
from notifications.notice.kinds import KINDS, Channel, kinds_for
from notifications.notice.models import NoticePreference, NoticeStatus
from notifications.notice.repository import FanoutRepository, NoticeRepository, PreferenceRepository
from notifications.notice.schemas import KindRead, PreferencesRead, PreferencesUpdate
from vru_shared.auth import Principal


def channels_for(preference: NoticePreference | None, kind: str) -> list[Channel]:
    """The channels a person wants ``kind`` on: e-mail unless switched off; SMS if switched on and they gave a
    mobile number."""
    choice = (preference.choices if preference is not None else {}).get(kind, {})
    channels = []
    if choice.get("email", True):
        channels.append(Channel.EMAIL)
    if choice.get("sms", False) and preference is not None and preference.mobile_number:
        channels.append(Channel.SMS)
    return channels


async def notice_rows(
    session: AsyncSession, *, event_id: UUID, kind: str, data: dict[str, Any], people: Sequence[UUID]
) -> list[dict[str, Any]]:
    """One row per person and channel they want (their preferences), for ``NoticeRepository.queue``."""
    preferences = await PreferenceRepository(session).of_people(people)
    now = datetime.now(UTC)
    return [
        {
            "event_id": event_id,
            "person_id": person,
            "channel": channel.value,
            "kind": kind,
            "data": data,
            "status": NoticeStatus.PENDING.value,
            "next_attempt_at": now,
        }
        for person in dict.fromkeys(people)
        for channel in channels_for(preferences.get(person), kind)
    ]


async def queue_for_events(session: AsyncSession, events: Sequence[dict[str, Any]]) -> int:
    """For each newly stored event of a notice kind: a notice per named person (``audience.people``) and channel,
    and a fan-out to resolve when the kind also goes to role holders of its district. Idempotent (event, person,
    channel). Returns how many notices were queued now."""
    rows: list[dict[str, Any]] = []
    fanouts: list[dict[str, Any]] = []
    now = datetime.now(UTC)
    for event in events:
        kind = KINDS.get(event["type"])
        if kind is None:
            continue
        people = [UUID(str(p)) for p in (event["audience"] or {}).get("people", [])]
        data = dict(event["data"])
        rows += await notice_rows(session, event_id=event["id"], kind=kind.event_type, data=data, people=people)
        district = data.get("district")
        if kind.district_roles and isinstance(district, str) and district:
            fanouts.append(
                {
                    "event_id": event["id"],
                    "kind": kind.event_type,
                    "district": district,
                    "data": data,
                    "next_attempt_at": now,
                }
            )
    await FanoutRepository(session).queue(fanouts)
    return await NoticeRepository(session).queue(rows)


# --- preferences ----------------------------------------------------------------------------------------


def person_of(principal: Principal) -> UUID:
    try:
        return UUID(principal.subject)
    except ValueError as exc:
        raise NotAPlatformPerson("This token does not name a person of the platform's identity service.") from exc


def preferences_read(
    person_id: UUID | None, roles: frozenset[str], preference: NoticePreference | None
) -> PreferencesRead:
    choices: dict[str, Any] = preference.choices if preference is not None else {}
    listed = [k for k in KINDS.values() if k in kinds_for(roles) or k.event_type in choices]
    return PreferencesRead(
        person_id=person_id,
        mobile_number=preference.mobile_number if preference is not None else None,
        kinds=[
            KindRead(
                kind=k.event_type,
                title=k.title,
                email=bool(choices.get(k.event_type, {}).get("email", True)),
                sms=bool(choices.get(k.event_type, {}).get("sms", False)),
            )
            for k in listed
        ],
        updated_at=preference.updated_at if preference is not None else None,
    )


async def get_preferences(session: AsyncSession, *, principal: Principal) -> PreferencesRead:
    try:
        person = person_of(principal)
    except NotAPlatformPerson:  # signed in by another issuer: the defaults (which only an identity person may change)
        return preferences_read(None, principal.roles, None)
    preference = (await PreferenceRepository(session).of_people([person])).get(person)
    return preferences_read(person, principal.roles, preference)


async def get_preferences_of(session: AsyncSession, *, person_id: UUID) -> PreferencesRead:
    """An administrator's view of someone's choices (every kind they chose; the defaults otherwise)."""
    preference = (await PreferenceRepository(session).of_people([person_id])).get(person_id)
    return preferences_read(person_id, frozenset(), preference)


async def put_preferences(session: AsyncSession, *, principal: Principal, data: PreferencesUpdate) -> PreferencesRead:
    person = person_of(principal)
    kinds = [c.kind for c in data.kinds]
    if len(set(kinds)) != len(kinds):
        raise DuplicateKind("Each kind of notice once.")
    repo = PreferenceRepository(session)
    current = (await repo.of_people([person])).get(person)
    choices: dict[str, Any] = dict(current.choices) if current is not None else {}
    for choice in data.kinds:
        choices[choice.kind] = {"email": choice.email, "sms": choice.sms}
    if data.mobile_number is None and any(c.get("sms") for c in choices.values()):
        raise MobileNumberRequired("SMS notices need a UK mobile number (mobile_number), or switch SMS off.")
    saved = await repo.save(
        person, {"mobile_number": data.mobile_number, "choices": choices, "updated_at": datetime.now(UTC)}
    )
    return preferences_read(person, principal.roles, saved)
