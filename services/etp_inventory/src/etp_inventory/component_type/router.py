from typing import Any

from fastapi import APIRouter, Depends, Request, Response

from etp_inventory.access import READ_REFERENCE
from etp_inventory.component_type import service
from etp_inventory.component_type.dependencies import ComponentTypeCode
from etp_inventory.component_type.models import ComponentType
from etp_inventory.component_type.schemas import ComponentTypeRead
from vru_shared.db import Session
from vru_shared.pagination import Page, Pagination, paginate
from vru_shared.problems import problem_responses

router = APIRouter(tags=["reference data"], dependencies=[Depends(READ_REFERENCE)])


@router.get(
    "/v1/component-types",
    summary="List component types",
    description="The kinds of item an emergency trauma pack is made of, ordered by code, each with its shelf "
    "life in months (`null` when the item does not expire). A pack expires with its earliest component.",
    response_model=Page[ComponentTypeRead],
    responses=problem_responses(400, 401, 403, 422),
)
async def list_component_types(session: Session, page: Pagination, request: Request, response: Response) -> Page[Any]:
    rows = await service.list_component_types(session, page=page)
    return paginate(rows, page, lambda c: (c.code,), request, response)


@router.get(
    "/v1/component-types/{code}",
    summary="Get a component type",
    description="One component type by its code, e.g. `tourniquet`.",
    response_model=ComponentTypeRead,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_component_type(session: Session, code: ComponentTypeCode) -> ComponentType:
    return await service.get_component_type(session, code=code)
