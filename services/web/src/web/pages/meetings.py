"""Forums: meetings (a forum's sittings), a meeting's agenda of pending referrals, recording the decision for a
young person with the actions agreed (owning agency, due date), the minutes; meeting actions (a partner agency
sees and updates its own) and what is overdue, per agency and per area. The API decides what each person sees:
a partner agency, refused the meetings, goes straight to its actions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData

from web.api import Api, ApiProblem
from web.dependencies import Form, Person, PersonApi
from web.pages.referrals import LONDON, problem_errors
from web.rendering import environment, render
from web.session.service import SignedIn

router = APIRouter(include_in_schema=False)

#: Who convenes meetings, records decisions and minutes (the API's policy; directors only read).
CONVENERS = ("analyst", "coordinator", "coordinator_tc")
#: Who reads meetings and the overdue summary.
CASEWORK_READERS = (*CONVENERS, "director")
MEETING_STATUSES = {
    "scheduled": ("Scheduled", "govuk-tag--blue"),
    "held": ("Held", "govuk-tag--green"),
    "cancelled": ("Cancelled", "govuk-tag--grey"),
}
ACTION_STATUSES = {
    "open": ("Open", "govuk-tag--blue"),
    "in_progress": ("In progress", "govuk-tag--yellow"),
    "done": ("Done", "govuk-tag--green"),
    "cancelled": ("Cancelled", "govuk-tag--grey"),
}
#: How many actions the decision form offers (the API takes up to 30; more can follow at the next sitting).
ACTION_ROWS = 3
CHANGED_MEANWHILE = (
    "Someone else changed this {what} after you opened it. This is how it stands now: "
    "check it, then make your change again if you still need to."
)
FRIENDLY = {
    "decision": "Enter the decision",
    "description": "Describe the action",
    "minutes": "Enter the minutes",
    "note": "The note must be at least 3 characters",
}


def tag(statuses: dict[str, tuple[str, str]], status: str) -> dict[str, str]:
    text, colour = statuses.get(status, (status.replace("_", " ").capitalize(), "govuk-tag--grey"))
    return {"text": text, "classes": colour}


environment.globals.update(
    meeting_status_tag=lambda status: tag(MEETING_STATUSES, status),
    action_status_tag=lambda status: tag(ACTION_STATUSES, status),
    action_statuses=ACTION_STATUSES,
    meeting_statuses=MEETING_STATUSES,
)


def friendly(errors: dict[str, str]) -> dict[str, str]:
    """The API's messages about a too-short or missing text, in plain English."""
    plain = {}
    for field, message in errors.items():
        short = "at least" in message or "required" in message.lower()
        plain[field] = FRIENDLY.get(field.rsplit("-", 1)[-1], message) if short else message
    return plain


def etag(version: object) -> str | None:
    value = str(version or "")
    return f'"v{value}"' if value.isdigit() else None


def day_from(form: FormData, name: str) -> date | None:
    """A GOV.UK date input's three fields as a date; ``None`` when they do not make a real date."""
    try:
        year, month, day = (int(str(form.get(f"{name}-{part}") or "").strip()) for part in ("year", "month", "day"))
        return date(year, month, day)
    except ValueError:
        return None


async def agencies(api: Api) -> list[dict[str, Any]]:
    page = await api.get("/v1/partner-agencies", limit=200)
    return list(page["items"])


async def areas(api: Api) -> list[dict[str, Any]]:
    page = await api.get("/v1/coordinator-areas", limit=200)
    return list(page["items"])


async def forums_for(api: Api, person: SignedIn) -> list[dict[str, Any]]:
    """The forums this person may convene: all for the unit's analysts, those of their districts for a coordinator
    (the API refuses others). CARM, which needs its districts named, is convened through the API."""
    forums = [f for f in (await api.get("/v1/forums", limit=200))["items"] if f["district_code"] or f["area_code"]]
    if not person.districts:
        return forums
    districts = (await api.get("/v1/districts", limit=200))["items"]
    areas_of = {d["area_code"] for d in districts if d["code"] in person.districts}
    own = [
        f
        for f in forums
        if f["district_code"] in person.districts
        or (f["district_code"] is None and f["area_code"] in areas_of and all_in(f, districts, person))
    ]
    return own


