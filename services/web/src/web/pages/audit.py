"""Journey 7, the auditor (also the data protection officer): the audit log with filters (``GET
/v1/audit-log``), verifying its hash chain (``/verify``), the CSV export (``/export``, downloaded through this
service), and a young person's subject-access export (``GET /v1/subject-access/{id}``) as a printable page."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Annotated, Any
from urllib.parse import urlencode
from uuid import UUID

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, StreamingResponse
from starlette.background import BackgroundTask
from starlette.datastructures import QueryParams

from web import formats  # the templates' date filters, and the period in words
from web.api import Api, ApiProblem
from web.dependencies import Person, PersonApi
from web.formats import UK
from web.rendering import render

router = APIRouter(include_in_schema=False)

PAGE_SIZE = 50
#: The log's actions (the API's ``AuditAction``), as the filter offers them.
ACTIONS = {
    "read": "Read",
    "create": "Create",
    "update": "Update",
    "disclose": "Disclose",
    "erase": "Erase",
    "export": "Export",
}
#: The kinds of record the referrals service audits (its ``record_type`` values), as the filter offers them.
RECORD_TYPES = {
    "subject": "Young person",
    "incident": "Incident",
    "review": "Review",
    "referral": "Referral",
    "meeting": "Meeting",
    "meeting_decision": "Meeting decision",
    "meeting_action": "Meeting action",
    "support_plan": "Support plan",
    "audit_log": "Audit log",
}
TEXT_FILTERS = ("actor", "record_id")
DATE_PARTS = ("day", "month", "year")


@dataclass
class AuditFilters:
    """The log page's filters, as typed (kept for the form and the links) and as the API takes them."""

    values: dict[str, str] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    since: datetime | None = None
    until: datetime | None = None

    @classmethod
    def of(cls, query: QueryParams) -> AuditFilters:
        found = cls()
        for name in (*TEXT_FILTERS, "action", "record_type"):
            value = query.get(name, "").strip()[:255]
            if value:
                found.values[name] = value
        for name in ("action", "record_type"):
            allowed = ACTIONS if name == "action" else RECORD_TYPES
            if found.values.get(name) not in (None, *allowed):
                found.values.pop(name)
        start = found._day(query, "from", "start")
        end = found._day(query, "to", "end")
        if start and end and end < start:
            found.errors["to-day"] = "The end date must be the same as or after the start date"
        elif not found.errors:
            found.since = datetime.combine(start, time(), UK) if start else None
            found.until = datetime.combine(end + timedelta(days=1), time(), UK) if end else None
        return found

    def _day(self, query: QueryParams, prefix: str, words: str) -> date | None:
        parts = {p: query.get(f"{prefix}-{p}", "").strip()[:4] for p in DATE_PARTS}
        self.values |= {f"{prefix}-{p}": v for p, v in parts.items() if v}
        if not any(parts.values()):
            return None
        missing = [p for p in DATE_PARTS if not parts[p]]
        if missing:
            self.errors[f"{prefix}-{missing[0]}"] = f"The {words} date must include a {missing[0]}"
            return None
        try:
            day = date(int(parts["year"]), int(parts["month"]), int(parts["day"]))
        except ValueError:
            self.errors[f"{prefix}-day"] = f"The {words} date must be a real date"
            return None
        if day.year < 2000:
            self.errors[f"{prefix}-year"] = f"The {words} date must be after 1999"
            return None
        return day

    def api_params(self) -> dict[str, str | None]:
        return {
            **{name: self.values.get(name) for name in (*TEXT_FILTERS, "action", "record_type")},
            "from": self.since.isoformat() if self.since else None,
            "to": self.until.isoformat() if self.until else None,
        }

    def query(self, *, period_only: bool = False, **extra: str) -> str:
        """The page's own query string for these filters (for links: the next page, the export)."""
        kept = {k: v for k, v in self.values.items() if not period_only or k.startswith(("from-", "to-"))}
        return urlencode(kept | extra)

    @property
    def period(self) -> str:
        if self.since and self.until:
            last = self.until - timedelta(days=1)
            return f"from {formats.uk_date(self.since.date())} to {formats.uk_date(last.date())}"
        if self.since:
            return f"from {formats.uk_date(self.since.date())}"
        if self.until:
            return f"up to {formats.uk_date((self.until - timedelta(days=1)).date())}"
        return ""


