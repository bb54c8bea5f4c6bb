from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response, status

from etp_inventory.access import FIELD, LOCAL, scope_of
from etp_inventory.clients import peer
from etp_inventory.clients.identity import IdentityClient
from etp_inventory.districts import DistrictFilter
from etp_inventory.location import service
from etp_inventory.location.dependencies import GuardianSubject, KindFilter, LocationId, PublicFilter, SiteId
from etp_inventory.location.models import Location
from etp_inventory.location.schemas import (
    GuardianAssign,
    LocationRead,
    SiteCreate,
    SiteRead,
    SiteUpdate,
)
from vru_shared.auth import Principal
from vru_shared.db import Session
from vru_shared.etag import IfMatch, set_etag
from vru_shared.pagination import ChangeFeed, Page, Pagination, paginate
from vru_shared.problems import problem_responses


def identity_client(request: Request) -> IdentityClient:
    return IdentityClient(peer(request.app, "identity"))


router = APIRouter(tags=["locations"])
Worker = Annotated[Principal, Depends(FIELD)]
Local = Annotated[Principal, Depends(LOCAL)]


@router.get(
    "/v1/locations",
    summary="List locations and their stock",
    description="The central store, the CSPs and the sites you can see, ordered by name, each with `on_hand`: "
    "the packs there now, counted from the movement ledger. Staff see all; CSP officers their district's CSP "
    "and sites; guardians their sites.",
    response_model=Page[LocationRead],
    responses=problem_responses(400, 401, 403, 422),
)
async def list_locations(
    session: Session,
    principal: Worker,
    page: Pagination,
    request: Request,
    response: Response,
    kind: KindFilter = None,
    district: DistrictFilter = None,
) -> Page[Any]:
    rows = await service.list_locations(session, scope=scope_of(principal), page=page, kind=kind, district=district)
    return paginate(rows, page, lambda r: (r.name, r.id), request, response)


@router.get(
    "/v1/locations/{location_id}",
    summary="Get a location and its stock",
    description="One location with `on_hand` from the movement ledger (404 when you cannot see it).",
    response_model=LocationRead,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_location(session: Session, principal: Worker, location_id: LocationId) -> Location:
    return await service.get_location(session, scope=scope_of(principal), location_id=location_id)


@router.post(
    "/v1/sites",
    summary="Add a site",
    description="A business or public place where the district's CSP keeps packs: address, postcode, "
    "coordinates, access hours, cabinet (a `locked_cabinet` needs its `lock_code`), whether it is on the public "
    "map, and a contact. Staff anywhere; CSP officers in their district (403 elsewhere).",
    status_code=status.HTTP_201_CREATED,
    response_model=SiteRead,
    responses=problem_responses(401, 403, 409, 422),
)
async def create_site(session: Session, principal: Local, data: SiteCreate, response: Response) -> Location:
    site = await service.create_site(session, scope=scope_of(principal), data=data)
    response.headers["Location"] = f"/v1/sites/{site.id}"
    set_etag(response, site.version)
    return site


@router.get(
    "/v1/sites",
    summary="List sites",
    description="Sites you can see, ordered by name: staff all, CSP officers their district's, guardians the "
    "sites they guard. `lock_code` is shown only to the owning CSP's officers and the site's guardians.",
    response_model=Page[SiteRead],
    responses=problem_responses(400, 401, 403, 422),
)
async def list_sites(
    session: Session,
    principal: Worker,
    page: ChangeFeed,
    request: Request,
    response: Response,
    district: DistrictFilter = None,
    is_public: PublicFilter = None,
) -> Page[Any]:
    rows = await service.list_sites(
        session, scope=scope_of(principal), page=page, district=district, is_public=is_public
    )
    return paginate(rows, page, lambda s: (s.name, s.id), request, response)


@router.get(
    "/v1/sites/{site_id}",
    summary="Get a site",
    description="One site with its guardians and packs on hand, and its `ETag` for a later PATCH.",
    response_model=SiteRead,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_site(session: Session, principal: Worker, site_id: SiteId, response: Response) -> Location:
    site = await service.get_site(session, scope=scope_of(principal), site_id=site_id)
    set_etag(response, site.version)
    return site


@router.patch(
    "/v1/sites/{site_id}",
    summary="Change a site",
    description="Change some details (access hours, lock code, public or not…). Send `If-Match` with the site's "
    "ETag (428 without, 412 when stale). Staff, or the district's CSP officers.",
    response_model=SiteRead,
    responses=problem_responses(401, 403, 404, 412, 422, 428),
)
async def update_site(
    session: Session,
    principal: Local,
    site_id: SiteId,
    data: SiteUpdate,
    response: Response,
    if_match: IfMatch = None,
) -> Location:
    site = await service.update_site(session, scope=scope_of(principal), site_id=site_id, data=data, if_match=if_match)
    set_etag(response, site.version)
    return site


@router.put(
    "/v1/sites/{site_id}/guardians/{subject}",
    summary="Assign a guardian to a site",
    description="The person whose token `sub` is `subject` becomes a guardian of the site: they see it (with "
    "its lock code), log checks and report use there. `subject` is their person id, found by e-mail with the "
    "identity service's `GET /v1/guardians?email=…`; anyone who is not an active guardian there is 422 "
    "`not-a-guardian` (503 while identity cannot say). `name` defaults to their display name. Repeating it only "
    "renames. Staff, or the district's CSP officers. 201 when newly assigned, 200 otherwise.",
    response_model=SiteRead,
    responses={
        **problem_responses(401, 403, 404, 422, 503),
        201: {"description": "Newly assigned.", "model": SiteRead},
    },
)
async def assign_guardian(
    session: Session,
    principal: Local,
    site_id: SiteId,
    subject: GuardianSubject,
    data: GuardianAssign,
    response: Response,
    identity: Annotated[IdentityClient, Depends(identity_client)],
) -> Location:
    site, created = await service.assign_guardian(
        session,
        scope=scope_of(principal),
        principal=principal,
        site_id=site_id,
        subject=subject,
        data=data,
        identity=identity,
    )
    response.status_code = status.HTTP_201_CREATED if created else status.HTTP_200_OK
    set_etag(response, site.version)
    return site


@router.delete(
    "/v1/sites/{site_id}/guardians/{subject}",
    summary="Remove a guardian from a site",
    description="They no longer see the site. 404 when they were not its guardian. Staff, or the district's CSP "
    "officers.",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 403, 404, 422),
)
async def remove_guardian(session: Session, principal: Local, site_id: SiteId, subject: GuardianSubject) -> None:
    await service.remove_guardian(session, scope=scope_of(principal), site_id=site_id, subject=subject)
