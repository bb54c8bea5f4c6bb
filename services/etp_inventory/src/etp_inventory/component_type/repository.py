from collections.abc import Sequence

from sqlalchemy import select

from etp_inventory.component_type.models import ComponentType
from etp_inventory.db import Repository
from vru_shared.pagination import PageParams, keyset


class ComponentTypeRepository(Repository):
    async def list(self, page: PageParams) -> Sequence[ComponentType]:
        return (await self.session.scalars(keyset(select(ComponentType), page, ComponentType.code))).all()

    async def get(self, code: str) -> ComponentType | None:
        return (await self.session.scalars(select(ComponentType).where(ComponentType.code == code))).one_or_none()
