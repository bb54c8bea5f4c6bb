from collections.abc import Collection, Sequence
from typing import Any
from uuid import UUID

from sqlalchemy import func, insert, select

from etp_inventory.component_type.models import ComponentType
from etp_inventory.db import Repository
from etp_inventory.kit_type.models import KitType
from etp_inventory.pack.models import Pack, PackComponent
from etp_inventory.purchase.models import Purchase, PurchaseComponent
from vru_shared.db import add_unless_duplicate
from vru_shared.pagination import PageParams, keyset


class PurchaseRepository(Repository):
    async def get(self, purchase_id: UUID) -> tuple[Purchase, str] | None:
        stmt = (
            select(Purchase, KitType.code)
            .join(KitType, KitType.id == Purchase.kit_type_id)
            .where(Purchase.id == purchase_id)
        )
        row = (await self.session.execute(stmt)).one_or_none()
        return (row[0], row[1]) if row else None

    async def page(self, page: PageParams) -> Sequence[tuple[Purchase, str]]:
        stmt = select(Purchase, KitType.code).join(KitType, KitType.id == Purchase.kit_type_id)
        rows = await self.session.execute(keyset(stmt, page, Purchase.created_at, Purchase.id, descending=True))
        return [(p, code) for p, code in rows]

    async def components_of(self, purchase_ids: Collection[UUID]) -> dict[UUID, list[tuple[str, Any]]]:
        out: dict[UUID, list[tuple[str, Any]]] = {p: [] for p in purchase_ids}
        stmt = (
            select(PurchaseComponent.purchase_id, ComponentType.code, PurchaseComponent.expires_on)
            .join(ComponentType, ComponentType.id == PurchaseComponent.component_type_id)
            .where(PurchaseComponent.purchase_id.in_(list(purchase_ids)))
            .order_by(ComponentType.code)
        )
        for purchase_id, code, expires_on in await self.session.execute(stmt):
            out[purchase_id].append((code, expires_on))
        return out

    async def serial_range(self, purchase_ids: Collection[UUID]) -> dict[UUID, tuple[str, str]]:
        stmt = (
            select(Pack.purchase_id, func.min(Pack.serial), func.max(Pack.serial))
            .where(Pack.purchase_id.in_(list(purchase_ids)))
            .group_by(Pack.purchase_id)
        )
        return {p: (lo, hi) for p, lo, hi in (await self.session.execute(stmt))}

    async def serials_taken(self, serials: Collection[str]) -> list[str]:
        stmt = select(Pack.serial).where(Pack.serial.in_(list(serials))).order_by(Pack.serial).limit(5)
        return list((await self.session.scalars(stmt)).all())

    async def add(self, purchase: Purchase) -> bool:
        return await add_unless_duplicate(self.session, purchase)

    async def add_lot(
        self,
        components: Sequence[dict[str, Any]],
        packs: Sequence[dict[str, Any]],
        pack_components: Sequence[dict[str, Any]],
    ) -> None:
        await self.session.execute(insert(PurchaseComponent).execution_options(render_nulls=True), components)
        await self.session.execute(insert(Pack), packs)
        await self.session.execute(insert(PackComponent).execution_options(render_nulls=True), pack_components)
