from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Depends, Path, Query, Request, Response, status

from referrals.access import LINK_PARTNERS, READ_REFERENCE
from referrals.reference import service
from referrals.reference.dependencies import AreaCode, CategoryCode, DistrictCode, ForumCode, PartnerCode
from referrals.reference.models import CoordinatorArea, District, Forum, OffenceCategory, PartnerAgency, ProjectProvider
from referrals.reference.schemas import (
    CoordinatorAreaRead,
    DistrictRead,
    ForumKind,
    ForumRead,
    OffenceCategoryRead,
    PartnerAgencyLink,
    PartnerAgencyRead,
    ProjectProviderRead,
)
from vru_shared.auth import CurrentPrincipal
from vru_shared.db import Session
from vru_shared.etag import IfMatch, set_etag
from vru_shared.pagination import Page, Pagination, paginate
from vru_shared.problems import problem_responses

router = APIRouter(tags=["reference data"], dependencies=[Depends(READ_REFERENCE)])
ERRORS = problem_responses(400, 401, 403, 422)


@router.get(
    "/v1/districts",
    summary="List districts",
    description="The 13 districts of Kent & Medway, ordered by code, each with its coordinator area.",
    response_model=Page[DistrictRead],
    responses=ERRORS,
)
async def list_districts(session: Session, page: Pagination, request: Request, response: Response) -> Page[Any]:
    rows = await service.list_districts(session, page=page)
    return paginate(rows, page, lambda d: (d.code,), request, response)