def all_in(forum: dict[str, Any], districts: list[dict[str, Any]], person: SignedIn) -> bool:
    """An area meeting covers all its area's districts: only a coordinator of them all may convene it."""
    return {d["code"] for d in districts if d["area_code"] == forum["area_code"]} <= person.districts


# -- meetings ------------------------------------------------------------------------------------------------


@router.get("/meetings")
async def meeting_list(
    request: Request, person: Person, api: PersonApi, cursor: Annotated[str | None, Query(max_length=2000)] = None
) -> Response:
    try:
        page = await api.get("/v1/meetings", cursor=cursor, limit=50)
    except ApiProblem as problem:
        if problem.status == 403:  # a partner agency: its actions are what it has here
            return RedirectResponse("/meetings/actions", status_code=303)
        raise
    return render(
        request,
        "meetings/list.html",
        person=person,
        meetings=page["items"],
        next_cursor=page.get("next_cursor"),
        can_convene=person.has_role(*CONVENERS),
    )


@dataclass
class MeetingAnswers:
    forum: str = ""
    day: str = ""
    month: str = ""
    year: str = ""
    at: str = "10:00"
    attending: tuple[str, ...] = ()


async def _new_meeting_page(
    request: Request,
    person: SignedIn,
    api: Api,
    answers: MeetingAnswers,
    errors: dict[str, str] | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    return render(
        request,
        "meetings/new.html",
        person=person,
        status_code=status_code,
        errors=errors,
        answers=answers,
        forums=await forums_for(api, person),
        agencies=await agencies(api),
    )


@router.get("/meetings/new")
async def new_meeting(request: Request, person: Person, api: PersonApi) -> HTMLResponse:
    return await _new_meeting_page(request, person, api, MeetingAnswers())


@router.post("/meetings/new")
async def convene(request: Request, person: Person, api: PersonApi, form: Form) -> Response:
    answers = MeetingAnswers(
        forum=str(form.get("forum") or ""),
        day=str(form.get("held_on-day") or ""),
        month=str(form.get("held_on-month") or ""),
        year=str(form.get("held_on-year") or ""),
        at=str(form.get("at") or "").strip(),
        attending=tuple(str(code) for code in form.getlist("attending")),
    )
    errors: dict[str, str] = {}
    if not answers.forum:
        errors["forum"] = "Select the forum that is meeting"
    on = day_from(form, "held_on")
    if on is None:
        errors["held_on"] = "Enter the date of the meeting, for example 24 11 2026"
    try:
        at = time.fromisoformat(answers.at.replace(".", ":"))
    except ValueError:
        errors["at"] = "Enter the time the meeting starts, for example 10:00"
    if errors or on is None:
        return await _new_meeting_page(request, person, api, answers, errors, status_code=400)
    held_at = datetime.combine(on, at, tzinfo=LONDON).isoformat()
    body = {"forum": answers.forum, "held_at": held_at, "attending_agencies": list(answers.attending)}
    try:
        meeting = await api.post("/v1/meetings", body)
    except ApiProblem as problem:
        if problem.status in (403, 422):
            found = problem_errors(problem, default_field="forum")
            found = {_meeting_field(k): v for k, v in found.items()}
            return await _new_meeting_page(request, person, api, answers, found, status_code=problem.status)
        raise
    return RedirectResponse(f"/meetings/{meeting['id']}?done=scheduled", status_code=303)


def _meeting_field(name: str) -> str:
    """The API's field as the form's."""
    return "held_on" if name == "held_at" else "attending" if name.startswith("attending") else name


async def _meeting_page(
    request: Request,
    person: SignedIn,
    api: Api,
    meeting_id: UUID,
    *,
    done: str | None = None,
    errors: dict[str, str] | None = None,
    minutes: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    meeting = await api.get(f"/v1/meetings/{meeting_id}")
    agenda = await api.get(f"/v1/meetings/{meeting_id}/agenda")
    return render(
        request,
        "meetings/meeting.html",
        person=person,
        status_code=status_code,
        errors=errors,
        meeting=meeting,
        agenda=agenda["items"],
        can_convene=person.has_role(*CONVENERS),
        minutes=meeting["minutes"] if minutes is None else minutes,
        done={
            "scheduled": "The meeting is scheduled.",
            "decision": "The decision and its actions are recorded.",
            "minutes": "The meeting is saved.",
        }.get(done or ""),
    )


@router.get("/meetings/overdue")
async def overdue(request: Request, person: Person, api: PersonApi) -> HTMLResponse:
    summary = await api.get("/v1/actions/overdue-summary")
    return render(request, "meetings/overdue.html", person=person, summary=summary)


# -- actions -------------------------------------------------------------------------------------------------


@router.get("/meetings/actions")
async def action_list(
    request: Request,
    person: Person,
    api: PersonApi,
    status: Annotated[str | None, Query(max_length=20)] = None,
    overdue: Annotated[str | None, Query(max_length=5)] = None,
    agency: Annotated[str | None, Query(max_length=64)] = None,
    area: Annotated[str | None, Query(max_length=64)] = None,
    cursor: Annotated[str | None, Query(max_length=2000)] = None,
) -> HTMLResponse:
    staff = person.has_role(*CASEWORK_READERS)
    filters = {
        "status": status if status in ACTION_STATUSES else None,
        "overdue": "true" if overdue == "true" else None,
        "agency": agency if staff else None,
        "area": area if staff else None,
    }
    page = await api.get("/v1/actions", cursor=cursor, limit=50, **filters)
    return render(
        request,
        "meetings/actions.html",
        person=person,
        actions=page["items"],
        next_cursor=page.get("next_cursor"),
        filters=filters,
        staff=staff,
        agencies=await agencies(api) if staff else [],
        areas=await areas(api) if staff else [],
    )


async def _action_page(
    request: Request,
    person: SignedIn,
    api: Api,
    action_id: UUID,
    *,
    done: bool = False,
    errors: dict[str, str] | None = None,
    note: str = "",
    status_code: int = 200,
) -> HTMLResponse:
    action = await api.get(f"/v1/actions/{action_id}")
    return render(
        request,
        "meetings/action.html",
        person=person,
        status_code=status_code,
        errors=errors,
        action=action,
        note=note,
        done=done,
        can_update=person.has_role(*CONVENERS, "partner_agency"),
    )


@router.get("/meetings/actions/{action_id}")
async def action(
    request: Request,
    person: Person,
    api: PersonApi,
    action_id: UUID,
    done: Annotated[str | None, Query(max_length=5)] = None,
) -> HTMLResponse:
    return await _action_page(request, person, api, action_id, done=bool(done))


@router.post("/meetings/actions/{action_id}")
async def update_action(request: Request, person: Person, api: PersonApi, form: Form, action_id: UUID) -> Response:
    note = str(form.get("note") or "").strip()
    body: dict[str, Any] = {"status": str(form.get("status") or "")} | ({"note": note} if note else {})
    try:
        await api.patch(f"/v1/actions/{action_id}", body, etag(form.get("version")))
    except ApiProblem as problem:
        if problem.status == 412:
            errors = {"status": CHANGED_MEANWHILE.format(what="action")}
        elif problem.status in (409, 422):
            errors = friendly(problem_errors(problem, default_field="status"))
        else:
            raise
        return await _action_page(request, person, api, action_id, errors=errors, note=note, status_code=problem.status)
    return RedirectResponse(f"/meetings/actions/{action_id}?done=1", status_code=303)


# -- a meeting (after the fixed paths above) -----------------------------------------------------------------


@router.get("/meetings/{meeting_id}")
async def meeting(
    request: Request,
    person: Person,
    api: PersonApi,
    meeting_id: UUID,
    done: Annotated[str | None, Query(max_length=20)] = None,
) -> HTMLResponse:
    return await _meeting_page(request, person, api, meeting_id, done=done)


@router.post("/meetings/{meeting_id}")
async def save_meeting(request: Request, person: Person, api: PersonApi, form: Form, meeting_id: UUID) -> Response:
    minutes = str(form.get("minutes") or "").strip()
    body: dict[str, Any] = {"status": str(form.get("status") or "")} | ({"minutes": minutes} if minutes else {})
    try:
        await api.patch(f"/v1/meetings/{meeting_id}", body, etag(form.get("version")))
    except ApiProblem as problem:
        if problem.status == 412:
            errors = {"status": CHANGED_MEANWHILE.format(what="meeting")}
        elif problem.status in (409, 422):
            errors = friendly(problem_errors(problem, default_field="status"))
        else:
            raise
        return await _meeting_page(
            request, person, api, meeting_id, errors=errors, minutes=minutes, status_code=problem.status
        )
    return RedirectResponse(f"/meetings/{meeting_id}?done=minutes", status_code=303)


@dataclass
class ActionAnswers:
    owner_agency: str = ""
    description: str = ""
    day: str = ""
    month: str = ""
    year: str = ""


async def _decision_page(
    request: Request,
    person: SignedIn,
    api: Api,
    meeting_id: UUID,
    referral_id: UUID,
    *,
    decision: str = "",
    rows: list[ActionAnswers] | None = None,
    errors: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    meeting = await api.get(f"/v1/meetings/{meeting_id}")
    agenda = await api.get(f"/v1/meetings/{meeting_id}/agenda")
    item = next((i for i in agenda["items"] if i["referral_id"] == str(referral_id)), None)
    if item is None:  # decided meanwhile, or never on this agenda
        return RedirectResponse(f"/meetings/{meeting_id}", status_code=303)
    return render(
        request,
        "meetings/decision.html",
        person=person,
        status_code=status_code,
        errors=errors,
        meeting=meeting,
        item=item,
        decision=decision,
        rows=rows or [ActionAnswers() for _ in range(ACTION_ROWS)],
        agencies=await agencies(api),
    )


@router.get("/meetings/{meeting_id}/decisions/{referral_id}")
async def new_decision(
    request: Request, person: Person, api: PersonApi, meeting_id: UUID, referral_id: UUID
) -> Response:
    return await _decision_page(request, person, api, meeting_id, referral_id)


@router.post("/meetings/{meeting_id}/decisions/{referral_id}")
async def record_decision(
    request: Request, person: Person, api: PersonApi, form: Form, meeting_id: UUID, referral_id: UUID
) -> Response:
    decision = str(form.get("decision") or "").strip()
    rows = [
        ActionAnswers(
            owner_agency=str(form.get(f"actions-{n}-owner_agency") or ""),
            description=str(form.get(f"actions-{n}-description") or "").strip(),
            day=str(form.get(f"actions-{n}-due_on-day") or "").strip(),
            month=str(form.get(f"actions-{n}-due_on-month") or "").strip(),
            year=str(form.get(f"actions-{n}-due_on-year") or "").strip(),
        )
        for n in range(ACTION_ROWS)
    ]
    errors: dict[str, str] = {}
    actions: list[dict[str, str]] = []
    numbers: list[int] = []  # the form's row of each action sent
    for n, row in enumerate(rows):
        if not (row.owner_agency or row.description or row.day or row.month or row.year):
            continue
        due = day_from(form, f"actions-{n}-due_on")
        if not row.owner_agency:
            errors[f"actions-{n}-owner_agency"] = f"Select the agency that owns action {n + 1}"
        if due is None:
            errors[f"actions-{n}-due_on"] = f"Enter a real due date for action {n + 1}, for example 27 11 2026"
        actions.append({"owner_agency": row.owner_agency, "description": row.description, "due_on": str(due)})
        numbers.append(n)
    if errors:
        return await _decision_page(
            request, person, api, meeting_id, referral_id, decision=decision, rows=rows, errors=errors, status_code=400
        )
    body = {"referral_id": str(referral_id), "decision": decision, "actions": actions}
    try:
        await api.post(f"/v1/meetings/{meeting_id}/decisions", body)
    except ApiProblem as problem:
        if problem.status not in (409, 422):
            raise
        found = friendly(problem_errors(problem, default_field="decision"))
        errors = {_row_field(field, numbers): message for field, message in found.items()}
        return await _decision_page(
            request,
            person,
            api,
            meeting_id,
            referral_id,
            decision=decision,
            rows=rows,
            errors=errors,
            status_code=problem.status,
        )
    return RedirectResponse(f"/meetings/{meeting_id}?done=decision", status_code=303)


def _row_field(field: str, numbers: list[int]) -> str:
    """``actions-1-description`` of the body sent is the form's row that action came from."""
    parts = field.split("-")
    if len(parts) == 3 and parts[0] == "actions" and parts[1].isdigit() and int(parts[1]) < len(numbers):
        return f"actions-{numbers[int(parts[1])]}-{parts[2]}"
    return field
