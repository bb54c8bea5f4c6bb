from fastapi import APIRouter, Depends, Request, Response, status

from funding.access import COMMISSION, READ_REFERENCE
from funding.organisation import service
from funding.organisation.dependencies import CsuFilter, DistrictFilter, KindFilter, OrganisationId
from funding.organisation.models import Organisation
from funding.organisation.schemas import OrganisationCreate, OrganisationRead
from vru_shared.db import Session
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
