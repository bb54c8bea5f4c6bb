from collections.abc import Sequence
from uuid import UUID

from sqlalchemy import ColumnElement, Select, select
from sqlalchemy.orm import contains_eager, joinedload, selectinload

from etp_inventory.access import Scope
from etp_inventory.location.models import Location, LocationKind
from etp_inventory.location.repository import visible_location
from etp_inventory.pack.models import Pack, PackComponent, PackStatus, Readiness
from etp_inventory.pack.readiness import ReadinessRules
from vru_shared.pagination import PageParams
from vru_shared.repository import ScopedRepository


def readiness_is(readiness: Readiness, rules: ReadinessRules) -> ColumnElement[bool]:
    return rules.sql_is(readiness, at_site=Location.kind == LocationKind.SITE.value)


class PackRepository(ScopedRepository[Pack, Scope]):
    """Packs with where they are and their kit type; visible where their location is."""

    model = Pack
    order = ("serial", "id")

    def statement(self) -> Select[Pack]:
        return (
            select(Pack)
            .join(Pack.location)
            .options(contains_eager(Pack.location), joinedload(Pack.kit_type, innerjoin=True))
            .execution_options(populate_existing=True)
        )

    def visible(self, scope: Scope) -> ColumnElement[bool] | None:
        return visible_location(scope)

    async def page_packs(
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
    ) -> Sequence[Pack]:
        filters = [Pack.location_id == location_id] if location_id is not None else []
        if district is not None:
            filters.append(Location.district == district)
        if status is not None:
            filters.append(Pack.status == status.value)
        if readiness is not None:
            filters.append(readiness_is(readiness, rules))
        if serial is not None:
            filters.append(Pack.serial == serial)
        return await self.page_visible(page, scope, *filters)

    async def detail(self, pack_id: UUID, scope: Scope, *, for_update: bool = False) -> Pack | None:
        """The pack with its components."""
        parts = selectinload(Pack.parts).joinedload(PackComponent.component_type)
        return await self.get(pack_id, for_update=for_update, base=self.readable(scope).options(parts))
