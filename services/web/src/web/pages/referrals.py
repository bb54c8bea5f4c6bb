"""Referrals: a partner agency's inbox (the shared view of what was sent to it) and VRU staff's list of the
referrals they may see; a referral's page; accepting, rejecting with a reason, starting, recording the outcome
(and, for VRU staff, sending and withdrawing). The API decides who sees what and who may move a referral; the
page offers only the steps the API allows for the person's role and the referral's status."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from web.api import Api, ApiProblem
from web.dependencies import Form, Person, PersonApi
from web.rendering import environment, render
from web.session.service import SignedIn

router = APIRouter(include_in_schema=False)

LONDON = ZoneInfo("Europe/London")

STATUSES = {
    "draft": ("Draft", "govuk-tag--grey"),
    "sent": ("Sent", "govuk-tag--blue"),
    "accepted": ("Accepted", "govuk-tag--turquoise"),
    "rejected": ("Rejected", "govuk-tag--red"),
    "in_progress": ("In progress", "govuk-tag--yellow"),
    "completed": ("Completed", "govuk-tag--green"),
    "withdrawn": ("Withdrawn", "govuk-tag--grey"),
}
#: The lifecycle (the API's): each status's next steps.
NEXT = {
    "draft": ("sent", "withdrawn"),
    "sent": ("accepted", "rejected", "withdrawn"),
    "accepted": ("in_progress", "withdrawn"),
    "in_progress": ("completed", "withdrawn"),
}
#: The receiving side's answers; sending and withdrawing are the referrer's (VRU staff).
RESPONSES = frozenset({"accepted", "rejected", "in_progress", "completed"})
#: Who may move referrals at all (the API's policy: analysts, coordinators and partner agencies; not directors).
MOVERS = ("analyst", "coordinator", "coordinator_tc", "partner_agency")
STAFF_MOVERS = ("analyst", "coordinator", "coordinator_tc")
#: The steps that need words: a reason, or the outcome.
WORDED = {
    "reject": ("rejected", "reason", "Reject the referral", "Why are you rejecting it?"),
    "withdraw": ("withdrawn", "reason", "Withdraw the referral", "Why is it being withdrawn?"),
    "complete": ("completed", "outcome", "Record the outcome", "What was the outcome?"),
}
DONE = {
    "sent": "The referral was sent.",
    "accepted": "You accepted the referral.",
    "rejected": "You rejected the referral. The referrer can see your reason.",
    "in_progress": "Work on the referral has started.",
    "completed": "The outcome is recorded and the referral is completed.",
    "withdrawn": "The referral was withdrawn.",
    "noted": "Your changes are saved.",
}
CHANGED_MEANWHILE = (
    "Someone else changed this referral after you opened it. This is how it stands now: "
    "check it, then try again if you still need to."
)
NOTE_MESSAGES = {"note": "The note must be at least 3 characters"}
LAWFUL_BASES = {
    "public_task": "Public task",
    "legal_obligation": "Legal obligation",
    "law_enforcement": "Law enforcement",
    "vital_interests": "Vital interests",
    "consent": "Consent",
}
CONSENT = {
    "given": "Given",
    "refused": "Refused",
    "not_sought": "Not sought",
    "not_required": "Not required",
}


def status_tag(status: str) -> dict[str, str]:
    text, colour = STATUSES.get(status, (status.replace("_", " ").capitalize(), "govuk-tag--grey"))
    return {"text": text, "classes": colour}


environment.globals.update(
    referral_status_tag=status_tag, lawful_bases=LAWFUL_BASES, consent_answers=CONSENT, referral_statuses=STATUSES
)


def problem_errors(problem: ApiProblem, *, default_field: str) -> dict[str, str]:
    """The API's 422 ``errors`` by field (``actions-0-due_on`` for a nested one); a whole-body error on the field
    the form shows."""
    errors: dict[str, str] = {}
    for error in problem.problem.get("errors") or []:
        loc = [str(part) for part in error.get("loc", []) if part not in ("body", "query", "path")]
        name = "-".join(loc) if loc else default_field
        message = str(error.get("message") or error.get("msg") or "Check this answer.").removeprefix("Value error, ")
        errors.setdefault(name, message[:1].upper() + message[1:])
    return errors or {default_field: problem.detail}


def steps_for(person: SignedIn, referral: dict[str, Any]) -> list[str]:
    """The next steps this person's role may take (the API's rules), so no control the API would refuse is shown."""
    if not person.has_role(*MOVERS):
        return []
    steps = list(NEXT.get(referral["status"], ()))
    if not person.has_role(*STAFF_MOVERS):
        steps = [s for s in steps if s in RESPONSES]
    if referral["destination"]["kind"] == "forum" and not person.has_role(*STAFF_MOVERS):
        steps = []
    if "sent" in steps and not (referral.get("lawful_basis") and referral.get("consent")):
        steps.remove("sent")
    return steps


def can_note(person: SignedIn, referral: dict[str, Any]) -> bool:
    """The receiving agency's reference and progress notes: while the referral is with the agency (the API refuses
    changes to a closed referral, and directors change nothing)."""
    staff_only = referral["destination"]["kind"] == "forum"
    allowed = person.has_role(*STAFF_MOVERS) or (person.has_role("partner_agency") and not staff_only)
    return allowed and referral["status"] in ("sent", "accepted", "in_progress")


def version_etag(form_version: object) -> str | None:
    value = str(form_version or "")
    return f'"v{value}"' if value.isdigit() else None


async def referral_page(
    request: Request,
    person: SignedIn,
    api: Api,
    referral_id: UUID,
    *,
    status_code: int = 200,
    errors: dict[str, str] | None = None,
    done: str | None = None,
    answers: dict[str, str] | None = None,
) -> HTMLResponse:
    referral = await api.get(f"/v1/referrals/{referral_id}")
    return render(
        request,
        "referrals/referral.html",
        person=person,
        status_code=status_code,
        errors=errors,
        referral=referral,
        steps=steps_for(person, referral),
        can_note=can_note(person, referral),
        staff_reader=person.has_role(*STAFF_MOVERS, "director"),
        answers=answers or {},
        done=DONE.get(done or ""),
    )


@router.get("/referrals")
async def referral_list(
    request: Request,
    person: Person,
    api: PersonApi,
    status: Annotated[str | None, Query(max_length=20)] = None,
    cursor: Annotated[str | None, Query(max_length=2000)] = None,
) -> HTMLResponse:
    chosen = status if status in STATUSES else None
    page = await api.get("/v1/referrals", status=chosen, cursor=cursor, limit=50)
    return render(
        request,
        "referrals/list.html",
        person=person,
        referrals=page["items"],
        next_cursor=page.get("next_cursor"),
        status=chosen,
        partner=person.has_role("partner_agency") and not person.has_role(*STAFF_MOVERS, "director"),
    )


@router.get("/referrals/{referral_id}")
async def referral(
    request: Request,
    person: Person,
    api: PersonApi,
    referral_id: UUID,
    done: Annotated[str | None, Query(max_length=20)] = None,
) -> HTMLResponse:
    return await referral_page(request, person, api, referral_id, done=done)


@router.post("/referrals/{referral_id}")
async def add_progress(request: Request, person: Person, api: PersonApi, form: Form, referral_id: UUID) -> Response:
    """The receiving agency's own reference and a progress note."""
    answers = {name: str(form.get(name) or "").strip() for name in ("agency_reference", "note")}
    body = {name: value for name, value in answers.items() if value}
    if not body:
        errors = {"agency_reference": "Enter your agency's reference or a progress note"}
        return await referral_page(request, person, api, referral_id, status_code=400, errors=errors, answers=answers)
    try:
        await api.patch(f"/v1/referrals/{referral_id}", body, version_etag(form.get("version")))
    except ApiProblem as problem:
        if problem.status == 412:
            errors = {"status": CHANGED_MEANWHILE}
        elif problem.status in (409, 422):
            errors = {
                name: NOTE_MESSAGES.get(name, message) if "at least" in message else message
                for name, message in problem_errors(problem, default_field="note").items()
            }
        else:
            raise
        return await referral_page(
            request, person, api, referral_id, status_code=problem.status, errors=errors, answers=answers
        )
    return RedirectResponse(f"/referrals/{referral_id}?done=noted", status_code=303)


