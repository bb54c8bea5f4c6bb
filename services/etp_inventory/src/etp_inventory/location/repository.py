from collections.abc import Collection, Sequence
from typing import Any
from uuid import UUID

from sqlalchemy import ColumnElement, delete, exists, false, literal_column, or_, select
from sqlalchemy.dialects.postgresql import insert as pg_insert

from etp_inventory.access import Scope
from etp_inventory.db import Repository, where_visible
from etp_inventory.location.models import Location, LocationKind, SiteGuardian
from vru_shared.pagination import PageParams, keyset


def guarded_by(subject: str) -> ColumnElement[bool]:
    return exists(
        select(SiteGuardian.site_id).where(SiteGuardian.site_id == Location.id, SiteGuardian.subject == subject)
    )


def visible_location(scope: Scope) -> ColumnElement[bool] | None:
    """Locations the caller may see: all (staff), their districts' CSP and sites (CSP officers), the sites
    they guard (guardians). None means no filter."""
    if scope.everything:
        return None
    clauses: list[ColumnElement[bool]] = []
    if scope.districts:
        clauses.append(Location.district.in_(sorted(scope.districts)))
    if scope.guardian is not None:
        clauses.append((Location.kind == LocationKind.SITE.value) & guarded_by(scope.guardian))
    return or_(*clauses) if clauses else false()


class LocationRepository(Repository):
    async def central_store(self) -> Location:
        stmt = select(Location).where(Location.kind == LocationKind.CENTRAL_STORE.value)
        return (await self.session.scalars(stmt)).one()

    async def csp(self, district: str, *, for_update: bool = False) -> Location | None:
        stmt = select(Location).where(Location.kind == LocationKind.CSP.value, Location.district == district)
        if for_update:
            stmt = stmt.with_for_update()
        return (await self.session.scalars(stmt)).one_or_none()

    async def csps(self, districts: Collection[str] | None) -> Sequence[Location]:
        stmt = select(Location).where(Location.kind == LocationKind.CSP.value).order_by(Location.district)
        if districts is not None:
            stmt = stmt.where(Location.district.in_(list(districts)))
        return (await self.session.scalars(stmt)).all()

    async def page(
        self, page: PageParams, scope: Scope, *, kind: LocationKind | None, district: str | None
    ) -> Sequence[Location]:
        stmt = select(Location)
        stmt = where_visible(stmt, visible_location(scope))
        if kind is not None:
            stmt = stmt.where(Location.kind == kind.value)
        if district is not None:
            stmt = stmt.where(Location.district == district)
        return (await self.session.scalars(keyset(stmt, page, Location.name, Location.id))).all()

    async def get(
        self, location_id: UUID, scope: Scope, *, kind: LocationKind | None = None, for_update: bool = False
    ) -> Location | None:
        stmt = select(Location).where(Location.id == location_id)
        stmt = where_visible(stmt, visible_location(scope))
        if kind is not None:
            stmt = stmt.where(Location.kind == kind.value)
        if for_update:
            stmt = stmt.with_for_update()
        return (await self.session.scalars(stmt)).one_or_none()

    async def page_sites(
        self, page: PageParams, scope: Scope, *, district: str | None, is_public: bool | None
    ) -> Sequence[Location]:
        stmt = select(Location).where(Location.kind == LocationKind.SITE.value)
        stmt = where_visible(stmt, visible_location(scope))
        if district is not None:
            stmt = stmt.where(Location.district == district)
        if is_public is not None:
            stmt = stmt.where(Location.is_public.is_(is_public))
        return (await self.session.scalars(keyset(stmt, page, Location.name, Location.id))).all()

    async def guardians_of(self, site_ids: Collection[UUID]) -> dict[UUID, list[SiteGuardian]]:
        out: dict[UUID, list[SiteGuardian]] = {s: [] for s in site_ids}
        if not site_ids:
            return out
        stmt = (
            select(SiteGuardian)
            .where(SiteGuardian.site_id.in_(list(site_ids)))
            .order_by(SiteGuardian.assigned_at, SiteGuardian.subject)
        )
        for guardian in (await self.session.scalars(stmt)).all():
            out[guardian.site_id].append(guardian)
        return out

    async def assign_guardian(self, site_id: UUID, subject: str, *, name: str | None, by: str) -> bool:
        """Assign (or rename); True when newly assigned."""
        stmt: Any = (
            pg_insert(SiteGuardian)
            .values(site_id=site_id, subject=subject, name=name, assigned_by=by)
            .on_conflict_do_update(index_elements=["site_id", "subject"], set_={"name": name})
            .returning(literal_column("(xmax = 0)"))
        )
        return bool((await self.session.execute(stmt)).scalar_one())

    async def remove_guardian(self, site_id: UUID, subject: str) -> bool:
        stmt = delete(SiteGuardian).where(SiteGuardian.site_id == site_id, SiteGuardian.subject == subject)
        result = await self.session.execute(stmt)
        return bool(getattr(result, "rowcount", 0))
