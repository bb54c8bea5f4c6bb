"""Journey 5: the programme officer and the director — funds and budget lines, grants through four-eyes approval,
the knife-incident allocation (preview with its explanation and a chart, then commit), disbursement schedules and
the 360Giving export.

The funding API decides everything (who may, what fits the budget, who may approve); the pages only avoid
offering what it would refuse and bring its answers back to the form.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData

from web.api import Api, ApiProblem
from web.dependencies import Form, Person, PersonApi
from web.display import district_name, pounds
from web.form_input import (
    FieldProblem,
    FormProblems,
    all_items,
    date_field,
    date_parts,
    echoed,
    pence,
    problem_errors,
    text,
    whole_number,
)
from web.rendering import render
from web.session.service import SignedIn

router = APIRouter(include_in_schema=False)

GRANT_STATUSES = (
    "draft",
    "submitted",
    "in_review",
    "approved",
    "rejected",
    "active",
    "completed",
    "withdrawn",
    "closed",
)
#: The next steps of a grant (the API's TRANSITIONS), with the words on their buttons.
GRANT_STEPS: dict[str, tuple[tuple[str, str], ...]] = {
    "draft": (("submitted", "Submit for a decision"), ("withdrawn", "Withdraw")),
    "submitted": (("in_review", "Start the review"), ("withdrawn", "Withdraw")),
    "in_review": (("approved", "Approve"), ("rejected", "Reject"), ("withdrawn", "Withdraw")),
    "approved": (("active", "Start the grant"), ("withdrawn", "Withdraw")),
    "active": (("completed", "Mark as completed"), ("closed", "Close"), ("withdrawn", "Withdraw")),
}
DISBURSEMENT_STEPS: dict[str, tuple[tuple[str, str], ...]] = {
    "scheduled": (("approved", "Approve payment"), ("cancelled", "Cancel")),
    "approved": (("paid", "Mark as paid"), ("cancelled", "Cancel")),
}
WRITERS = frozenset({"programme_officer", "director"})


def may_write(person: SignedIn) -> bool:
    return not WRITERS.isdisjoint(person.roles)


async def readable_line(api: Api, line_id: str | None) -> dict[str, Any] | None:
    """A grant's or allocation's budget line, if the person may read it (a CSP officer may read their district's
    grants and allocations, not the unit's budget lines)."""
    if not line_id:
        return None
    try:
        line: dict[str, Any] = await api.get(f"/v1/budget-lines/{line_id}")
    except ApiProblem as problem:
        if problem.status in (403, 404):
            return None
        raise
    return line


# --- the chart --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Bar:
    label: str
    amount: str
    share: str
    y: int
    width: float


@dataclass(frozen=True)
class Chart:
    bars: list[Bar]
    height: int
    label_width: int = 170
    bar_area: int = 420
    bar_height: int = 22
    gap: int = 8


def share_chart(recipients: list[dict[str, Any]], total: int) -> Chart:
    """Horizontal bars of each district's share, drawn on the server (an SVG; the table has the same figures)."""
    chart = Chart(bars=[], height=0)
    biggest = max((int(r["amount_pence"]) for r in recipients), default=0) or 1
    bars = []
    for index, line in enumerate(sorted(recipients, key=lambda r: (-int(r["amount_pence"]), r["district"]))):
        amount = int(line["amount_pence"])
        share = Decimal(amount * 100) / Decimal(total or 1)
        bars.append(
            Bar(
                label=str(line.get("district_name") or district_name(line["district"])),
                amount=pounds(amount),
                share=f"{share:.1f}%",
                y=index * (chart.bar_height + chart.gap),
                width=round(chart.bar_area * amount / biggest, 2),
            )
        )
    return Chart(bars=bars, height=max(len(bars) * (chart.bar_height + chart.gap), chart.bar_height))


# --- pages: overview --------------------------------------------------------------------------------------------


async def budget_lines_newest_first(api: Api) -> list[dict[str, Any]]:
    """Every budget line, the latest financial year first (the start page and the grant and allocation forms)."""
    lines = await all_items(api, "/v1/budget-lines")
    lines.sort(key=lambda line: (line["financial_year"], line["code"]), reverse=True)
    return lines


@router.get("/funding")
async def funding_home(request: Request, person: Person, api: PersonApi) -> HTMLResponse:
    funds = await all_items(api, "/v1/funds")
    lines = await budget_lines_newest_first(api)
    waiting = await api.get("/v1/grants", status="in_review", limit=200)
    submitted = await api.get("/v1/grants", status="submitted", limit=200)
    return render(
        request,
        "funding/index.html",
        person=person,
        funds=funds,
        lines=lines,
        waiting=len(waiting["items"]) + len(submitted["items"]),
        may_write=may_write(person),
    )


# --- budget lines ---------------------------------------------------------------------------------------------

LINE_FIELDS = {
    "fund_id": "fund_id",
    "financial_year": "financial_year",
    "stream": "stream",
    "code": "code",
    "name": "name",
    "amount_pence": "amount",
}


async def line_form(
    request: Request,
    person: SignedIn,
    api: Api,
    *,
    form: FormData | None = None,
    errors: dict[str, str] | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    return render(
        request,
        "funding/line_new.html",
        person=person,
        status_code=status_code,
        errors=errors,
        funds=await all_items(api, "/v1/funds"),
        years=await all_items(api, "/v1/financial-years"),
        streams=await all_items(api, "/v1/funding-streams"),
        values=echoed(form),
    )


@router.get("/funding/budget-lines/new")
async def new_line(request: Request, person: Person, api: PersonApi) -> HTMLResponse:
    return await line_form(request, person, api)


@router.post("/funding/budget-lines")
async def add_line(request: Request, person: Person, api: PersonApi, form: Form) -> Response:
    try:
        body = {
            "fund_id": text(form, "fund_id"),
            "financial_year": text(form, "financial_year"),
            "stream": text(form, "stream") or None,
            "code": text(form, "code"),
            "name": text(form, "name"),
            "amount_pence": pence(form, "amount", "the budget"),
            "currency": "GBP",
        }
        line = await api.post("/v1/budget-lines", body)
    except FieldProblem as problem:
        return await line_form(
            request, person, api, form=form, errors={problem.field: problem.message}, status_code=422
        )
    except ApiProblem as problem:
        if problem.status not in (409, 422):
            raise
        errors = problem_errors(problem, LINE_FIELDS, "code")
        return await line_form(request, person, api, form=form, errors=errors, status_code=problem.status)
    return RedirectResponse(f"/funding/budget-lines/{line['id']}?done=added", status_code=303)


LINE_NOTICES = {"added": "The budget line was added.", "changed": "The budget line was changed."}


async def line_page(
    request: Request,
    person: SignedIn,
    api: Api,
    line_id: str,
    *,
    form: FormData | None = None,
    errors: dict[str, str] | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    line, etag = await api.get_with_etag(f"/v1/budget-lines/{line_id}")
    grants = await api.get("/v1/grants", budget_line_id=line_id, limit=200)
    return render(
        request,
        "funding/line.html",
        person=person,
        status_code=status_code,
        errors=errors,
        line=line,
        etag=etag,
        grants=grants["items"],
        may_write=may_write(person),
        notice=LINE_NOTICES.get(request.query_params.get("done") or ""),
        values=echoed(form),
    )


@router.get("/funding/budget-lines/{line_id}")
async def budget_line(request: Request, person: Person, api: PersonApi, line_id: str) -> HTMLResponse:
    return await line_page(request, person, api, line_id)


@router.post("/funding/budget-lines/{line_id}")
async def change_line(request: Request, person: Person, api: PersonApi, form: Form, line_id: str) -> Response:
    try:
        body = {"name": text(form, "name") or None, "amount_pence": pence(form, "amount", "the budget")}
        await api.patch(f"/v1/budget-lines/{line_id}", body, etag=text(form, "etag"))
    except FieldProblem as problem:
        return await line_page(
            request, person, api, line_id, form=form, errors={problem.field: problem.message}, status_code=422
        )
    except ApiProblem as problem:
        if problem.status not in (409, 412, 422, 428):
            raise
        if problem.status in (412, 428):  # show the line as it is now, not what was typed
            message = "Someone else changed this budget line while you were looking at it. This is how it is now."
            return await line_page(request, person, api, line_id, errors={"amount": message}, status_code=412)
        errors = problem_errors(problem, {"name": "name", "amount_pence": "amount"}, "amount")
        return await line_page(request, person, api, line_id, form=form, errors=errors, status_code=problem.status)
    return RedirectResponse(f"/funding/budget-lines/{line_id}?done=changed", status_code=303)


# --- grants -----------------------------------------------------------------------------------------------------


@router.get("/funding/grants")
async def grants(
    request: Request,
    person: Person,
    api: PersonApi,
    status: Annotated[str | None, Query(max_length=20)] = None,
    allocation: Annotated[str | None, Query(max_length=40)] = None,
) -> HTMLResponse:
    status = status if status in GRANT_STATUSES else None
    page = await api.get("/v1/grants", status=status, allocation_id=allocation, limit=200)
    template = "funding/_grants_table.html" if request.headers.get("hx-request") else "funding/grants.html"
    return render(
        request,
        template,
        person=person,
        grants=page["items"],
        more=bool(page.get("next_cursor")),
        status=status,
        statuses=GRANT_STATUSES,
        allocation=allocation,
        may_write=may_write(person),
    )


async def grant_form(
    request: Request,
    person: SignedIn,
    api: Api,
    *,
    form: FormData | None = None,
    errors: dict[str, str] | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    lines = await budget_lines_newest_first(api)
    organisations = sorted(await all_items(api, "/v1/organisations"), key=lambda o: str(o["name"]).lower())
    return render(
        request,
        "funding/grant_new.html",
        person=person,
        status_code=status_code,
        errors=errors,
        lines=lines,
        organisations=organisations,
        values=echoed(form),
        start=date_parts(form, "planned_start_on"),
        end=date_parts(form, "planned_end_on"),
    )


@router.get("/funding/grants/new")
async def new_grant(request: Request, person: Person, api: PersonApi) -> HTMLResponse:
    return await grant_form(request, person, api)


def grant_body(form: FormData) -> dict[str, Any]:
    """The application as the API takes it, or every mistake in the form at once."""
    errors: dict[str, str] = {}
    body: dict[str, Any] = {"currency": "GBP"}
    for name, message in (
        ("title", "Enter the grant's title"),
        ("description", "Describe what the grant is for"),
        ("recipient_organisation_id", "Choose the organisation that receives it"),
    ):
        body[name] = text(form, name)
        if not body[name]:
            errors[name] = message
    body["budget_line_id"] = text(form, "budget_line_id") or None
    for key, name, label, required in (
        ("amount_applied_pence", "amount_applied", "the amount applied for", True),
        ("amount_recommended_pence", "amount_recommended", "the amount recommended", False),
    ):
        try:
            body[key] = pence(form, name, label, required=required)
        except FieldProblem as problem:
            errors[problem.field] = problem.message
    for key, label in (("planned_start_on", "the start date"), ("planned_end_on", "the end date")):
        try:
            body[key] = date_field(form, key, label, required=False)
        except FieldProblem as problem:
            errors[problem.field] = problem.message
    if errors:
        raise FormProblems(errors)
    return body


GRANT_FIELDS = {
    "title": "title",
    "description": "description",
    "recipient_organisation_id": "recipient_organisation_id",
    "budget_line_id": "budget_line_id",
    "amount_applied_pence": "amount_applied",
    "amount_recommended_pence": "amount_recommended",
    "planned_start_on": "planned_start_on",
    "planned_end_on": "planned_end_on",
}


@router.post("/funding/grants")
async def propose_grant(request: Request, person: Person, api: PersonApi, form: Form) -> Response:
    try:
        created = await api.post("/v1/grants", grant_body(form))
    except FormProblems as problems:
        return await grant_form(request, person, api, form=form, errors=problems.errors, status_code=422)
    except ApiProblem as problem:
        if problem.status not in (404, 409, 422):
            raise
        errors = problem_errors(problem, GRANT_FIELDS, "title")
        return await grant_form(request, person, api, form=form, errors=errors, status_code=problem.status)
    return RedirectResponse(f"/funding/grants/{created['id']}?done=draft", status_code=303)


async def grant_page(
    request: Request,
    person: SignedIn,
    api: Api,
    grant_id: str,
    *,
    errors: dict[str, str] | None = None,
    status_code: int = 200,
    form: FormData | None = None,
    notice: str | None = None,
) -> HTMLResponse:
    grant, etag = await api.get_with_etag(f"/v1/grants/{grant_id}")
    disbursements = await all_items(api, f"/v1/grants/{grant_id}/disbursements")
    line = await readable_line(api, grant.get("budget_line_id"))
    steps = list(GRANT_STEPS.get(grant["status"], ())) if may_write(person) else []
    four_eyes = grant["status"] == "in_review" and grant.get("submitted_by") == person.subject
    if four_eyes:  # the API refuses the person who submitted it: 403 four-eyes
        steps = [step for step in steps if step[0] not in ("approved", "rejected")]
    return render(
        request,
        "funding/grant.html",
        person=person,
        status_code=status_code,
        errors=errors,
        grant=grant,
        etag=etag,
        line=line,
        disbursements=disbursements,
        steps=steps,
        four_eyes=four_eyes,
        may_write=may_write(person),
        disbursement_steps=DISBURSEMENT_STEPS if may_write(person) else {},
        can_schedule=may_write(person) and grant["status"] in ("approved", "active") and grant["remaining_pence"],
        form=form,
        first_due=date_parts(form, "first_due_on"),
        notice=notice or NOTICES.get(request.query_params.get("done") or ""),
    )


@router.get("/funding/grants/{grant_id}")
async def grant(request: Request, person: Person, api: PersonApi, grant_id: str) -> HTMLResponse:
    return await grant_page(request, person, api, grant_id)


NOTICES = {
    "draft": "The grant was saved as a draft. Submit it for a decision when it is ready.",
    "submitted": "The grant was submitted for a decision.",
    "in_review": "The review has started. Someone other than the person who submitted it must approve it.",
    "approved": "The grant was approved.",
    "rejected": "The grant was rejected.",
    "active": "The grant has started.",
    "completed": "The grant was marked as completed.",
    "closed": "The grant was closed.",
    "withdrawn": "The grant was withdrawn.",
    "scheduled": "The disbursement schedule was made.",
    "paid": "The instalment was marked as paid.",
    "disbursement-approved": "The instalment was approved for payment.",
    "cancelled": "The instalment was cancelled.",
}


def transition_body(form: FormData) -> dict[str, Any]:
    to = text(form, "to")
    body: dict[str, Any] = {"to": to}
    if to in ("rejected", "closed", "withdrawn"):
        reason = text(form, "reason")
        if to != "withdrawn" and not reason:
            raise FieldProblem("reason", "Enter the reason")
        body["reason"] = reason or None
    if to == "approved":
        body["amount_awarded_pence"] = pence(form, "amount_awarded", "the amount awarded", required=False)
    return body


@router.post("/funding/grants/{grant_id}/transitions")
async def move_grant(request: Request, person: Person, api: PersonApi, form: Form, grant_id: str) -> Response:
    try:
        body = transition_body(form)
        await api.call(
            "POST", f"/v1/grants/{grant_id}/transitions", json=body, headers={"If-Match": text(form, "etag")}
        )
    except FieldProblem as problem:
        return await grant_page(
            request, person, api, grant_id, errors={problem.field: problem.message}, form=form, status_code=422
        )
    except ApiProblem as problem:
        if problem.status not in (409, 412, 422, 428) and problem.slug != "four-eyes":
            raise
        message = (
            "Someone else changed this grant while you were looking at it. This is how it is now: check, then try again"
            if problem.status in (412, 428)
            else problem.detail
        )
        field = "amount_awarded" if problem.slug == "budget-exceeded" else "to"
        return await grant_page(
            request, person, api, grant_id, errors={field: message}, form=form, status_code=problem.status
        )
    return RedirectResponse(f"/funding/grants/{grant_id}?done={body['to']}", status_code=303)


@router.post("/funding/grants/{grant_id}/disbursements")
async def schedule(request: Request, person: Person, api: PersonApi, form: Form, grant_id: str) -> Response:
    try:
        body = {
            "instalments": whole_number(form, "instalments", "the number of instalments"),
            "frequency": text(form, "frequency") or "quarterly",
            "first_due_on": date_field(form, "first_due_on", "the date the first instalment is due"),
        }
        await api.post(f"/v1/grants/{grant_id}/disbursements", body)
    except FieldProblem as problem:
        return await grant_page(
            request, person, api, grant_id, errors={problem.field: problem.message}, form=form, status_code=422
        )
    except ApiProblem as problem:
        if problem.status not in (409, 422):
            raise
        fields = {"instalments": "instalments", "frequency": "frequency", "first_due_on": "first_due_on"}
        errors = problem_errors(problem, fields, "instalments")
        return await grant_page(request, person, api, grant_id, errors=errors, form=form, status_code=problem.status)
    return RedirectResponse(f"/funding/grants/{grant_id}?done=scheduled#disbursements", status_code=303)


@router.post("/funding/disbursements/{disbursement_id}/transitions")
async def move_disbursement(
    request: Request, person: Person, api: PersonApi, form: Form, disbursement_id: str
) -> Response:
    disbursement = await api.get(f"/v1/disbursements/{disbursement_id}")
    to = text(form, "to")
    body: dict[str, Any] = {"to": to}
    if to == "paid":
        body["paid_on"] = date.today().isoformat()
    if to == "cancelled":
        body["reason"] = "Cancelled by the programme team"
    try:
        await api.post(f"/v1/disbursements/{disbursement_id}/transitions", body)
    except ApiProblem as problem:
        if problem.status not in (409, 412, 422):
            raise
        return await grant_page(
            request, person, api, disbursement["grant_id"], errors={"to": problem.detail}, status_code=problem.status
        )
    done = "disbursement-approved" if to == "approved" else to
    return RedirectResponse(f"/funding/grants/{disbursement['grant_id']}?done={done}#disbursements", status_code=303)


# --- allocations ------------------------------------------------------------------------------------------------


@router.get("/funding/allocations")
async def allocations(request: Request, person: Person, api: PersonApi) -> HTMLResponse:
    page = await api.get("/v1/allocations", limit=100)
    return render(
        request, "funding/allocations.html", person=person, allocations=page["items"], may_write=may_write(person)
    )


async def allocation_form(
    request: Request,
    person: SignedIn,
    api: Api,
    *,
    form: FormData | None = None,
    errors: dict[str, str] | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    lines = await budget_lines_newest_first(api)
    projects = await all_items(api, "/v1/projects", status="active")
    return render(
        request,
        "funding/allocation_new.html",
        person=person,
        status_code=status_code,
        errors=errors,
        lines=lines,
        projects=projects,
        form=form,
        values=echoed(form),
        period_from=date_parts(form, "period_from"),
        period_to=date_parts(form, "period_to"),
    )


@router.get("/funding/allocations/new")
async def new_allocation(request: Request, person: Person, api: PersonApi) -> HTMLResponse:
    return await allocation_form(request, person, api)


def allocation_body(form: FormData) -> dict[str, Any]:
    title = text(form, "title")
    if not title:
        raise FieldProblem("title", "Enter a title for the allocation")
    if not text(form, "budget_line_id"):
        raise FieldProblem("budget_line_id", "Choose the budget line that pays for it")
    body: dict[str, Any] = {
        "title": title,
        "budget_line_id": text(form, "budget_line_id"),
        "project_id": text(form, "project_id") or None,
        "pot_pence": pence(form, "pot", "the amount to share out"),
        "currency": "GBP",
        "basis": "knife_incidents",
        "period_from": date_field(form, "period_from", "the first day of the period"),
        "period_to": date_field(form, "period_to", "the last day of the period"),
    }
    floor = pence(form, "floor", "the least a district gets", required=False)
    cap = pence(form, "cap", "the most a district gets", required=False)
    if floor is not None:
        body["floor_pence"] = floor
    if cap is not None:
        body["cap_pence"] = cap
    return body


ALLOCATION_FIELDS = {
    "title": "title",
    "budget_line_id": "budget_line_id",
    "project_id": "project_id",
    "pot_pence": "pot",
    "period_from": "period_from",
    "period_to": "period_to",
    "floor_pence": "floor",
    "cap_pence": "cap",
}


@router.post("/funding/allocations")
async def preview_allocation(request: Request, person: Person, api: PersonApi, form: Form) -> Response:
    try:
        run = await api.post("/v1/allocations", allocation_body(form))
    except FieldProblem as problem:
        return await allocation_form(
            request, person, api, form=form, errors={problem.field: problem.message}, status_code=422
        )
    except ApiProblem as problem:
        if problem.status not in (404, 409, 422, 503):
            raise
        errors = problem_errors(problem, ALLOCATION_FIELDS, "pot")
        if problem.status == 503:
            errors = {"period_from": f"The knife-incident counts could not be fetched: {problem.detail}"}
        return await allocation_form(request, person, api, form=form, errors=errors, status_code=problem.status)
    return RedirectResponse(f"/funding/allocations/{run['id']}", status_code=303)


async def allocation_page(
    request: Request,
    person: SignedIn,
    api: Api,
    allocation_id: str,
    *,
    errors: dict[str, str] | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    run, etag = await api.get_with_etag(f"/v1/allocations/{allocation_id}")
    line = await readable_line(api, run["budget_line_id"])
    recipients = sorted(
        run["recipients"], key=lambda r: (r["rank"] is None, r["rank"] or 0, -int(r["amount_pence"]), r["district"])
    )
    return render(
        request,
        "funding/allocation.html",
        person=person,
        status_code=status_code,
        errors=errors,
        run=run,
        etag=etag,
        line=line,
        recipients=recipients,
        chart=share_chart(run["recipients"], int(run["total_pence"])),
        may_commit=may_write(person) and run["status"] == "preview",
        committed=request.query_params.get("committed") == "1",
    )


@router.get("/funding/allocations/{allocation_id}")
async def allocation(request: Request, person: Person, api: PersonApi, allocation_id: str) -> HTMLResponse:
    return await allocation_page(request, person, api, allocation_id)


@router.post("/funding/allocations/{allocation_id}/commit")
async def commit_allocation(
    request: Request, person: Person, api: PersonApi, form: Form, allocation_id: str
) -> Response:
    etag = text(form, "etag")
    try:
        await api.call("POST", f"/v1/allocations/{allocation_id}/commit", headers={"If-Match": etag} if etag else None)
    except ApiProblem as problem:
        if problem.status not in (409, 412, 422):
            raise
        message = (
            "Someone else changed this allocation while you were looking at it. This is how it is now."
            if problem.status == 412
            else problem.detail
        )
        return await allocation_page(
            request, person, api, allocation_id, errors={"commit": message}, status_code=problem.status
        )
    return RedirectResponse(f"/funding/allocations/{allocation_id}?committed=1", status_code=303)


# --- the 360Giving export ---------------------------------------------------------------------------------------


@router.get("/funding/export")
async def export_page(request: Request, person: Person, api: PersonApi) -> HTMLResponse:
    years = await all_items(api, "/v1/financial-years")
    return render(request, "funding/export.html", person=person, years=years)


@router.get("/funding/export/360giving.{kind}")
async def export_file(
    request: Request,
    person: Person,
    api: PersonApi,
    kind: str,
    financial_year: Annotated[str | None, Query(max_length=7, pattern=r"^\d{4}-\d{2}$")] = None,
) -> Response:
    if kind not in ("csv", "json"):
        return render(request, "errors/not_found.html", person=person, status_code=404)
    answer = await api.call("GET", f"/v1/exports/360giving.{kind}", params={"financial_year": financial_year})
    name = f"kmvru-360giving{'-' + financial_year if financial_year else ''}.{kind}"
    media = "text/csv; charset=utf-8" if kind == "csv" else "application/json"
    return Response(
        answer.content,
        media_type=media,
        headers={"Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "no-store"},
    )