@router.get(
    "/v1/districts/{code}",
    summary="Get a district",
    description="One district by its code.",
    response_model=DistrictRead,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_district(session: Session, code: DistrictCode) -> District:
    return await service.get_district(session, code=code)


@router.get(
    "/v1/coordinator-areas",
    summary="List coordinator areas",
    description="The five VRU coordinator areas and the districts each covers. Reviews are routed to the "
    "coordinator of the area of the incident's district.",
    response_model=Page[CoordinatorAreaRead],
    responses=ERRORS,
)
async def list_areas(session: Session, page: Pagination, request: Request, response: Response) -> Page[Any]:
    rows = await service.list_areas(session, page=page)
    return paginate(rows, page, lambda a: (a.code,), request, response)


@router.get(
    "/v1/coordinator-areas/{code}",
    summary="Get a coordinator area",
    description="One coordinator area by its code.",
    response_model=CoordinatorAreaRead,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_area(session: Session, code: AreaCode) -> CoordinatorArea:
    return await service.get_area(session, code=code)


@router.get(
    "/v1/offence-categories",
    summary="List offence categories",
    description="The categories crime reports use. `serious_violence` categories are screened for a review; "
    "`knife` ones are counted as knife incidents.",
    response_model=Page[OffenceCategoryRead],
    responses=ERRORS,
)
async def list_categories(session: Session, page: Pagination, request: Request, response: Response) -> Page[Any]:
    rows = await service.list_categories(session, page=page)
    return paginate(rows, page, lambda c: (c.code,), request, response)


@router.get(
    "/v1/offence-categories/{code}",
    summary="Get an offence category",
    description="One offence category by its code.",
    response_model=OffenceCategoryRead,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_category(session: Session, code: CategoryCode) -> OffenceCategory:
    return await service.get_category(session, code=code)


@router.get(
    "/v1/forums",
    summary="List forums",
    description="Where young people's cases are discussed: a District Contextual Safeguarding Meeting (DCSM) "
    "per district, the Complex Adolescent Risk Management meeting (CARM), and each coordinator area's "
    "multi-agency meeting. Filter by `kind` or `district`.",
    response_model=Page[ForumRead],
    responses=ERRORS,
)
async def list_forums(
    session: Session,
    page: Pagination,
    request: Request,
    response: Response,
    kind: ForumKind | None = None,
    district: Annotated[str | None, Query(max_length=64, examples=["swale"])] = None,
) -> Page[Any]:
    rows = await service.list_forums(session, page=page, kind=kind, district=district)
    return paginate(rows, page, lambda f: (f.code,), request, response)


@router.get(
    "/v1/forums/{code}",
    summary="Get a forum",
    description="One forum by its code.",
    response_model=ForumRead,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_forum(session: Session, code: ForumCode) -> Forum:
    return await service.get_forum(session, code=code)


@router.get(
    "/v1/partner-agencies",
    summary="List partner agencies",
    description="Agencies that receive referrals or sit at forums (Children's Social Work Services, Youth "
    "Justice, the substance-misuse service, the National Referral Mechanism, …).",
    response_model=Page[PartnerAgencyRead],
    responses=ERRORS,
)
async def list_partners(session: Session, page: Pagination, request: Request, response: Response) -> Page[Any]:
    rows = await service.list_partners(session, page=page)
    return paginate(rows, page, lambda p: (p.code,), request, response)


@router.get(
    "/v1/partner-agencies/{code}",
    summary="Get a partner agency",
    description="One partner agency by its code, with its `ETag`.",
    response_model=PartnerAgencyRead,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_partner(session: Session, code: PartnerCode, response: Response) -> PartnerAgency:
    partner = await service.get_partner(session, code=code)
    set_etag(response, partner.version)
    return partner


@router.patch(
    "/v1/partner-agencies/{code}",
    summary="Link a partner agency to an identity agency",
    description="Set (or clear, with null) the identity service's agency whose people and API clients act for "
    "this partner agency: tokens with role `partner_agency` and that `agency` claim then see the referrals "
    "sent to it. Admins and analysts. Requires `If-Match` (428 without it, 412 when stale); 409 when that "
    "identity agency is already linked to another partner agency.",
    response_model=PartnerAgencyRead,
    responses=problem_responses(401, 403, 404, 409, 412, 422, 428),
    dependencies=[Depends(LINK_PARTNERS)],
)
async def link_partner(
    session: Session, code: PartnerCode, data: PartnerAgencyLink, response: Response, if_match: IfMatch = None
) -> PartnerAgency:
    partner = await service.link_partner(session, code=code, data=data, if_match=if_match)
    set_etag(response, partner.version)
    return partner


ProjectId = Annotated[UUID, Path(description="The funding service's project id.")]


@router.put(
    "/v1/partner-agencies/{code}/projects/{project_id}",
    summary="Record that a partner agency delivers a funded project",
    description="The partner agency (a funded project's provider organisation, linked to its identity agency) "
    "delivers this funded project: its people and API clients (role `partner_agency`, that `agency` in their "
    "token) then list and read the referrals *sent* to the project — in the shared view, each read audited as a "
    "disclosure to the agency — and answer them (accept, reject, start, complete with an outcome). One provider "
    "per project: another's is 409 `project-provider-taken`. 201 the first time, 200 when already recorded. "
    "Admins and analysts.",
    response_model=ProjectProviderRead,
    status_code=status.HTTP_201_CREATED,
    responses={
        200: {"description": "Already recorded.", "model": ProjectProviderRead},
        **problem_responses(401, 403, 404, 409, 422),
    },
    dependencies=[Depends(LINK_PARTNERS)],
)
async def provide_project(
    session: Session, principal: CurrentPrincipal, code: PartnerCode, project_id: ProjectId, response: Response
) -> ProjectProvider:
    link, created = await service.provide_project(
        session, code=code, project_id=project_id, linked_by=principal.client_id or principal.subject
    )
    response.headers["Location"] = f"/v1/partner-agencies/{code}/projects/{project_id}"
    if not created:
        response.status_code = status.HTTP_200_OK
    return link


@router.get(
    "/v1/partner-agencies/{code}/projects",
    summary="List the funded projects a partner agency delivers",
    description="The funded projects whose referrals the partner agency sees and answers.",
    response_model=Page[ProjectProviderRead],
    responses=problem_responses(400, 401, 403, 404, 422),
    dependencies=[Depends(LINK_PARTNERS)],
)
async def list_provided_projects(
    session: Session, code: PartnerCode, page: Pagination, request: Request, response: Response
) -> Page[ProjectProviderRead]:
    rows = [
        ProjectProviderRead.model_validate(p)
        for p in await service.list_provided_projects(session, code=code, page=page)
    ]
    return paginate(rows, page, lambda p: (p.project_id,), request, response)


@router.delete(
    "/v1/partner-agencies/{code}/projects/{project_id}",
    summary="Stop a partner agency delivering a funded project",
    description="Its people and clients no longer see the project's referrals. Unknown link: 404 "
    "`project-provider-not-found`. Admins and analysts.",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses=problem_responses(401, 403, 404, 422),
    dependencies=[Depends(LINK_PARTNERS)],
)
async def stop_providing(session: Session, code: PartnerCode, project_id: ProjectId) -> Response:
    await service.stop_providing(session, code=code, project_id=project_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
