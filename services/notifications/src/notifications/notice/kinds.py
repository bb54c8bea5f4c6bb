"""Notice kinds: which events nudge people by e-mail or SMS, who receives each, and the GOV.UK Notify templates
(one per kind and channel, by id in ``NOTIFICATIONS_NOTIFY_TEMPLATES``) with their personalisation fields.

A message never carries personal data about a young person: only the kind's wording (in the template), the district's
name, a reference (the record's short id), a due date where the kind has one, and a link to the record in the web
front end. The texts below are what to create in the unit's Notify account; the development stand-in
(``vru_dev.notify_standin``) knows them by the same ids.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from vru_shared.kent_medway import DISTRICTS


class Channel(StrEnum):
    EMAIL = "email"
    SMS = "sms"


@dataclass(frozen=True, slots=True)
class NoticeKind:
    """What an event of this type tells a person, and who receives it."""

    event_type: str
    #: A short title (the preferences page, the e-mail's subject).
    title: str
    #: The web front end's page of the record, from the event's ``data`` (``{id}``, ``{site_id}``).
    web_path: str
    #: Roles whose holders in the event's district receive it (resolved through identity); the people the event
    #: names (``audience.people``: a referral's author, a site's guardians) always do.
    district_roles: tuple[str, ...] = ()
    #: Roles that receive this kind at all (the preferences page lists a person's kinds from their roles).
    roles: tuple[str, ...] = ()
    #: The ``data`` field holding a due date, if the kind has one.
    due_field: str | None = None


REFERRAL_AUTHORS = ("coordinator", "partner_agency", "analyst", "director", "programme_officer", "admin")

KINDS: dict[str, NoticeKind] = {
    k.event_type: k
    for k in (
        NoticeKind("referral.accepted", "Referral accepted", "/referrals/{id}", roles=REFERRAL_AUTHORS),
        NoticeKind("referral.rejected", "Referral not accepted", "/referrals/{id}", roles=REFERRAL_AUTHORS),
        NoticeKind("referral.completed", "Referral completed", "/referrals/{id}", roles=REFERRAL_AUTHORS),
        NoticeKind(
            "review.opened", "Review opened", "/reviews/{id}", district_roles=("coordinator",), roles=("coordinator",)
        ),
        NoticeKind(
            "review.overdue",
            "Review overdue",
            "/reviews/{id}",
            district_roles=("coordinator",),
            roles=("coordinator",),
            due_field="due_on",
        ),
        NoticeKind(
            "meeting_action.overdue",
            "Meeting action overdue",
            "/meetings/actions/{id}",
            district_roles=("coordinator",),
            roles=("coordinator",),
            due_field="due_on",
        ),
        NoticeKind(
            "pack.used",
            "Trauma pack used",
            "/packs/sites/{site_id}",
            district_roles=("coordinator",),
            roles=("coordinator", "guardian"),
        ),
        NoticeKind(
            "pack.expiring",
            "Trauma pack expiring",
            "/packs/sites/{site_id}",
            roles=("guardian",),
            due_field="expires_on",
        ),
        NoticeKind(
            "pack.check_overdue",
            "Pack site check overdue",
            "/packs/sites/{site_id}",
            roles=("guardian",),
            due_field="due_on",
        ),
    )
}


#: Every notice kind's name (its event type).
NOTICE_KINDS: tuple[str, ...] = tuple(KINDS)


def kinds_for(roles: frozenset[str] | set[str]) -> list[NoticeKind]:
    """The kinds a person holding ``roles`` may receive, in the order above."""
    return [k for k in KINDS.values() if not roles.isdisjoint(k.roles)]


def short_reference(record_id: str) -> str:
    """A record's reference in a message: the first 8 hex digits of its id, upper case (``5B9C2F0E``)."""
    return record_id.replace("-", "")[:8].upper()


def personalisation(kind: NoticeKind, data: dict[str, Any], web_url: str) -> dict[str, str]:
    """The fields every template of ``kind`` takes: ``district`` (its name), ``reference``, ``link`` and, for kinds
    with a due date, ``due_date`` — nothing else from the event (which holds ids and codes only anyway)."""
    district = DISTRICTS.get(str(data.get("district") or ""))
    values = {key: str(value) for key, value in data.items() if isinstance(value, str)}
    try:
        path = kind.web_path.format_map(values)
    except KeyError:  # the event lacks the id the page needs: the list of its kind
        path = kind.web_path.split("/{", 1)[0]
    fields = {
        "district": district.name if district is not None else "Kent and Medway",
        "reference": short_reference(str(data.get("id", ""))),
        "link": web_url.rstrip("/") + path,
    }
    if kind.due_field is not None:
        fields["due_date"] = str(data.get(kind.due_field) or "not set")
    return fields


@dataclass(frozen=True, slots=True)
class Template:
    id: UUID
    kind: str
    channel: Channel
    subject: str
    body: str

    def as_json(self) -> dict[str, Any]:
        return {
            "id": str(self.id),
            "kind": self.kind,
            "type": self.channel.value,
            "subject": self.subject,
            "body": self.body,
        }


_EMAIL_WORDING = {
    "referral.accepted": "A referral you made in ((district)) has been accepted by the service it was sent to.",
    "referral.rejected": "A referral you made in ((district)) was not accepted by the service it was sent to.",
    "referral.completed": "A referral you made in ((district)) has been completed.",
    "review.opened": "A Serious Violence Review has been opened in ((district)).",
    "review.overdue": "A Serious Violence Review in ((district)) is overdue (due ((due_date))).",
    "meeting_action.overdue": "A meeting action in ((district)) is overdue (due ((due_date))).",
    "pack.used": "An emergency trauma pack was used at a site in ((district)).",
    "pack.expiring": "A trauma pack at a site in ((district)) expires on ((due_date)).",
    "pack.check_overdue": "The check of a pack site in ((district)) is overdue (due ((due_date))).",
}


def _template_id(kind: str, channel: Channel) -> UUID:
    return uuid5(NAMESPACE_URL, f"https://vru.example.org/notify-templates/{kind}/{channel.value}")


def default_templates() -> list[Template]:
    """The development templates (the stand-in's): one e-mail and one SMS per kind, with stable ids."""
    templates = []
    for kind, notice in KINDS.items():
        wording = _EMAIL_WORDING[kind]
        templates.append(
            Template(
                _template_id(kind, Channel.EMAIL),
                kind,
                Channel.EMAIL,
                f"{notice.title}: ((reference))",
                f"{wording}\n\nReference: ((reference))\n\nSee it on the VRU Platform (sign in first): ((link))\n\n"
                "You receive this because of your notification settings on the VRU Platform.",
            )
        )
        templates.append(
            Template(
                _template_id(kind, Channel.SMS),
                kind,
                Channel.SMS,
                "",
                f"VRU: {wording} Ref ((reference)). ((link))",
            )
        )
    return templates


def default_template_ids() -> dict[str, dict[str, str]]:
    """``NOTIFICATIONS_NOTIFY_TEMPLATES``'s default: ``{kind: {"email": id, "sms": id}}`` (the stand-in's)."""
    ids: dict[str, dict[str, str]] = {}
    for template in default_templates():
        ids.setdefault(template.kind, {})[template.channel.value] = str(template.id)
    return ids
