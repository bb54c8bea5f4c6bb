from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response
from fastapi.responses import StreamingResponse

from referrals.access import READ_CASEWORK, REFERENCE_CHECK, district_scope
from referrals.incident import service
from referrals.incident.dependencies import (
    CrimeReferenceFilter,
    DistrictFilter,
    IncidentId,
    OccurredFrom,
    OccurredTo,
    RequiredCrimeReference,
    ScreeningFilter,
)
from referrals.incident.schemas import EXPORT_COLUMNS, CrimeReferenceCheck, IncidentRead, IncidentSummary
from vru_shared.auth import Principal
from vru_shared.db import Session
from vru_shared.etag import set_etag
from vru_shared.exports import ExportFormat, FormatParam, export_responses
from vru_shared.pagination import ChangeFeed, Page, paginate
from vru_shared.problems import problem_responses

router = APIRouter(tags=["incidents"])
Reader = Annotated[Principal, Depends(READ_CASEWORK)]
Checker = Annotated[Principal, Depends(REFERENCE_CHECK)]


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
    page: ChangeFeed,
    request: Request,
    response: Response,
    crime_reference: CrimeReferenceFilter = None,
    district: DistrictFilter = None,
    screening: ScreeningFilter = None,
    occurred_from: OccurredFrom = None,
    occurred_to: OccurredTo = None,
) -> Page[Any]:
    incidents = await service.list_incidents(
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
    return paginate(incidents, page, lambda i: (i.occurred_at, i.id), request, response)


@router.get(
    "/v1/incidents/export",
    summary="Export incidents (CSV or xlsx)",
    description="Every incident the list shows with the same filters and visibility, most recent first, as a "
    'file: `format=csv` (the default) or `xlsx`. Columns in a fixed order (docs/referrals.md, "Exports"). '
    "Recorded in the audit log (action `export`, the incidents' ids, the filters).",
    response_class=StreamingResponse,
    responses={**export_responses(EXPORT_COLUMNS), **problem_responses(400, 401, 403, 422)},
)
async def export_incidents(
    session: Session,
    principal: Reader,
    fmt: FormatParam = ExportFormat.CSV,
    crime_reference: CrimeReferenceFilter = None,
    district: DistrictFilter = None,
    screening: ScreeningFilter = None,
    occurred_from: OccurredFrom = None,
    occurred_to: OccurredTo = None,
) -> StreamingResponse:
    file = await service.export_incidents(
        session,
        principal=principal,
        scope=district_scope(principal),
        fmt=fmt,
        crime_reference=crime_reference,
        district=district,
        screening=screening,
        occurred_from=occurred_from,
        occurred_to=occurred_to,
    )
    return file.response()


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
    "history of changes from re-sent reports. A coordinator sees the incidents in their districts in full; one in "
    "another district only when someone involved lives in one of theirs, and then only those residents (`view`: "
    "`residents`); any other: 404. Recorded in the audit log, with the reason for a `residents` read.",
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
