"""Journey 6: CSP officers and guardians — emergency trauma packs, their sites and alerts for the district, and the
guardian's check form, reached by scanning the QR code on the cabinet (made per site, printable, usable on a phone).

The ETP inventory API decides who sees which sites and packs (and the lock codes); these pages call only what the
person's role may call, and bring the API's answers back to the form.
"""

from __future__ import annotations

import io
from typing import Annotated, Any

import segno
from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData

from web.api import Api, ApiProblem
from web.dependencies import Form, Person, PersonApi
from web.display import DISTRICTS
from web.form_input import FieldProblem, all_items, echoed, problem_errors, text, whole_number
from web.rendering import environment, render
from web.session.service import SignedIn

router = APIRouter(include_in_schema=False)

#: The unit's staff: everything but lock codes. CSP officers: their district. Guardians: their sites.
STAFF = frozenset({"programme_officer", "director", "admin"})
READINESS = {
    "ready": ("Ready", "green"),
    "needs_attention": ("Needs attention", "orange"),
    "check_overdue": ("Check overdue", "red"),
    "expired": ("Expired", "red"),
    "used": ("Used", "grey"),
}
CABINETS = {
    "indoors": "Indoors, no cabinet",
    "unlocked_cabinet": "Unlocked cabinet",
    "locked_cabinet": "Locked cabinet (with a code)",
}
SITE_FIELDS = (
    "district",
    "name",
    "address",
    "postcode",
    "latitude",
    "longitude",
    "access_hours",
    "cabinet_type",
    "lock_code",
    "is_public",
    "contact_name",
    "contact_phone",
    "contact_email",
)


def readiness_tag(readiness: str | None) -> dict[str, str]:
    label, colour = READINESS.get(readiness or "", ("Out of stock", "grey"))
    return {"text": label, "classes": f"govuk-tag--{colour}"}


environment.globals.update(readiness_tag=readiness_tag, cabinets=CABINETS)


def is_staff(person: SignedIn) -> bool:
    return not STAFF.isdisjoint(person.roles)


def manages_sites(person: SignedIn) -> bool:
    """Staff and CSP officers add and change sites, assign guardians and deploy packs."""
    return is_staff(person) or person.has_role("csp_officer")


def check_url(request: Request, site_id: str) -> str:
    """The check form's address on the platform, as the person's browser reached it (through the gateway)."""
    scheme = request.headers.get("x-forwarded-proto") or request.url.scheme
    host = request.headers.get("x-forwarded-host") or request.headers.get("host") or request.url.netloc
    return f"{scheme}://{host}/packs/sites/{site_id}/check"


# --- the start page and alerts ----------------------------------------------------------------------------------


@router.get("/packs")
async def packs_home(request: Request, person: Person, api: PersonApi) -> HTMLResponse:
    context: dict[str, Any] = {"manages_sites": manages_sites(person), "is_guardian": person.has_role("guardian")}
    if manages_sites(person):
        context["alerts"] = await api.get("/v1/alerts")
        context["csps"] = (await api.get("/v1/csps"))["items"]
    if manages_sites(person) or person.has_role("guardian"):
        context["sites"] = await all_items(api, "/v1/sites")
    if person.has_role("guardian"):
        context["due"] = (await api.get("/v1/checks/due", limit=200))["items"]
    return render(request, "packs/index.html", person=person, **context)


@router.get("/packs/alerts")
async def alerts(
    request: Request,
    person: Person,
    api: PersonApi,
    within_days: Annotated[int, Query()] = 30,
) -> HTMLResponse:
    within_days = within_days if within_days in (30, 60, 90) else 30
    expiring = await api.get("/v1/alerts/expiring", within_days=within_days, limit=200)
    overdue = await api.get("/v1/alerts/overdue-checks", limit=200)
    low = (await api.get("/v1/alerts/low-stock"))["items"]
    return render(
        request,
        "packs/alerts.html",
        person=person,
        within_days=within_days,
        expiring=expiring["items"],
        overdue=overdue["items"],
        low=low,
    )


