from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response

from etp_inventory.access import FIELD, LOCAL, scope_of
from etp_inventory.dependencies import Rules
from etp_inventory.districts import DistrictFilter
from etp_inventory.pack import service
from etp_inventory.pack.dependencies import (
    ComponentCode,
    LocationFilter,
    PackId,
    ReadinessFilter,
    SerialFilter,
    StatusFilter,
)
from etp_inventory.pack.schemas import ComponentReplacement, PackDetail, PackRead
from vru_shared.auth import Principal
from vru_shared.db import Session
from vru_shared.etag import IfMatch, set_etag
from vru_shared.pagination import Page, Pagination, paginate
from vru_shared.problems import problem_responses

router = APIRouter(tags=["packs"])
Worker = Annotated[Principal, Depends(FIELD)]
Local = Annotated[Principal, Depends(LOCAL)]


@router.get(
    "/v1/packs",
    summary="List packs",
    description="Packs you can see, ordered by serial, with readiness (`ready`, `needs_attention`, `used`, "
    "`check_overdue`, `expired`) and when the next check is due. Filter by `location_id`, `district`, `status`, "
    "`readiness` or `serial`. Staff see all; CSP officers their district's; guardians those at their sites.",
    response_model=Page[PackRead],
    responses=problem_responses(400, 401, 403, 422),
)
async def list_packs(
    session: Session,
    principal: Worker,
    rules: Rules,
    page: Pagination,
    request: Request,
    response: Response,
    location_id: LocationFilter = None,
    district: DistrictFilter = None,
    status: StatusFilter = None,
    readiness: ReadinessFilter = None,
    serial: SerialFilter = None,
) -> Page[PackRead]:
    rows = await service.list_packs(
        session,
        scope=scope_of(principal),
        rules=rules,
        page=page,
        location_id=location_id,
        district=district,
        status=status,
        readiness=readiness,
        serial=serial,
    )
    return paginate(rows, page, lambda p: (p.serial, p.id), request, response)


@router.get(
    "/v1/packs/{pack_id}",
    summary="Get a pack",
    description="One pack with its components and their expiry dates, and its `ETag`.",
    response_model=PackDetail,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_pack(
    session: Session, principal: Worker, rules: Rules, pack_id: PackId, response: Response
) -> PackDetail:
    pack = await service.get_pack(session, scope=scope_of(principal), rules=rules, pack_id=pack_id)
    set_etag(response, pack.version)
    return pack


@router.put(
    "/v1/packs/{pack_id}/components/{code}",
    summary="Replace a component",
    description="Record that a component was replaced, with the new item's expiry: the pack's expiry becomes its "
    "earliest component's again, and a problem found at the last check counts as put right. Send `If-Match` "
    "with the pack's ETag (428 without, 412 when stale). Staff, or the district's CSP officers.",
    response_model=PackDetail,
    responses=problem_responses(401, 403, 404, 409, 412, 422, 428),
)
async def replace_component(
    session: Session,
    principal: Local,
    rules: Rules,
    pack_id: PackId,
    code: ComponentCode,
    data: ComponentReplacement,
    response: Response,
    if_match: IfMatch = None,
) -> PackDetail:
    pack = await service.replace_component(
        session, scope=scope_of(principal), rules=rules, pack_id=pack_id, code=code, data=data, if_match=if_match
    )
    set_etag(response, pack.version)
    return pack
