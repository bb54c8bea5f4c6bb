from collections.abc import Collection, Sequence
from uuid import UUID

from sqlalchemy import select

from etp_inventory.component_type.models import ComponentType
from etp_inventory.db import Repository
from etp_inventory.kit_type.models import KitType, KitTypeComponent
from vru_shared.db import add_unless_duplicate
from vru_shared.pagination import PageParams, keyset


class KitTypeRepository(Repository):
    async def page(self, page: PageParams) -> Sequence[KitType]:
        return (await self.session.scalars(keyset(select(KitType), page, KitType.code))).all()

    async def by_code(self, code: str) -> KitType | None:
        return (await self.session.scalars(select(KitType).where(KitType.code == code))).one_or_none()

    async def components_of(
        self, kit_type_ids: Collection[UUID]
    ) -> dict[UUID, list[tuple[KitTypeComponent, ComponentType]]]:
        stmt = (
            select(KitTypeComponent, ComponentType)
            .join(ComponentType, ComponentType.id == KitTypeComponent.component_type_id)
            .where(KitTypeComponent.kit_type_id.in_(list(kit_type_ids)))
            .order_by(ComponentType.code)
        )
        out: dict[UUID, list[tuple[KitTypeComponent, ComponentType]]] = {k: [] for k in kit_type_ids}
        for part, component in await self.session.execute(stmt):
            out[part.kit_type_id].append((part, component))
        return out

    async def component_types(self, codes: Collection[str]) -> dict[str, ComponentType]:
        stmt = select(ComponentType).where(ComponentType.code.in_(list(codes)))
        return {c.code: c for c in (await self.session.scalars(stmt)).all()}

    async def add(self, kit_type: KitType, parts: Sequence[KitTypeComponent]) -> bool:
        if not await add_unless_duplicate(self.session, kit_type):
            return False
        self.session.add_all(parts)
        await self.session.flush()
        return True
