"""Journey 1, the analyst: the queue of possible duplicates (``GET /v1/subjects/possible-duplicates``), and
deciding one — the same young person (confirm: merge) or two (split) — after comparing the two records."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from web.api import Api, ApiProblem
from web.dependencies import Form, Person, PersonApi
from web.rendering import render
from web.session.service import SignedIn

router = APIRouter(include_in_schema=False)

PAGE_SIZE = 25
#: The decision's radios: value → the API's action.
DECISIONS = {"same": "confirm", "different": "split"}
DONE = {"merged": "The two records were merged into one young person.", "split": "The two records were kept apart."}
Cursor = Annotated[str | None, Query(max_length=512, pattern=r"^[A-Za-z0-9_-]+$")]


@router.get("/duplicates")
async def queue(
    request: Request,
    person: Person,
    api: PersonApi,
    cursor: Cursor = None,
    done: Annotated[str | None, Query(max_length=10)] = None,
) -> HTMLResponse:
    page = await api.get("/v1/subjects/possible-duplicates", limit=PAGE_SIZE, cursor=cursor)
    return render(
        request,
        "duplicates/queue.html",
        person=person,
        pairs=page["items"],
        next_cursor=page.get("next_cursor"),
        first_page=cursor is None,
        done=DONE.get(done or ""),
    )


async def _pair(api: Api, subject_id: UUID, other_id: UUID) -> tuple[dict[str, Any], dict[str, Any], str | None]:
    """Both young people's pages, and the reason of the open flag between them (None: already decided)."""
    subject = await api.get(f"/v1/subjects/{subject_id}")
    other = await api.get(f"/v1/subjects/{other_id}")
    reason = next(
        (
            flag["reason"]
            for flag in subject["possible_duplicates"]
            if flag["other_id"] == str(other_id) and flag["status"] == "open"
        ),
        None,
    )
    return subject, other, reason


async def _decision_page(
    request: Request,
    person: SignedIn,
    api: Api,
    subject_id: UUID,
    other_id: UUID,
    *,
    errors: dict[str, str] | None = None,
    status: int = 200,
) -> HTMLResponse:
    subject, other, reason = await _pair(api, subject_id, other_id)
    return render(
        request,
        "duplicates/decide.html",
        person=person,
        subject=subject,
        other=other,
        reason=reason,
        errors=errors or {},
        status_code=status,
    )


@router.get("/duplicates/{subject_id}/{other_id}")
async def decide_page(
    request: Request, person: Person, api: PersonApi, subject_id: UUID, other_id: UUID
) -> HTMLResponse:
    return await _decision_page(request, person, api, subject_id, other_id)


@router.post("/duplicates/{subject_id}/{other_id}")
async def decide(
    request: Request, person: Person, api: PersonApi, form: Form, subject_id: UUID, other_id: UUID
) -> Response:
    action = DECISIONS.get(str(form.get("decision") or ""))
    if action is None:
        errors = {"decision": "Select whether these records are the same young person"}
        return await _decision_page(request, person, api, subject_id, other_id, errors=errors, status=400)
    # A merge keeps the earlier record (``other``): the newer one is merged into it.
    kept, merged = (other_id, subject_id) if action == "confirm" else (subject_id, other_id)
    try:
        await api.post(f"/v1/subjects/{kept}/duplicates/{merged}/{action}")
    except ApiProblem as problem:
        if problem.status not in (404, 409):
            raise
        # Someone decided it first (409), or the flag is gone (404): say so, with the records as they are now.
        errors = {"decision": problem.detail.rstrip(".")}
        return await _decision_page(request, person, api, subject_id, other_id, errors=errors, status=409)
    return RedirectResponse(f"/duplicates?done={'merged' if action == 'confirm' else 'split'}", status_code=303)
