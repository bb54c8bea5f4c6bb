from typing import Any

from fastapi import APIRouter, Depends, Request, Response, status

from etp_inventory.access import READ_REFERENCE, STAFF
from etp_inventory.kit_type import service
from etp_inventory.kit_type.dependencies import KitTypeCode
from etp_inventory.kit_type.models import KitType
from etp_inventory.kit_type.schemas import KitTypeCreate, KitTypeRead
from vru_shared.db import Session
from vru_shared.pagination import Page, Pagination, paginate
from vru_shared.problems import problem_responses

router = APIRouter(tags=["kits"])


@router.get(
    "/v1/kit-types",
    summary="List kit types",
    description="The kinds of pack, ordered by code, each with its components and quantities. The seeded "
    "`standard-etp` is the red bag of the 2020 purchase.",
    response_model=Page[KitTypeRead],
    responses=problem_responses(400, 401, 403, 422),
    dependencies=[Depends(READ_REFERENCE)],
)
async def list_kit_types(session: Session, page: Pagination, request: Request, response: Response) -> Page[Any]:
    rows = await service.list_kit_types(session, page=page)
    return paginate(rows, page, lambda k: (k.code,), request, response)


@router.get(
    "/v1/kit-types/{code}",
    summary="Get a kit type",
    description="One kit type by code, with its components.",
    response_model=KitTypeRead,
    responses=problem_responses(401, 403, 404, 422),
    dependencies=[Depends(READ_REFERENCE)],
)
async def get_kit_type(session: Session, code: KitTypeCode) -> KitType:
    return await service.get_kit_type(session, code=code)


@router.post(
    "/v1/kit-types",
    summary="Create a kit type",
    description="A new kind of pack from existing component types (unknown component: 422; code taken: 409). "
    "The unit's staff only.",
    status_code=status.HTTP_201_CREATED,
    response_model=KitTypeRead,
    responses=problem_responses(401, 403, 409, 422),
    dependencies=[Depends(STAFF)],
)
async def create_kit_type(session: Session, data: KitTypeCreate, response: Response) -> KitType:
    kit_type = await service.create(session, data=data)
    response.headers["Location"] = f"/v1/kit-types/{kit_type.code}"
    return kit_type
