from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request

from referrals.access import INGEST_INCIDENTS
from referrals.intake import service
from referrals.intake.csv_reader import COLUMNS
from referrals.intake.exceptions import NotCsv
from referrals.intake.schemas import ImportResult, IncidentBatch
from referrals.settings import ReferralsSettings
from vru_shared.auth import Principal
from vru_shared.db import Session
from vru_shared.problems import problem_responses

router = APIRouter(tags=["incidents"])
Ingester = Annotated[Principal, Depends(INGEST_INCIDENTS)]

CSV_EXAMPLE = (
    ",".join(COLUMNS)
    + '\n46/123456/26,2026-11-20T22:40:00Z,swale,robbery,true,false,"High Street, Sittingbourne",victim,KP-000123,'
    "Alex,Example,2002-03-14,,swale\n"
    '46/123456/26,2026-11-20T22:40:00Z,swale,robbery,true,false,"High Street, Sittingbourne",suspect,,Sam,Sample,'
    ",19,medway\n"
)
CSV_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "description": "A CSV file with a header row and one row per person involved; consecutive rows with the "
        "same `crime_reference` are one report. Columns: " + ", ".join(f"`{c}`" for c in COLUMNS) + ".",
        "content": {"text/csv": {"schema": {"type": "string"}, "example": CSV_EXAMPLE}},
    }
}
IMPORT_DESCRIPTION = (
    "Idempotent on `crime_reference`: a report already held unchanged is `unchanged`; a changed one is "
    "`updated` (the change is recorded in the incident's history); a new one is `created`. Each report is "
    "checked in full and written whole or not at all; invalid reports are listed in `rejected_rows` while the "
    "others are imported. Every created or updated incident is screened. Up to 10,000 reports. "
    "Analysts, or an API client with the `incidents:ingest` scope."
)


@router.post(
    "/v1/imports/incidents",
    summary="Import crime reports (JSON)",
    description="A batch of the police's serious-violence crime reports as JSON. " + IMPORT_DESCRIPTION,
    response_model=ImportResult,
    responses=problem_responses(401, 403, 413, 415, 422),
)
async def import_json(session: Session, principal: Ingester, batch: IncidentBatch, request: Request) -> ImportResult:
    return await service.import_batch(
        session, principal=principal, batch=batch, lock_wait=lock_wait(request), similarity=similarity(request)
    )


@router.post(
    "/v1/imports/incidents.csv",
    summary="Import crime reports (CSV)",
    description="The police system's CSV export (`Content-Type: text/csv`, UTF-8), read as it arrives: one row "
    "per person involved, consecutive rows with the same `crime_reference` forming one report. A header or "
    "encoding error rejects the file (422); a row error rejects only its report (listed by line, the header "
    "being line 1). " + IMPORT_DESCRIPTION.replace("reports. ", "rows. ", 1),
    response_model=ImportResult,
    responses=problem_responses(401, 403, 413, 415, 422),
    openapi_extra=CSV_BODY,
)
async def import_csv(session: Session, principal: Ingester, request: Request) -> ImportResult:
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type != "text/csv":
        raise NotCsv("Send the body as text/csv.")
    return await service.import_csv(
        session,
        principal=principal,
        chunks=request.stream(),
        lock_wait=lock_wait(request),
        similarity=similarity(request),
    )


def lock_wait(request: Request) -> float:
    """How long an import waits for the one before it (``REFERRALS_INTAKE_LOCK_WAIT_SECONDS``)."""
    settings: ReferralsSettings = request.app.state.settings
    return settings.intake_lock_wait_seconds


def similarity(request: Request) -> float:
    """The least name similarity of a possible duplicate (``REFERRALS_NAME_SIMILARITY_THRESHOLD``)."""
    settings: ReferralsSettings = request.app.state.settings
    return settings.name_similarity_threshold