@router.get("/packs/list")
async def pack_list(
    request: Request,
    person: Person,
    api: PersonApi,
    readiness: Annotated[str | None, Query(max_length=20)] = None,
    cursor: Annotated[str | None, Query(max_length=512)] = None,
) -> HTMLResponse:
    readiness = readiness if readiness in READINESS else None
    page = await api.get("/v1/packs", readiness=readiness, status="in_stock", cursor=cursor, limit=100)
    template = "packs/_pack_table.html" if request.headers.get("hx-request") else "packs/list.html"
    return render(
        request,
        template,
        person=person,
        packs=page["items"],
        next_cursor=page.get("next_cursor"),
        readiness=readiness,
        choices=READINESS,
    )


# --- sites ------------------------------------------------------------------------------------------------------


def site_values(site: dict[str, Any]) -> dict[str, str]:
    """A site as the form shows it."""
    values = {key: "" if site.get(key) is None else str(site[key]) for key in SITE_FIELDS}
    values["is_public"] = "true" if site.get("is_public") else "false"
    return values


def site_form_page(
    request: Request,
    person: SignedIn,
    *,
    form: FormData | None = None,
    errors: dict[str, str] | None = None,
    status_code: int = 200,
    site: dict[str, Any] | None = None,
    etag: str | None = None,
) -> HTMLResponse:
    districts = DISTRICTS if is_staff(person) else {d: DISTRICTS.get(d, d) for d in person.districts}
    if form is not None:
        values = {key: text(form, key) for key in SITE_FIELDS}
    elif site is not None:
        values = site_values(site)
    else:
        values = {"is_public": "true"}
    return render(
        request,
        "packs/site_new.html",
        person=person,
        status_code=status_code,
        errors=errors,
        districts=districts,
        values=values,
        site=site,
        etag=etag,
    )


@router.get("/packs/sites/new")
async def new_site(request: Request, person: Person) -> HTMLResponse:
    return site_form_page(request, person)


def coordinate(form: FormData, name: str, label: str) -> float:
    raw = text(form, name)
    try:
        return float(raw)
    except ValueError as exc:
        raise FieldProblem(name, f"Enter the {label} as a number of degrees, like 51.3838") from exc


def site_body(form: FormData) -> dict[str, Any]:
    body: dict[str, Any] = {
        "district": text(form, "district"),
        "name": text(form, "name"),
        "address": text(form, "address"),
        "postcode": text(form, "postcode"),
        "latitude": coordinate(form, "latitude", "latitude"),
        "longitude": coordinate(form, "longitude", "longitude"),
        "cabinet_type": text(form, "cabinet_type"),
        "is_public": text(form, "is_public") == "true",
    }
    for optional in ("access_hours", "lock_code", "contact_name", "contact_phone", "contact_email"):
        if text(form, optional):
            body[optional] = text(form, optional)
    if body["cabinet_type"] == "locked_cabinet" and "lock_code" not in body:
        raise FieldProblem("lock_code", "Enter the lock code of the cabinet")
    return body


@router.post("/packs/sites")
async def add_site(request: Request, person: Person, api: PersonApi, form: Form) -> Response:
    try:
        site = await api.post("/v1/sites", site_body(form))
    except FieldProblem as problem:
        return site_form_page(request, person, form=form, errors={problem.field: problem.message}, status_code=422)
    except ApiProblem as problem:
        if problem.status not in (403, 409, 422):
            raise
        errors = problem_errors(problem, {name: name for name in SITE_FIELDS}, "name")
        return site_form_page(request, person, form=form, errors=errors, status_code=problem.status)
    return RedirectResponse(f"/packs/sites/{site['id']}?done=added", status_code=303)


@router.get("/packs/sites/{site_id}/edit")
async def edit_site(request: Request, person: Person, api: PersonApi, site_id: str) -> HTMLResponse:
    site, etag = await api.get_with_etag(f"/v1/sites/{site_id}")
    return site_form_page(request, person, site=site, etag=etag)


