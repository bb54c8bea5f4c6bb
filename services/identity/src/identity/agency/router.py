from fastapi import APIRouter, Depends, Request, Response, status

from identity.access import ADMIN, READ_AGENCIES
from identity.agency import service
from identity.agency.dependencies import AgencyId, KindFilter
from identity.agency.models import Agency
from identity.agency.schemas import AgencyCreate, AgencyRead, AgencyUpdate
from vru_shared.db import Session
from vru_shared.etag import IfMatch, set_etag
from vru_shared.pagination import Page, Pagination, paginate
from vru_shared.problems import problem_responses

router = APIRouter(tags=["agencies"])


@router.post(
    "/v1/agencies",
    summary="Create an agency",
    description="Register a partner agency. Its `code` is a stable slug and must be unique (409 otherwise). "
    "Admin only.",
    status_code=status.HTTP_201_CREATED,
    response_model=AgencyRead,
    responses=problem_responses(401, 403, 409, 422),
    dependencies=[Depends(ADMIN)],
)
async def create_agency(session: Session, data: AgencyCreate, response: Response) -> Agency:
    agency = await service.create(session, data=data)
    response.headers["Location"] = f"/v1/agencies/{agency.id}"
    set_etag(response, agency.version)
    return agency


@router.get(
    "/v1/agencies",
    summary="List agencies",
    description="All agencies, ordered by code, optionally of one kind. Any authenticated caller.",
    response_model=Page[AgencyRead],
    responses=problem_responses(400, 401, 422),
    dependencies=[Depends(READ_AGENCIES)],
)
async def list_agencies(
    session: Session, page: Pagination, request: Request, response: Response, kind: KindFilter = None
) -> Page[AgencyRead]:
    rows = await service.list_agencies(session, page=page, kind=kind)
    return paginate(rows, page, lambda a: (a.code,), request, response)


@router.get(
    "/v1/agencies/{agency_id}",
    summary="Get an agency",
    description="One agency, with its `ETag` for a later PATCH. Any authenticated caller.",
    response_model=AgencyRead,
    responses=problem_responses(401, 404, 422),
    dependencies=[Depends(READ_AGENCIES)],
)
async def get_agency(session: Session, agency_id: AgencyId, response: Response) -> Agency:
    agency = await service.get(session, agency_id=agency_id)
    set_etag(response, agency.version)
    return agency


@router.patch(
    "/v1/agencies/{agency_id}",
    summary="Change an agency",
    description="Change the name or kind. Send `If-Match` with the ETag of your last read (428 without it, "
    "412 when stale). Admin only.",
    response_model=AgencyRead,
    responses=problem_responses(401, 403, 404, 412, 422, 428),
    dependencies=[Depends(ADMIN)],
)
async def update_agency(
    session: Session, agency_id: AgencyId, data: AgencyUpdate, response: Response, if_match: IfMatch = None
) -> Agency:
    agency = await service.update(session, agency_id=agency_id, data=data, if_match=if_match)
    set_etag(response, agency.version)
    return agency
