from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response

from referrals.access import INGEST_INCIDENTS, READ_CASEWORK, REFERENCE_CHECK, district_scope
from referrals.incident import service
from referrals.incident.csv_reader import COLUMNS, CsvReports
from referrals.incident.dependencies import (
    CrimeReferenceFilter,
    DistrictFilter,
    IncidentId,
    OccurredFrom,
    OccurredTo,
    RequiredCrimeReference,
    ScreeningFilter,
)
from referrals.incident.exceptions import NotCsv
from referrals.incident.schemas import CrimeReferenceCheck, ImportResult, IncidentBatch, IncidentRead, IncidentSummary
from referrals.incident.service import Intake
from vru_shared.auth import Principal
from vru_shared.db import Session
from vru_shared.etag import set_etag
from vru_shared.pagination import Page, Pagination, paginate
from vru_shared.problems import problem_responses

router = APIRouter(tags=["incidents"])
Ingester = Annotated[Principal, Depends(INGEST_INCIDENTS)]
Reader = Annotated[Principal, Depends(READ_CASEWORK)]
Checker = Annotated[Principal, Depends(REFERENCE_CHECK)]

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
async def import_json(session: Session, principal: Ingester, batch: IncidentBatch) -> ImportResult:
    async with Intake(session, principal) as intake:
        for position, report in zip(batch.positions, batch.reports, strict=True):
            await intake.add([position], report)
        for rejected in batch.rejected:
            intake.reject([(rejected.line, rejected.reason)], rejected.crime_reference)
        return await intake.finish()


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
        raise NotCsv("Send the file with Content-Type: text/csv.")
    async with Intake(session, principal) as intake:
        await CsvReports(intake).read(request.stream())
        return await intake.finish()


@router.get(
    "/v1/incidents",
    summary="List incidents",
    description="Incidents, most recent first, with their screening. Filter by `crime_reference`, `district`, "
    "`screening` and when they occurred. Analysts and the director see all; a coordinator sees incidents in "
    "their districts or involving someone living there. Recorded in the audit log.",
    response_model=Page[IncidentSummary],
    responses=problem_responses(400, 401, 403, 422),
)
async def list_incidents(
    session: Session,
    principal: Reader,
    page: Pagination,
    request: Request,
    response: Response,
    crime_reference: CrimeReferenceFilter = None,
    district: DistrictFilter = None,
    screening: ScreeningFilter = None,
    occurred_from: OccurredFrom = None,
    occurred_to: OccurredTo = None,
) -> Page[IncidentSummary]:
    rows = await service.list_incidents(
        session,
        principal=principal,
        scope=district_scope(principal),
        page=page,
        crime_reference=crime_reference,
        district=district,
        screening=screening,
        occurred_from=occurred_from,
        occurred_to=occurred_to,
    )
    return paginate(rows, page, lambda i: (i.occurred_at, i.id), request, response)


@router.get(
    "/v1/incidents/reference-check",
    summary="Is a crime reference known?",
    description="Whether an incident with this police crime reference is held (e.g. the ETP inventory service "
    "validating the crime reference on a pack's use report). Answers only yes or no — no personal data. A "
    "known reference is recorded in the audit log. VRU services (role `service`) and analysts.",
    response_model=CrimeReferenceCheck,
    responses=problem_responses(401, 403, 422),
)
async def check_reference(
    session: Session, principal: Checker, crime_reference: RequiredCrimeReference
) -> CrimeReferenceCheck:
    return await service.check_reference(session, principal=principal, crime_reference=crime_reference.strip())


@router.get(
    "/v1/incidents/{incident_id}",
    summary="Get an incident",
    description="One incident with the people involved (and the young people matched), its screening and the "
    "history of changes from re-sent reports. Outside a coordinator's districts: 404. Recorded in the audit log.",
    response_model=IncidentRead,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_incident(
    session: Session, principal: Reader, incident_id: IncidentId, response: Response
) -> IncidentRead:
    incident = await service.get_incident(
        session, principal=principal, scope=district_scope(principal), incident_id=incident_id
    )
    set_etag(response, incident.version)
    return incident
