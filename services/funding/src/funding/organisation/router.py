from datetime import UTC, datetime
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Path, Request, Response, status

from funding.access import COMMISSION, READ_REFERENCE
from funding.organisation import service
from funding.organisation.dependencies import CsuFilter, DistrictFilter, KindFilter, OrganisationId
from funding.organisation.models import DueDiligenceCheck, Organisation
from funding.organisation.schemas import (
    DueDiligenceCheckCreate,
    DueDiligenceCheckRead,
    OrganisationCreate,
    OrganisationRead,
)
from funding.settings import FundingSettings
from vru_shared.auth import Principal
from vru_shared.db import Session
from vru_shared.kent_medway import LONDON
from vru_shared.pagination import Page, Pagination, paginate
from vru_shared.problems import problem_responses

router = APIRouter(tags=["organisations and projects"])


@router.get(
    "/v1/organisations",
    summary="List organisations",
    description="Funded organisations by name, each with its org-id identifier. Filter by `kind`, `district` "
    "and `csu` (the 13 district councils hosting the Community Safety Units receive formula allocations).",
    response_model=Page[OrganisationRead],
    responses=problem_responses(400, 401, 403, 422),
    dependencies=[Depends(READ_REFERENCE)],
)
async def list_organisations(
    session: Session,
    page: Pagination,
    request: Request,
    response: Response,
    kind: KindFilter = None,
    district: DistrictFilter = None,
    csu: CsuFilter = None,
) -> Page[OrganisationRead]:
    rows = await service.list_organisations(session, page=page, kind=kind, district=district, csu=csu)
    items = [OrganisationRead.model_validate(o) for o in rows]
    return paginate(items, page, lambda o: (o.name, o.id), request, response)


@router.get(
    "/v1/organisations/{organisation_id}",
    summary="Get an organisation",
    description="One organisation by id.",
    response_model=OrganisationRead,
    responses=problem_responses(401, 403, 404, 422),
    dependencies=[Depends(READ_REFERENCE)],
)
async def get_organisation(session: Session, organisation_id: OrganisationId) -> Organisation:
    return await service.get_organisation(session, organisation_id=organisation_id)


@router.post(
    "/v1/organisations",
    summary="Register an organisation",
    description="Add an organisation with its org-id identifier (`GB-CHC-…`, `GB-COH-…`, `GB-LAE-…`); the "
    "identifier is unique (409 `org-id-taken`). Director or programme officer.",
    status_code=status.HTTP_201_CREATED,
    response_model=OrganisationRead,
    responses=problem_responses(401, 403, 409, 422),
    dependencies=[Depends(COMMISSION)],
)
async def create_organisation(session: Session, data: OrganisationCreate, response: Response) -> Organisation:
    organisation = await service.create_organisation(session, data=data)
    response.headers["Location"] = f"/v1/organisations/{organisation.id}"
    return organisation


CheckId = Annotated[UUID, Path(description="The due-diligence check's id.")]


def _months(request: Request) -> int:
    settings: FundingSettings = request.app.state.settings
    return settings.due_diligence_valid_months


@router.post(
    "/v1/organisations/{organisation_id}/due-diligence-checks",
    summary="Record a due-diligence check",
    description="What was checked before funding the organisation, as the UK government's grants minimum standards "
    "require: the `registry` (`charity_commission`, `companies_house`, `local_authority`, `other`), the number "
    "there, the status it showed, the day checked (not in the future: 422 `due-diligence-check-in-the-future`), "
    "the outcome (`pass` / `fail`) and notes; who recorded it is taken from the token. A grant to the "
    "organisation can be approved only while its latest check passed and is current (`valid_until`: "
    "`FUNDING_DUE_DILIGENCE_VALID_MONTHS` after the day checked, 12 by default). Checks are kept, never changed. "
    "Director or programme officer.",
    status_code=status.HTTP_201_CREATED,
    response_model=DueDiligenceCheckRead,
    responses=problem_responses(401, 403, 404, 422),
    dependencies=[Depends(COMMISSION)],
)
async def record_due_diligence_check(
    session: Session,
    request: Request,
    response: Response,
    principal: Annotated[Principal, Depends(COMMISSION)],
    organisation_id: OrganisationId,
    data: DueDiligenceCheckCreate,
) -> DueDiligenceCheck:
    check = await service.record_check(
        session,
        organisation_id=organisation_id,
        data=data,
        principal=principal,
        today=datetime.now(UTC).astimezone(LONDON).date(),
        months=_months(request),
    )
    response.headers["Location"] = f"/v1/organisations/{organisation_id}/due-diligence-checks/{check.id}"
    return check


@router.get(
    "/v1/organisations/{organisation_id}/due-diligence-checks",
    summary="List an organisation's due-diligence checks",
    description="Every check recorded, oldest first, each with `valid_until`.",
    response_model=Page[DueDiligenceCheckRead],
    responses=problem_responses(400, 401, 403, 404, 422),
    dependencies=[Depends(READ_REFERENCE)],
)
async def list_due_diligence_checks(
    session: Session, request: Request, response: Response, organisation_id: OrganisationId, page: Pagination
) -> Page[DueDiligenceCheckRead]:
    checks = await service.list_checks(session, organisation_id=organisation_id, page=page, months=_months(request))
    rows = [DueDiligenceCheckRead.model_validate(c) for c in checks]
    return paginate(rows, page, lambda c: (c.created_at, c.id), request, response)


@router.get(
    "/v1/organisations/{organisation_id}/due-diligence-checks/{check_id}",
    summary="Get a due-diligence check",
    description="One recorded check (unknown: 404 `due-diligence-check-not-found`).",
    response_model=DueDiligenceCheckRead,
    responses=problem_responses(401, 403, 404, 422),
    dependencies=[Depends(READ_REFERENCE)],
)
async def get_due_diligence_check(
    session: Session, request: Request, organisation_id: OrganisationId, check_id: CheckId
) -> DueDiligenceCheck:
    return await service.get_check(session, organisation_id=organisation_id, check_id=check_id, months=_months(request))
