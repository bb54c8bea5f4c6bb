"""The coordinator's review queue (overdue first), a review's page, and moving a review through its stages."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from web.api import Api, ApiProblem
from web.casework import REVIEW_NEXT, REVIEW_STATUSES, districts_for, place_names, works_casework
from web.dependencies import Form, Person, PersonApi
from web.rendering import render
from web.session.service import SignedIn

router = APIRouter(include_in_schema=False)

#: Each part of the queue (overdue, then the rest) shows at most this many; filters narrow it.
QUEUE_LIMIT = 100
#: The referrals made from one review shown on its page.
REFERRALS_LIMIT = 50
DistrictFilter = Annotated[str | None, Query(max_length=64)]
StatusFilter = Annotated[str | None, Query(max_length=32)]


@router.get("/reviews")
async def review_queue(
    request: Request, person: Person, api: PersonApi, district: DistrictFilter = None, status: StatusFilter = None
) -> HTMLResponse:
    districts = await districts_for(api, person)
    errors: dict[str, str] = {}
    if district and district not in {d["code"] for d in districts}:
        errors["district"] = "Select one of the districts listed"
    if status and status not in REVIEW_STATUSES:
        errors["status"] = "Select one of the stages listed"
    overdue: list[dict[str, Any]] = []
    others: list[dict[str, Any]] = []
    more = False
    if not errors:
        filters = {"district": district, "status": status, "limit": QUEUE_LIMIT}
        late = await api.get("/v1/reviews", overdue="true", **filters)
        rest = await api.get("/v1/reviews", overdue="false", **filters)
        overdue, others = late["items"], rest["items"]
        more = bool(late["next_cursor"] or rest["next_cursor"])
    return render(
        request,
        "reviews/queue.html",
        person=person,
        errors=errors,
        districts=districts,
        statuses=REVIEW_STATUSES,
        district=district or "",
        status=status or "",
        overdue=overdue,
        others=others,
        more=more,
        limit=QUEUE_LIMIT,
        places=await place_names(api),
    )


async def _review_page(
    request: Request,
    person: SignedIn,
    api: Api,
    review_id: UUID,
    *,
    status_code: int = 200,
    errors: dict[str, str] | None = None,
    form: dict[str, str] | None = None,
    notice: str | None = None,
    changed: str | None = None,
) -> HTMLResponse:
    review, etag = await api.get_with_etag(f"/v1/reviews/{review_id}")
    referrals = (await api.get("/v1/referrals", review_id=str(review_id), limit=REFERRALS_LIMIT))["items"]
    return render(
        request,
        "reviews/review.html",
        person=person,
        status_code=status_code,
        errors=errors or {},
        form=form or {},
        review=review,
        etag=etag or "",
        next_stages=REVIEW_NEXT.get(review["status"], []) if works_casework(person) else [],
        may_refer=works_casework(person),
        notice=notice,
        changed=changed,
        places=await place_names(api),
        referrals=referrals,
    )


@router.get("/reviews/{review_id}")
async def review_page(
    request: Request,
    person: Person,
    api: PersonApi,
    review_id: UUID,
    moved: Annotated[str | None, Query(max_length=32)] = None,
) -> HTMLResponse:
    notice = f"The review is now {REVIEW_STATUSES[moved].lower()}." if moved in REVIEW_STATUSES else None
    return await _review_page(request, person, api, review_id, notice=notice)


def _stage_errors(form: dict[str, str]) -> dict[str, str]:
    """What the form is missing, said the GOV.UK way (the API checks the same, and more)."""
    errors: dict[str, str] = {}
    to = form["to"]
    if to not in REVIEW_STATUSES:
        errors["to"] = "Select what happens to the review next"
    elif to == "no_further_action" and len(form["reason"]) < 3:
        errors["reason"] = "Enter why no further action is needed"
    elif to == "already_managed" and not form["forum_case_ref"]:
        errors["forum_case_ref"] = "Enter the forum's case reference"
    return errors


@router.post("/reviews/{review_id}/stage")
async def move_review(request: Request, person: Person, api: PersonApi, form: Form, review_id: UUID) -> Response:
    given = {name: str(form.get(name) or "").strip() for name in ("to", "reason", "forum_case_ref", "etag")}
    errors = _stage_errors(given)
    if errors:
        return await _review_page(request, person, api, review_id, status_code=400, errors=errors, form=given)
    body: dict[str, Any] = {"to": given["to"]}
    if given["reason"]:
        body["reason"] = given["reason"]
    if given["to"] == "already_managed":
        body["forum_case_ref"] = given["forum_case_ref"]
    try:
        await api.call("POST", f"/v1/reviews/{review_id}/transitions", json=body, headers={"If-Match": given["etag"]})
    except ApiProblem as problem:
        if problem.status == 412:
            changed = "Someone else changed this review while you were looking at it. Check what it shows now."
            return await _review_page(request, person, api, review_id, status_code=412, changed=changed)
        if problem.status in (409, 422):
            errors = problem.field_errors() or {"to": problem.detail}
            errors = {("to" if name in ("form", "to") else name): message for name, message in errors.items()}
            return await _review_page(
                request, person, api, review_id, status_code=problem.status, errors=errors, form=given
            )
        raise
    return RedirectResponse(f"/reviews/{review_id}?moved={given['to']}", status_code=303)
