from collections.abc import Collection, Sequence
from typing import Any

from sqlalchemy import Select, insert, select
from sqlalchemy.orm import joinedload, selectinload

from etp_inventory.pack.models import Pack, PackComponent
from etp_inventory.purchase.models import Purchase, PurchaseComponent
from vru_shared.repository import Repository


class PurchaseRepository(Repository[Purchase]):
    """Purchases with their kit type and component expiries; the lot's packs are inserted in bulk."""

    model = Purchase
    order = ("created_at", "id")

    def statement(self) -> Select[Purchase]:
        return (
            select(Purchase)
            .options(
                joinedload(Purchase.kit_type),
                selectinload(Purchase.parts).joinedload(PurchaseComponent.component_type),
            )
            .execution_options(populate_existing=True)
        )

    async def serials_taken(self, serials: Collection[str]) -> list[str]:
        stmt = select(Pack.serial).where(Pack.serial.in_(list(serials))).order_by(Pack.serial).limit(5)
        return list((await self.session.scalars(stmt)).all())

    async def add_lot(
        self,
        components: Sequence[dict[str, Any]],
        packs: Sequence[dict[str, Any]],
        pack_components: Sequence[dict[str, Any]],
    ) -> None:
        await self.session.execute(insert(PurchaseComponent).execution_options(render_nulls=True), components)
        await self.session.execute(insert(Pack), packs)
        await self.session.execute(insert(PackComponent).execution_options(render_nulls=True), pack_components)
