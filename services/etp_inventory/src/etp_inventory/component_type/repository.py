from collections.abc import Collection, Sequence

from sqlalchemy import select

from etp_inventory.component_type.models import ComponentType
from vru_shared.repository import Repository


class ComponentTypeRepository(Repository[ComponentType]):
    model = ComponentType
    order = ("code",)

    async def with_codes(self, codes: Collection[str]) -> Sequence[ComponentType]:
        return (await self.session.scalars(select(ComponentType).where(ComponentType.code.in_(list(codes))))).all()
