from collections.abc import Sequence
from uuid import uuid4

from sqlalchemy.ext.asyncio import AsyncSession

from etp_inventory.component_type.repository import ComponentTypeRepository
from etp_inventory.kit_type.exceptions import KitTypeCodeTaken, KitTypeNotFound, UnknownComponentType
from etp_inventory.kit_type.models import KitType, KitTypeComponent
from etp_inventory.kit_type.repository import KitTypeRepository
from etp_inventory.kit_type.schemas import KitTypeCreate
from vru_shared.pagination import PageParams


async def list_kit_types(session: AsyncSession, *, page: PageParams) -> Sequence[KitType]:
    return await KitTypeRepository(session).page(page)


async def get_kit_type(session: AsyncSession, *, code: str) -> KitType:
    kit_type = await KitTypeRepository(session).get_by(code=code)
    if kit_type is None:
        raise KitTypeNotFound(f"There is no kit type '{code}'.")
    return kit_type


async def create(session: AsyncSession, *, data: KitTypeCreate) -> KitType:
    repo = KitTypeRepository(session)
    types = {
        c.code: c for c in await ComponentTypeRepository(session).with_codes([c.component for c in data.components])
    }
    missing = sorted({c.component for c in data.components} - types.keys())
    if missing:
        raise UnknownComponentType(f"Unknown component type(s): {', '.join(missing)}.", extra={"unknown": missing})
    taken = KitTypeCodeTaken(f"A kit type with code '{data.code}' already exists.")
    if await repo.get_by(code=data.code) is not None:
        raise taken
    kit_type = KitType(
        id=uuid4(),
        code=data.code,
        name=data.name,
        description=data.description,
        parts=[KitTypeComponent(component_type=types[c.component], quantity=c.quantity) for c in data.components],
    )
    if not await repo.add(kit_type):
        raise taken
    return kit_type
