from collections.abc import Sequence
from uuid import uuid4

from sqlalchemy.ext.asyncio import AsyncSession

from etp_inventory.kit_type.exceptions import KitTypeCodeTaken, KitTypeNotFound, UnknownComponentType
from etp_inventory.kit_type.models import KitType, KitTypeComponent
from etp_inventory.kit_type.repository import KitTypeRepository
from etp_inventory.kit_type.schemas import KitComponentRead, KitTypeCreate, KitTypeRead
from vru_shared.pagination import PageParams


async def _reads(repo: KitTypeRepository, kit_types: Sequence[KitType]) -> list[KitTypeRead]:
    parts = await repo.components_of([k.id for k in kit_types])
    return [
        KitTypeRead(
            id=k.id,
            code=k.code,
            name=k.name,
            description=k.description,
            components=[
                KitComponentRead(
                    component=c.code, name=c.name, quantity=p.quantity, shelf_life_months=c.shelf_life_months
                )
                for p, c in parts[k.id]
            ],
        )
        for k in kit_types
    ]


async def list_kit_types(session: AsyncSession, *, page: PageParams) -> list[KitTypeRead]:
    repo = KitTypeRepository(session)
    return await _reads(repo, await repo.page(page))


async def get_kit_type(session: AsyncSession, *, code: str) -> KitTypeRead:
    repo = KitTypeRepository(session)
    kit_type = await repo.by_code(code)
    if kit_type is None:
        raise KitTypeNotFound(f"There is no kit type '{code}'.")
    (read,) = await _reads(repo, [kit_type])
    return read


async def create(session: AsyncSession, *, data: KitTypeCreate) -> KitTypeRead:
    repo = KitTypeRepository(session)
    types = await repo.component_types([c.component for c in data.components])
    missing = sorted({c.component for c in data.components} - types.keys())
    if missing:
        raise UnknownComponentType(f"Unknown component type(s): {', '.join(missing)}.", extra={"unknown": missing})
    taken = KitTypeCodeTaken(f"A kit type with code '{data.code}' already exists.")
    if await repo.by_code(data.code) is not None:
        raise taken
    kit_type = KitType(id=uuid4(), code=data.code, name=data.name, description=data.description)
    parts = [
        KitTypeComponent(kit_type_id=kit_type.id, component_type_id=types[c.component].id, quantity=c.quantity)
        for c in data.components
    ]
    if not await repo.add(kit_type, parts):
        raise taken
    (read,) = await _reads(repo, [kit_type])
    return read
