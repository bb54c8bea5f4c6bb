from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from etp_inventory.component_type.exceptions import ComponentTypeNotFound
from etp_inventory.component_type.repository import ComponentTypeRepository
from etp_inventory.component_type.schemas import ComponentTypeRead
from vru_shared.pagination import PageParams


async def list_component_types(session: AsyncSession, *, page: PageParams) -> Sequence[ComponentTypeRead]:
    return [ComponentTypeRead.model_validate(c) for c in await ComponentTypeRepository(session).list(page)]


async def get_component_type(session: AsyncSession, *, code: str) -> ComponentTypeRead:
    component_type = await ComponentTypeRepository(session).get(code)
    if component_type is None:
        raise ComponentTypeNotFound(f"There is no component type '{code}'.")
    return ComponentTypeRead.model_validate(component_type)
