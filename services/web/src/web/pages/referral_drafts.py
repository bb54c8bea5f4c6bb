"""The coordinator drafts a referral for a young person (from a review or the young person's page), with the
lawful basis for sharing and consent, checks it and sends it. The partner agency's inbox is ``/referrals``."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from web.api import Api, ApiProblem
from web.casework import CONSENT, LAWFUL_BASES, districts_for, place_names, works_casework
from web.dependencies import Form, Person, PersonApi
from web.rendering import render
from web.session.service import SignedIn

router = APIRouter(include_in_schema=False)

FIELDS = ("destination", "district", "reason", "lawful_basis", "consent", "sharing_note", "review")


async def _destinations(api: Api) -> list[dict[str, str]]:
    """Forums and partner agencies, as ``kind:code`` choices."""
    forums = (await api.get("/v1/forums", limit=200))["items"]
    agencies = (await api.get("/v1/partner-agencies", limit=200))["items"]
    choices = [{"value": f"forum:{f['code']}", "text": f"Forum: {f['name']}"} for f in forums]
    choices += [{"value": f"partner_agency:{a['code']}", "text": f"Partner agency: {a['name']}"} for a in agencies]
    return sorted(choices, key=lambda c: c["text"])


async def _draft_page(
    request: Request,
    person: SignedIn,
    api: Api,
    subject_id: UUID,
    *,
    form: dict[str, str],
    errors: dict[str, str] | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    if not works_casework(person):  # the API would refuse the referral: the page does not offer it
        raise ApiProblem(403, {"title": "Forbidden", "detail": "Only analysts and coordinators make referrals."})
    subject = await api.get(f"/v1/subjects/{subject_id}")
    review = await api.get(f"/v1/reviews/{form['review']}") if form.get("review") else None
    return render(
        request,
        "young_people/refer.html",
        person=person,
        status_code=status_code,
        errors=errors or {},
        form=form,
        subject=subject,
        review=review,
        destinations=await _destinations(api),
        districts=[] if review else await districts_for(api, person),
        lawful_bases=LAWFUL_BASES,
        consents=CONSENT,
    )


@router.get("/young-people/{subject_id}/refer")
async def draft_referral_page(
    request: Request,
    person: Person,
    api: PersonApi,
    subject_id: UUID,
    review: Annotated[UUID | None, Query()] = None,
) -> HTMLResponse:
    return await _draft_page(request, person, api, subject_id, form={"review": str(review) if review else ""})


def _draft_errors(form: dict[str, str]) -> dict[str, str]:
    errors: dict[str, str] = {}
    if ":" not in form["destination"]:
        errors["destination"] = "Select where to refer the young person"
    if not form["review"] and not form["district"]:
        errors["district"] = "Select the district the referral is about"
    if len(form["reason"]) < 3:
        errors["reason"] = "Enter why you are referring the young person"
    if form["lawful_basis"] not in LAWFUL_BASES:
        errors["lawful_basis"] = "Select the lawful basis for sharing"
    if form["consent"] not in CONSENT:
        errors["consent"] = "Select whether consent was given"
    elif form["lawful_basis"] == "consent" and form["consent"] != "given":
        errors["consent"] = "Consent must be given when consent is the lawful basis"
    if form["sharing_note"] and len(form["sharing_note"]) < 3:
        errors["sharing_note"] = "Enter why sharing is justified, or leave it empty"
    return errors


@router.post("/young-people/{subject_id}/refer")
async def draft_referral(request: Request, person: Person, api: PersonApi, form: Form, subject_id: UUID) -> Response:
    given = {name: str(form.get(name) or "").strip() for name in FIELDS}
    errors = _draft_errors(given)
    if errors:
        return await _draft_page(request, person, api, subject_id, form=given, errors=errors, status_code=400)
    kind, code = given["destination"].split(":", 1)
    body: dict[str, Any] = {
        "subject_id": str(subject_id),
        kind: code,
        "reason": given["reason"],
        "lawful_basis": given["lawful_basis"],
        "consent": given["consent"],
    }
    if given["review"]:
        body["review_id"] = given["review"]
    else:
        body["district"] = given["district"]
    if given["sharing_note"]:
        body["sharing_note"] = given["sharing_note"]
    try:
        referral = await api.post("/v1/referrals", body)
    except ApiProblem as problem:
        if problem.status not in (403, 404, 409, 422):
            raise
        found = problem.field_errors() or {"destination": problem.detail}
        errors = {(n if n in FIELDS and n != "review" else "destination"): m for n, m in found.items()}
        return await _draft_page(
            request, person, api, subject_id, form=given, errors=errors, status_code=problem.status
        )
    return RedirectResponse(f"/young-people/{subject_id}/referrals/{referral['id']}?drafted=1", status_code=303)


async def _referral_page(
    request: Request,
    person: SignedIn,
    api: Api,
    subject_id: UUID,
    referral_id: UUID,
    *,
    notice: str | None = None,
    changed: str | None = None,
    errors: dict[str, str] | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    referral, etag = await api.get_with_etag(f"/v1/referrals/{referral_id}")
    if referral.get("subject", {}).get("id") != str(subject_id):
        raise HTTPException(404)
    return render(
        request,
        "young_people/referral.html",
        person=person,
        status_code=status_code,
        referral=referral,
        etag=etag or "",
        may_send=works_casework(person) and referral["status"] == "draft",
        notice=notice,
        changed=changed,
        errors=errors or {},
        places=await place_names(api),
    )


@router.get("/young-people/{subject_id}/referrals/{referral_id}")
async def referral_page(
    request: Request,
    person: Person,
    api: PersonApi,
    subject_id: UUID,
    referral_id: UUID,
    drafted: Annotated[str | None, Query(max_length=1)] = None,
    sent: Annotated[str | None, Query(max_length=1)] = None,
) -> HTMLResponse:
    notice = None
    if sent:
        notice = "Referral sent."
    elif drafted:
        notice = "Referral drafted. Check it, then send it."
    return await _referral_page(request, person, api, subject_id, referral_id, notice=notice)


@router.post("/young-people/{subject_id}/referrals/{referral_id}/send")
async def send_referral(
    request: Request, person: Person, api: PersonApi, form: Form, subject_id: UUID, referral_id: UUID
) -> Response:
    etag = str(form.get("etag") or "")
    try:
        await api.call(
            "POST", f"/v1/referrals/{referral_id}/transitions", json={"to": "sent"}, headers={"If-Match": etag}
        )
    except ApiProblem as problem:
        if problem.status == 412:
            changed = "Someone else changed this referral while you were looking at it. Check it again before sending."
            return await _referral_page(request, person, api, subject_id, referral_id, changed=changed, status_code=412)
        if problem.status in (409, 422):
            return await _referral_page(
                request,
                person,
                api,
                subject_id,
                referral_id,
                errors={"send": problem.detail},
                status_code=problem.status,
            )
        raise
    return RedirectResponse(f"/young-people/{subject_id}/referrals/{referral_id}?sent=1", status_code=303)
