from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from etp_inventory.component_type.exceptions import ComponentTypeNotFound
from etp_inventory.component_type.models import ComponentType
from etp_inventory.component_type.repository import ComponentTypeRepository
from vru_shared.pagination import PageParams


async def list_component_types(session: AsyncSession, *, page: PageParams) -> Sequence[ComponentType]:
    return await ComponentTypeRepository(session).page(page)


async def get_component_type(session: AsyncSession, *, code: str) -> ComponentType:
    component_type = await ComponentTypeRepository(session).get_by(code=code)
    if component_type is None:
        raise ComponentTypeNotFound(f"There is no component type '{code}'.")
    return component_type
