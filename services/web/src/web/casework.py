"""What the coordinator's pages share: plain-English names of the API's codes, dates as GOV.UK writes them,
and the reference lists the forms offer (read from the API with the person's own token).

The filters are registered on the pages' Jinja environment when this module is imported (by the pages that use
them)."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from web.api import Api
from web.rendering import environment
from web.session.service import SignedIn

LONDON = ZoneInfo("Europe/London")

REVIEW_STATUSES = {
    "new": "New",
    "in_review": "In review",
    "referred": "Referred",
    "already_managed": "Already managed",
    "no_further_action": "No further action",
    "closed": "Closed",
}
#: The GOV.UK tag colour of each review status.
REVIEW_STATUS_COLOURS = {
    "new": "govuk-tag--blue",
    "in_review": "govuk-tag--light-blue",
    "referred": "govuk-tag--purple",
    "already_managed": "govuk-tag--grey",
    "no_further_action": "govuk-tag--grey",
    "closed": "govuk-tag--green",
}
#: The review's next stages (the API's ``referrals.review.models.TRANSITIONS``; it refuses any other with 409).
REVIEW_NEXT = {
    "new": ["in_review"],
    "in_review": ["referred", "already_managed", "no_further_action"],
    "referred": ["closed"],
    "already_managed": ["closed"],
    "no_further_action": ["closed"],
    "closed": [],
}
REVIEW_EVENTS = {
    "opened": "Review opened",
    "transition": "Stage changed",
    "incident_linked": "Incident added",
    "incident_updated": "Incident updated",
    "incident_screened_out": "Incident screened out",
    "subjects_merged": "Young people's records merged",
}
REFERRAL_STATUSES = {
    "draft": "Draft",
    "sent": "Sent",
    "accepted": "Accepted",
    "rejected": "Rejected",
    "in_progress": "In progress",
    "completed": "Completed",
    "withdrawn": "Withdrawn",
}
REFERRAL_STATUS_COLOURS = {
    "draft": "govuk-tag--grey",
    "sent": "govuk-tag--blue",
    "accepted": "govuk-tag--turquoise",
    "rejected": "govuk-tag--red",
    "in_progress": "govuk-tag--light-blue",
    "completed": "govuk-tag--green",
    "withdrawn": "govuk-tag--grey",
}
LAWFUL_BASES = {
    "public_task": ("Public task", "A task in the public interest or an official duty, such as safeguarding."),
    "legal_obligation": ("Legal obligation", "The law requires the information to be shared."),
    "law_enforcement": ("Law enforcement", "For preventing or detecting crime (Data Protection Act 2018, Part 3)."),
    "vital_interests": ("Vital interests", "To protect someone's life."),
    "consent": ("Consent", "The young person (or their parent or carer) has agreed."),
}
CONSENT = {
    "given": "Given",
    "refused": "Refused",
    "not_sought": "Not sought",
    "not_required": "Not required",
}
ROLES_IN_INCIDENTS = {"victim": "Victim", "suspect": "Suspect", "witness": "Witness", "offender": "Offender"}


def words(code: Any) -> str:
    """A code as words: ``violence-with-injury`` → ``Violence with injury``."""
    text = str(code or "").replace("_", " ").replace("-", " ")
    return text[:1].upper() + text[1:]


environment.filters.update(
    review_status=lambda code: REVIEW_STATUSES.get(str(code), words(code)),
    review_status_colour=lambda code: REVIEW_STATUS_COLOURS.get(str(code), ""),
    review_event=lambda code: REVIEW_EVENTS.get(str(code), words(code)),
    referral_status=lambda code: REFERRAL_STATUSES.get(str(code), words(code)),
    referral_status_colour=lambda code: REFERRAL_STATUS_COLOURS.get(str(code), ""),
    lawful_basis=lambda code: LAWFUL_BASES[code][0] if code in LAWFUL_BASES else words(code),
    consent=lambda code: CONSENT.get(str(code), words(code)),
    incident_role=lambda code: ROLES_IN_INCIDENTS.get(str(code), words(code)),
    words=words,
    place=lambda code, places: places.get(str(code)) or words(code),
)


def works_casework(person: SignedIn) -> bool:
    """Who the API lets move reviews and make referrals (analysts, and coordinators in their districts): the
    pages offer those controls only to them (the API still decides each one)."""
    return person.has_role("analyst", "coordinator")


async def districts_for(api: Api, person: SignedIn) -> list[dict[str, Any]]:
    """The districts a person may filter by: a coordinator's own, or all of them."""
    found: list[dict[str, Any]] = (await api.get("/v1/districts", limit=200))["items"]
    if person.districts:
        found = [d for d in found if d["code"] in person.districts]
    return sorted(found, key=lambda d: d["name"])


#: How many overdue reviews the coordinator's start page lists before pointing to the queue.
START_OVERDUE = 5


async def overdue_reviews(api: Api, person: SignedIn) -> dict[str, Any] | None:
    """A coordinator's start: their overdue reviews (a page of the API's list), or None for other roles."""
    if not person.has_role("coordinator"):
        return None
    found: dict[str, Any] = await api.get("/v1/reviews", overdue="true", limit=START_OVERDUE)
    return found


async def place_names(api: Api) -> dict[str, str]:
    """District and coordinator area names by code (``swale`` → Swale, ``medway-swale`` → Medway & Swale)."""
    districts = (await api.get("/v1/districts", limit=200))["items"]
    areas = (await api.get("/v1/coordinator-areas", limit=200))["items"]
    return {place["code"]: place["name"] for place in [*districts, *areas]}
