from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response
from fastapi.responses import StreamingResponse

from referrals.access import AUDITOR
from referrals.audit import service
from referrals.audit.dependencies import Filters, SealingDep
from referrals.audit.schemas import AuditAction, AuditEntryRead, ChainVerification
from vru_shared.auth import Principal
from vru_shared.csv_export import async_iter_csv
from vru_shared.db import Session
from vru_shared.pagination import Page, Pagination, paginate
from vru_shared.problems import problem_responses

router = APIRouter(tags=["audit log"])
Auditor = Annotated[Principal, Depends(AUDITOR)]
EXPORT_COLUMNS = [
    "id",
    "occurred_at",
    "actor_subject",
    "actor_name",
    "actor_kind",
    "actor_client_id",
    "agency_id",
    "roles",
    "action",
    "record_type",
    "record_ids",
    "purpose",
    "request_id",
    "client_request_id",
]


@router.get(
    "/v1/audit-log",
    summary="Query the audit log",
    description="Every read, creation, change, disclosure and erasure of personal data in this service "
    "(DPA 2018 s.62), newest first, each naming the actor (token subject, display name and agency at the "
    "time). Filter by who (`actor`: token subject; `agency`), which record (`record_id`), action, record type, "
    "purpose (text it contains) and period. Auditors only.",
    response_model=Page[AuditEntryRead],
    responses=problem_responses(400, 401, 403, 422),
)
async def list_entries(
    session: Session,
    principal: Auditor,
    page: Pagination,
    request: Request,
    response: Response,
    filters: Filters,
) -> Page[Any]:
    entries = await service.list_entries(session, page=page, **filters.as_kwargs())
    return paginate(entries, page, lambda e: (e.id,), request, response)


@router.get(
    "/v1/audit-log/verify",
    summary="Verify the hash chain",
    description="Recomputes every seal (an HMAC keyed with a secret the database does not hold) and holds the "
    "chain to the newest signed checkpoint of its anchor outside the database. Reports the first breaks: an "
    "entry changed, deleted or re-sealed after sealing, a removed seal, the chain's end cut before the anchored "
    "checkpoint, a forged checkpoint. Entries are sealed in the background within seconds; `unsealed` counts "
    "those older than a minute that are not (a sign the sealer is not running). The trust model: "
    'docs/security.md, "The audit log".',
    response_model=ChainVerification,
    responses=problem_responses(401, 403),
)
async def verify(session: Session, principal: Auditor, sealing: SealingDep) -> ChainVerification:
    return await service.verify(session, sealing)


@router.get(
    "/v1/audit-log/export",
    summary="Export the audit log as CSV",
    description="Every entry the filters match (the list's filters), oldest first, as CSV (streamed). The "
    "export is itself audited.",
    response_class=StreamingResponse,
    responses={
        200: {"content": {"text/csv": {"example": ",".join(EXPORT_COLUMNS) + "\n"}}},
        **problem_responses(401, 403, 422),
    },
)
async def export(session: Session, principal: Auditor, filters: Filters) -> StreamingResponse:
    await service.record(
        session,
        principal=principal,
        action=AuditAction.EXPORT,
        record_type="audit_log",
        record_ids=[],
        purpose="audit log export",
    )

    async def rows() -> AsyncIterator[list[str]]:
        async for entry in service.export_rows(session, **filters.as_kwargs()):
            yield [
                str(entry.id),
                entry.occurred_at.isoformat(),
                entry.actor_subject,
                entry.actor_name or "",
                entry.actor_kind,
                entry.actor_client_id or "",
                str(entry.agency_id or ""),
                " ".join(entry.roles),
                entry.action,
                entry.record_type,
                " ".join(entry.record_ids),
                entry.purpose,
                entry.request_id or "",
                entry.client_request_id or "",
            ]

    return StreamingResponse(
        async_iter_csv(EXPORT_COLUMNS, rows()),
        media_type="text/csv",
        headers={"Content-Disposition": 'attachment; filename="audit-log.csv"'},
    )