@router.post("/packs/sites/{site_id}/edit")
async def change_site(request: Request, person: Person, api: PersonApi, form: Form, site_id: str) -> Response:
    try:
        body = site_body(form)
        body.pop("district")
        await api.patch(f"/v1/sites/{site_id}", body, etag=text(form, "etag"))
    except FieldProblem as problem:
        site, etag = await api.get_with_etag(f"/v1/sites/{site_id}")
        return site_form_page(
            request,
            person,
            form=form,
            errors={problem.field: problem.message},
            site=site,
            etag=text(form, "etag") or etag,
            status_code=422,
        )
    except ApiProblem as problem:
        if problem.status not in (409, 412, 422, 428):
            raise
        site, etag = await api.get_with_etag(f"/v1/sites/{site_id}")
        if problem.status in (412, 428):  # show the site as it is now, not what was typed
            message = "Someone else changed this site while you were looking at it. This is how it is now."
            return site_form_page(request, person, errors={"name": message}, site=site, etag=etag, status_code=412)
        errors = problem_errors(problem, {name: name for name in SITE_FIELDS}, "name")
        return site_form_page(
            request, person, form=form, errors=errors, site=site, etag=text(form, "etag"), status_code=problem.status
        )
    return RedirectResponse(f"/packs/sites/{site_id}?done=changed", status_code=303)


NOTICES = {
    "added": "The site was added.",
    "changed": "The site was changed.",
    "guardian": "The guardian was assigned to the site.",
    "removed": "The guardian was removed from the site.",
    "deployed": "The packs were put at the site.",
}


async def site_page(
    request: Request,
    person: SignedIn,
    api: Api,
    site_id: str,
    *,
    errors: dict[str, str] | None = None,
    status_code: int = 200,
    form: FormData | None = None,
) -> HTMLResponse:
    site = await api.get(f"/v1/sites/{site_id}")
    packs = await all_items(api, "/v1/packs", location_id=site_id, status="in_stock")
    csp_stock = None
    if manages_sites(person):
        locations = await api.get("/v1/locations", kind="csp", district=site["district"])
        csp_stock = sum(int(location["on_hand"]) for location in locations["items"])
    return render(
        request,
        "packs/site.html",
        person=person,
        status_code=status_code,
        errors=errors,
        site=site,
        packs=packs,
        csp_stock=csp_stock,
        manages_sites=manages_sites(person),
        may_check=person.has_role("guardian") or manages_sites(person),
        notice=NOTICES.get(request.query_params.get("done") or ""),
        values=echoed(form),
    )


@router.get("/packs/sites/{site_id}")
async def site(request: Request, person: Person, api: PersonApi, site_id: str) -> HTMLResponse:
    return await site_page(request, person, api, site_id)


@router.post("/packs/sites/{site_id}/guardians")
async def assign_guardian(request: Request, person: Person, api: PersonApi, form: Form, site_id: str) -> Response:
    email = text(form, "guardian_email")
    try:
        if not email:
            raise FieldProblem("guardian_email", "Enter the guardian's email address")
        found = (await api.get("/v1/guardians", email=email))["items"]
        if not found:
            raise FieldProblem(
                "guardian_email",
                "There is no guardian with that email address: check it, or ask an administrator to give them "
                "the guardian role",
            )
        body = {"name": text(form, "guardian_name") or None}
        await api.call("PUT", f"/v1/sites/{site_id}/guardians/{found[0]['id']}", json=body)
    except FieldProblem as problem:
        return await site_page(
            request, person, api, site_id, errors={problem.field: problem.message}, form=form, status_code=422
        )
    except ApiProblem as problem:
        if problem.status not in (409, 422):
            raise
        errors = problem_errors(problem, {"email": "guardian_email", "name": "guardian_name"}, "guardian_email")
        return await site_page(request, person, api, site_id, errors=errors, form=form, status_code=problem.status)
    return RedirectResponse(f"/packs/sites/{site_id}?done=guardian#guardians", status_code=303)


@router.post("/packs/sites/{site_id}/guardians/{subject}/remove")
async def remove_guardian(
    request: Request, person: Person, api: PersonApi, form: Form, site_id: str, subject: str
) -> Response:
    await api.call("DELETE", f"/v1/sites/{site_id}/guardians/{subject}")
    return RedirectResponse(f"/packs/sites/{site_id}?done=removed#guardians", status_code=303)


