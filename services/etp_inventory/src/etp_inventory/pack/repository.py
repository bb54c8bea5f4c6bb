from collections.abc import Sequence
from uuid import UUID

from sqlalchemy import ColumnElement, Select, select

from etp_inventory.access import Scope
from etp_inventory.component_type.models import ComponentType
from etp_inventory.db import Repository, where_visible
from etp_inventory.kit_type.models import KitType
from etp_inventory.location.models import Location, LocationKind
from etp_inventory.location.repository import visible_location
from etp_inventory.pack.models import Pack, PackComponent, PackStatus, Readiness
from etp_inventory.pack.readiness import ReadinessRules
from vru_shared.pagination import PageParams, keyset

PackRow = tuple[Pack, Location, str]


def readiness_is(readiness: Readiness, rules: ReadinessRules) -> ColumnElement[bool]:
    return rules.sql_is(readiness, at_site=Location.kind == LocationKind.SITE.value)


class PackRepository(Repository):
    def _base(self, scope: Scope) -> Select[Pack, Location, str]:
        stmt = (
            select(Pack, Location, KitType.code)
            .join(Location, Location.id == Pack.location_id)
            .join(KitType, KitType.id == Pack.kit_type_id)
        )
        return where_visible(stmt, visible_location(scope))

    async def page(
        self,
        page: PageParams,
        scope: Scope,
        rules: ReadinessRules,
        *,
        location_id: UUID | None,
        district: str | None,
        status: PackStatus | None,
        readiness: Readiness | None,
        serial: str | None,
    ) -> Sequence[PackRow]:
        stmt = self._base(scope)
        if location_id is not None:
            stmt = stmt.where(Pack.location_id == location_id)
        if district is not None:
            stmt = stmt.where(Location.district == district)
        if status is not None:
            stmt = stmt.where(Pack.status == status.value)
        if readiness is not None:
            stmt = stmt.where(readiness_is(readiness, rules))
        if serial is not None:
            stmt = stmt.where(Pack.serial == serial)
        rows = await self.session.execute(keyset(stmt, page, Pack.serial, Pack.id))
        return [(p, loc, code) for p, loc, code in rows]

    async def get(self, pack_id: UUID, scope: Scope, *, for_update: bool = False) -> PackRow | None:
        stmt = self._base(scope).where(Pack.id == pack_id)
        if for_update:
            stmt = stmt.with_for_update(of=Pack)
        row = (await self.session.execute(stmt)).one_or_none()
        return (row[0], row[1], row[2]) if row else None

    async def components_of(self, pack_id: UUID) -> Sequence[tuple[PackComponent, ComponentType]]:
        stmt = (
            select(PackComponent, ComponentType)
            .join(ComponentType, ComponentType.id == PackComponent.component_type_id)
            .where(PackComponent.pack_id == pack_id)
            .order_by(ComponentType.code)
        )
        return [(p, c) for p, c in (await self.session.execute(stmt))]