@router.get("/referrals/{referral_id}/{step}")
async def worded_step(
    request: Request,
    person: Person,
    api: PersonApi,
    referral_id: UUID,
    step: str,
    version: Annotated[int | None, Query(ge=1)] = None,
) -> Response:
    if step not in WORDED:
        return render(request, "errors/not_found.html", person=person, status_code=404)
    referral = await api.get(f"/v1/referrals/{referral_id}")
    if WORDED[step][0] not in steps_for(person, referral):
        return RedirectResponse(f"/referrals/{referral_id}", status_code=303)
    return render(
        request,
        "referrals/step.html",
        person=person,
        referral=referral,
        step=step,
        worded=WORDED[step],
        text="",
        version=version or referral["version"],
    )


@router.post("/referrals/{referral_id}/transitions")
async def move(request: Request, person: Person, api: PersonApi, form: Form, referral_id: UUID) -> Response:
    to = str(form.get("to") or "")
    step = next((name for name, (status, _, _, _) in WORDED.items() if status == to), None)
    field = WORDED[step][1] if step else "to"
    text = str(form.get(field) or "").strip() if step else ""
    body: dict[str, Any] = {"to": to} | ({field: text or None} if step else {})
    etag = version_etag(form.get("version"))
    try:
        await api.post(f"/v1/referrals/{referral_id}/transitions", body, headers={"If-Match": etag} if etag else None)
    except ApiProblem as problem:
        if problem.status == 412:
            return await referral_page(
                request, person, api, referral_id, status_code=412, errors={"status": CHANGED_MEANWHILE}
            )
        if problem.status == 409:
            return await referral_page(
                request, person, api, referral_id, status_code=409, errors={"status": problem.detail}
            )
        if problem.status == 422 and step:
            referral = await api.get(f"/v1/referrals/{referral_id}")
            return render(
                request,
                "referrals/step.html",
                person=person,
                status_code=422,
                referral=referral,
                step=step,
                worded=WORDED[step],
                text=text,
                version=str(form.get("version") or referral["version"]),
                errors={field: _plain(problem_errors(problem, default_field=field), field, step)},
            )
        raise
    return RedirectResponse(f"/referrals/{referral_id}?done={to}", status_code=303)


def _plain(errors: dict[str, str], field: str, step: str) -> str:
    """One message for the form's one field, in plain English."""
    message = errors.get(field) or next(iter(errors.values()))
    what = "The outcome" if field == "outcome" else "The reason"
    if "required" in message:
        return "Enter the outcome" if field == "outcome" else f"Enter why you {step} the referral"
    if "at least" in message:
        return f"{what} must be at least 3 characters"
    if "at most" in message:
        return f"{what} must be 4,000 characters or fewer"
    return message