@router.post("/packs/sites/{site_id}/deployments")
async def deploy(request: Request, person: Person, api: PersonApi, form: Form, site_id: str) -> Response:
    try:
        quantity = whole_number(form, "quantity", "how many packs to put at the site")
        await api.post("/v1/movements/deployments", {"site_id": site_id, "quantity": quantity})
    except FieldProblem as problem:
        return await site_page(
            request, person, api, site_id, errors={problem.field: problem.message}, form=form, status_code=422
        )
    except ApiProblem as problem:
        if problem.status not in (409, 422):
            raise
        errors = problem_errors(problem, {"quantity": "quantity"}, "quantity")
        return await site_page(request, person, api, site_id, errors=errors, form=form, status_code=problem.status)
    return RedirectResponse(f"/packs/sites/{site_id}?done=deployed#packs", status_code=303)


# --- the QR code on the cabinet ---------------------------------------------------------------------------------


@router.get("/packs/sites/{site_id}/qr.svg")
async def qr_code(request: Request, person: Person, api: PersonApi, site_id: str) -> Response:
    site = await api.get(f"/v1/sites/{site_id}")  # only a site the person may see
    code = segno.make(check_url(request, site["id"]), error="m")
    out = io.BytesIO()
    title = f"Check the packs at {site['name']}"
    code.save(out, kind="svg", xmldecl=False, scale=8, border=4, light="#fff", title=title)
    return Response(out.getvalue(), media_type="image/svg+xml", headers={"Cache-Control": "no-store"})


@router.get("/packs/sites/{site_id}/print")
async def print_page(request: Request, person: Person, api: PersonApi, site_id: str) -> HTMLResponse:
    site = await api.get(f"/v1/sites/{site_id}")
    return render(request, "packs/print.html", person=person, site=site, url=check_url(request, site["id"]))


# --- the guardian's check ---------------------------------------------------------------------------------------

CHECK_QUESTIONS = (
    ("seal_intact", "Is the seal intact?"),
    ("contents_present", "Is everything in the pack?"),
    ("expiry_seen", "Are all the dates on the items in date?"),
)


async def check_form_page(
    request: Request,
    person: SignedIn,
    api: Api,
    site_id: str,
    *,
    form: FormData | None = None,
    errors: dict[str, str] | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    site = await api.get(f"/v1/sites/{site_id}")
    packs = await all_items(api, "/v1/packs", location_id=site_id, status="in_stock")
    return render(
        request,
        "packs/check.html",
        person=person,
        status_code=status_code,
        errors=errors,
        site=site,
        packs=packs,
        questions=CHECK_QUESTIONS,
        values=echoed(form),
    )


@router.get("/packs/sites/{site_id}/check")
async def check_form(request: Request, person: Person, api: PersonApi, site_id: str) -> HTMLResponse:
    return await check_form_page(request, person, api, site_id)


def check_body(form: FormData) -> dict[str, Any]:
    if not text(form, "pack_id"):
        raise FieldProblem("pack_id", "Choose the pack you checked")
    body: dict[str, Any] = {"pack_id": text(form, "pack_id")}
    for name, question in CHECK_QUESTIONS:
        answer = text(form, name)
        if answer not in ("yes", "no"):
            raise FieldProblem(name, f"Answer: {question[0].lower()}{question[1:]}")
        body[name] = answer == "yes"
    body["notes"] = text(form, "notes")[:2000] or None
    return body


@router.post("/packs/sites/{site_id}/check")
async def record_check(request: Request, person: Person, api: PersonApi, form: Form, site_id: str) -> Response:
    try:
        result = await api.post("/v1/checks", check_body(form))
    except FieldProblem as problem:
        return await check_form_page(
            request, person, api, site_id, form=form, errors={problem.field: problem.message}, status_code=422
        )
    except ApiProblem as problem:
        if problem.status not in (409, 422):
            raise
        fields = {"pack_id": "pack_id", "notes": "notes", **{name: name for name, _ in CHECK_QUESTIONS}}
        errors = problem_errors(problem, fields, "pack_id")
        return await check_form_page(
            request, person, api, site_id, form=form, errors=errors, status_code=problem.status
        )
    site = await api.get(f"/v1/sites/{site_id}")
    return render(request, "packs/checked.html", person=person, site=site, result=result)