Cursor = Annotated[str | None, Query(max_length=512, pattern=r"^[A-Za-z0-9_-]+$")]


async def _agency_names(api: Api, entries: list[dict[str, Any]]) -> dict[str, str]:
    """The names of the agencies the entries' actors belong to (the identity service's list; a few dozen)."""
    if not any(entry.get("agency_id") for entry in entries):
        return {}
    agencies = await api.get("/v1/agencies", limit=200)
    return {str(agency["id"]): str(agency["name"]) for agency in agencies["items"]}


@router.get("/audit")
async def audit_log(request: Request, person: Person, api: PersonApi, cursor: Cursor = None) -> HTMLResponse:
    filters = AuditFilters.of(request.query_params)
    page = None
    if not filters.errors:
        page = await api.get("/v1/audit-log", limit=PAGE_SIZE, cursor=cursor, **filters.api_params())
    entries = page["items"] if page else []
    return render(
        request,
        "audit/log.html",
        person=person,
        filters=filters,
        errors=filters.errors,
        status_code=400 if filters.errors else 200,
        entries=entries,
        agencies=await _agency_names(api, entries),
        next_cursor=page.get("next_cursor") if page else None,
        first_page=cursor is None,
        actions=ACTIONS,
        record_types=RECORD_TYPES,
    )


@router.get("/audit/verify")
async def verify(request: Request, person: Person, api: PersonApi) -> HTMLResponse:
    result = await api.get("/v1/audit-log/verify")
    return render(request, "audit/verify.html", person=person, result=result)


@router.get("/audit/export.csv")
async def export(request: Request, person: Person, api: PersonApi) -> StreamingResponse:
    """The API's CSV, streamed through with the auditor's own token (the export is audited by the API)."""
    filters = AuditFilters.of(request.query_params)
    params = {k: v for k, v in filters.api_params().items() if k in ("from", "to")}
    upstream = await api.stream("/v1/audit-log/export", params=params, accept="text/csv")
    return StreamingResponse(
        upstream.aiter_raw(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="audit-log.csv"', "Cache-Control": "no-store"},
        background=BackgroundTask(upstream.aclose),
    )


async def _subject_access(request: Request, person: Person, api: PersonApi, raw_id: str) -> HTMLResponse:
    try:
        subject_id = UUID(raw_id.strip())
    except ValueError:
        error = "Enter the record id in the right format, like 3d2c1b0a-9f8e-4d7c-b6a5-948372615a0b"
        return render(
            request,
            "audit/subject_access_form.html",
            person=person,
            errors={"subject_id": error},
            value=raw_id,
            status_code=400,
        )
    try:
        held = await api.get(f"/v1/subject-access/{subject_id}")
    except ApiProblem as problem:
        if problem.status != 404:
            raise
        error = "There is no young person with this record id"
        return render(
            request,
            "audit/subject_access_form.html",
            person=person,
            errors={"subject_id": error},
            value=raw_id,
            status_code=404,
        )
    return render(request, "audit/subject_access.html", person=person, held=held)


@router.get("/audit/subject-access")
async def subject_access_form(
    request: Request,
    person: Person,
    api: PersonApi,
    subject_id: Annotated[str | None, Query(max_length=100)] = None,
) -> HTMLResponse:
    if subject_id is None:
        return render(request, "audit/subject_access_form.html", person=person)
    if not subject_id.strip():
        error = "Enter the young person's record id"
        return render(
            request, "audit/subject_access_form.html", person=person, errors={"subject_id": error}, status_code=400
        )
    return await _subject_access(request, person, api, subject_id)


@router.get("/audit/subject-access/{subject_id}")
async def subject_access(request: Request, person: Person, api: PersonApi, subject_id: UUID) -> HTMLResponse:
    return await _subject_access(request, person, api, str(subject_id))
