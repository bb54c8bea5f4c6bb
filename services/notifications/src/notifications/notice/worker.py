"""The notice worker: resolves the people an event's kind goes to in its district (asking identity), then sends each
due notice through GOV.UK Notify — retried with backoff on 5xx, 429, timeouts or no connection, given up on 400
and 403 — safe with several replicas (:mod:`notifications.leasing`: leases, ``SKIP LOCKED``, outcomes recorded only
while the lease holds).

Contact details are read when sending, never stored here: the e-mail address from identity (``GET /v1/contacts``,
with this service's own client-credentials token), the mobile number from the person's own preferences. Identity
unable to answer means the notice (or fan-out) waits and is tried again, never dropped."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, NoReturn
from uuid import UUID

from fastapi import FastAPI
from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from notifications.leasing import jittered_backoff
from notifications.notice.kinds import KINDS, Channel, personalisation
from notifications.notice.models import FanoutStatus, NoticeStatus
from notifications.notice.repository import FanoutRepository, NoticeRepository, PreferenceRepository
from notifications.notice.sender import NotifySender, SendOutcome
from notifications.notice.service import notice_rows
from notifications.settings import NotificationsSettings
from vru_shared.background import every
from vru_shared.http_client import DownstreamError, DownstreamUnavailable, ServiceClient

logger = logging.getLogger("notifications.notices")

#: The peer name (``NOTIFICATIONS_PEER_URLS``) of the identity service.
IDENTITY = "identity"
#: People per contacts look-up (identity takes up to this many ids at once).
CONTACTS_BATCH = 100


class Contact(BaseModel):
    id: UUID
    email: str
    roles: list[str]
    districts: list[str]


class Contacts(BaseModel):
    items: list[Contact]


class ContactsUnavailable(Exception):
    """Identity could not answer now: try again later."""


async def contacts_of(identity: ServiceClient | None, people: Sequence[UUID]) -> dict[UUID, Contact]:
    """The active people among ``people`` with their e-mail addresses."""
    if not people:
        return {}
    found: dict[UUID, Contact] = {}
    unique = list(dict.fromkeys(people))
    for start in range(0, len(unique), CONTACTS_BATCH):
        params = {"person_id": [str(p) for p in unique[start : start + CONTACTS_BATCH]]}
        found |= {c.id: c for c in (await _contacts(identity, params)).items}
    return found


async def holders_of(identity: ServiceClient | None, roles: Sequence[str], district: str) -> list[Contact]:
    """The active people holding one of ``roles`` for ``district``."""
    holders: dict[UUID, Contact] = {}
    for role in roles:
        holders |= {c.id: c for c in (await _contacts(identity, {"role": role, "district": district})).items}
    return list(holders.values())


async def _contacts(identity: ServiceClient | None, params: dict[str, Any]) -> Contacts:
    if identity is None:
        raise ContactsUnavailable("no identity service configured (NOTIFICATIONS_PEER_URLS)")
    try:
        return await identity.call("GET", "/v1/contacts", Contacts, params=params)
    except DownstreamUnavailable as exc:
        raise ContactsUnavailable(f"identity: {exc.detail}") from exc
    except DownstreamError as exc:
        raise ContactsUnavailable(f"identity answered {exc.status_code}") from exc


# --- fan-outs: a district's role holders ----------------------------------------------------------------


async def resolve_fanouts(
    sessionmaker: async_sessionmaker[AsyncSession], settings: NotificationsSettings, identity: ServiceClient | None
) -> int:
    """Turn due fan-outs into notices; returns how many were resolved."""
    now = datetime.now(UTC)
    lease = now + timedelta(seconds=settings.notice_lease_seconds)
    async with sessionmaker() as session, session.begin():
        keys = await FanoutRepository(session).claim_due(now, lease, settings.notice_batch)
    resolved = 0
    for event_id in keys:
        async with sessionmaker() as session, session.begin():
            fanout = await FanoutRepository(session).leased(event_id, lease)
            if fanout is None:
                continue
            kind, district, data = KINDS[fanout.kind], fanout.district, dict(fanout.data)
        error: str | None = None
        people: list[UUID] = []
        try:
            people = [c.id for c in await holders_of(identity, kind.district_roles, district)]
        except ContactsUnavailable as exc:
            error = str(exc)
        async with sessionmaker() as session, session.begin():
            repo = FanoutRepository(session)
            fanout = await repo.leased(event_id, lease)
            if fanout is None:  # our lease ended meanwhile
                continue
            now = datetime.now(UTC)
            if error is not None:
                attempts = fanout.attempts + 1
                delay = jittered_backoff(
                    attempts,
                    base_seconds=settings.notice_retry_base_seconds,
                    max_seconds=settings.notice_retry_max_seconds,
                )
                values = {"attempts": attempts, "last_error": error[:500], "next_attempt_at": now + delay}
                await repo.update(fanout, values | {"lease_until": None})
                logger.warning(
                    "notice recipients not resolved; will retry", extra={"event_id": str(event_id), "why": error}
                )
                continue
            rows = await notice_rows(session, event_id=event_id, kind=kind.event_type, data=data, people=people)
            await NoticeRepository(session).queue(rows)
            await repo.update(
                fanout,
                {
                    "status": FanoutStatus.DONE.value,
                    "attempts": fanout.attempts + 1,
                    "last_error": None,
                    "resolved_at": now,
                    "lease_until": None,
                },
            )
            resolved += 1
    return resolved


# --- sending --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Due:
    id: UUID
    person_id: UUID
    channel: Channel
    kind: str
    data: dict[str, Any]
    mobile_number: str | None


async def send_due(
    sessionmaker: async_sessionmaker[AsyncSession],
    settings: NotificationsSettings,
    *,
    identity: ServiceClient | None,
    sender: NotifySender,
) -> int:
    """One round: lease due notices, look up the addresses, send each through Notify, record the outcomes. Returns
    how many were attempted."""
    now = datetime.now(UTC)
    lease = now + timedelta(seconds=settings.notice_lease_seconds)
    async with sessionmaker() as session, session.begin():
        ids = await NoticeRepository(session).claim_due(now, lease, settings.notice_batch)
    if not ids:
        return 0
    async with sessionmaker() as session, session.begin():
        notices = await NoticeRepository(session).leased(ids, lease)
        preferences = await PreferenceRepository(session).of_people([n.person_id for n in notices])
        due = [
            _Due(
                n.id,
                n.person_id,
                Channel(n.channel),
                n.kind,
                dict(n.data),
                preferences[n.person_id].mobile_number if n.person_id in preferences else None,
            )
            for n in notices
        ]
    contacts: dict[UUID, Contact] = {}
    contacts_error: str | None = None
    try:
        contacts = await contacts_of(identity, [d.person_id for d in due if d.channel is Channel.EMAIL])
    except ContactsUnavailable as exc:
        contacts_error = str(exc)
    for notice in due:
        template_id = settings.notify_templates.get(notice.kind, {}).get(notice.channel.value)
        outcome = await _send_one(notice, template_id, contacts, contacts_error, sender, settings)
        async with sessionmaker() as session, session.begin():
            await _record(session, notice.id, lease, outcome, template_id, settings)
    return len(due)


async def _send_one(
    notice: _Due,
    template_id: str | None,
    contacts: dict[UUID, Contact],
    contacts_error: str | None,
    sender: NotifySender,
    settings: NotificationsSettings,
) -> SendOutcome:
    if template_id is None:
        return SendOutcome(False, error=f"no Notify template for {notice.kind} by {notice.channel.value}")
    if notice.channel is Channel.EMAIL:
        if contacts_error is not None:
            return SendOutcome(False, error=contacts_error, retry=True)
        contact = contacts.get(notice.person_id)
        if contact is None:
            return SendOutcome(False, error="no active person with this id in identity")
        to = contact.email
    else:
        if notice.mobile_number is None:
            return SendOutcome(False, error="the person has no mobile number now")
        to = notice.mobile_number
    fields = personalisation(KINDS[notice.kind], notice.data, str(settings.web_url))
    return await sender.send(notice.channel, to, template_id, fields, reference=str(notice.id))


async def _record(
    session: AsyncSession,
    notice_id: UUID,
    lease: datetime,
    outcome: SendOutcome,
    template_id: str | None,
    settings: NotificationsSettings,
) -> None:
    repo = NoticeRepository(session)
    leased = await repo.leased([notice_id], lease)
    if not leased:  # our lease ended meanwhile: whoever holds it now records
        return
    now = datetime.now(UTC)
    values: dict[str, Any] = {
        "attempts": leased[0].attempts + 1,
        "last_status_code": outcome.status_code,
        "last_error": outcome.error,
        "template_id": template_id,
        "lease_until": None,
        "updated_at": now,
    }
    if outcome.ok:
        values |= {"status": NoticeStatus.SENT.value, "notify_id": outcome.notify_id, "sent_at": now}
    elif outcome.retry and values["attempts"] < settings.notice_max_attempts:
        values["next_attempt_at"] = now + jittered_backoff(
            values["attempts"],
            base_seconds=settings.notice_retry_base_seconds,
            max_seconds=settings.notice_retry_max_seconds,
        )
    else:
        values["status"] = NoticeStatus.FAILED.value
        logger.warning(
            "notice given up",
            extra={"notice_id": str(notice_id), "attempts": values["attempts"], "why": outcome.error},
        )
    await repo.update(leased[0], values)


def sender_of(settings: NotificationsSettings) -> NotifySender:
    return NotifySender(
        settings.notify_api_key.get_secret_value(), str(settings.notify_base_url), settings.notify_timeout_seconds
    )


async def notices_forever(app: FastAPI, settings: NotificationsSettings) -> NoReturn:
    sender = sender_of(settings)

    async def round_() -> None:
        identity = getattr(app.state, "peers", {}).get(IDENTITY)
        while await resolve_fanouts(app.state.sessionmaker, settings, identity) >= settings.notice_batch:
            pass
        while (
            await send_due(app.state.sessionmaker, settings, identity=identity, sender=sender) >= settings.notice_batch
        ):
            pass  # a full batch: more may be due

    await every(settings.notice_poll_seconds, round_, what="sending notices", logger=logger)
