from collections.abc import Collection, Sequence
from typing import Any
from uuid import UUID

from sqlalchemy import ColumnElement, Select, case, delete, exists, false, literal_column, null, or_, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import selectinload, with_expression

from etp_inventory.access import Scope
from etp_inventory.location.models import Location, LocationKind, SiteGuardian
from etp_inventory.stock import on_hand_here
from vru_shared.pagination import PageParams
from vru_shared.repository import ScopedRepository


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


def lock_code_for(scope: Scope) -> ColumnElement[Any]:
    """A site's lock code for the owning CSP's officers and the site's own guardians (staff too see none)."""
    clauses: list[ColumnElement[bool]] = []
    if scope.districts:
        clauses.append(Location.district.in_(sorted(scope.districts)))
    if scope.guardian is not None:
        clauses.append(guarded_by(scope.guardian))
    return case((or_(*clauses), Location.lock_code), else_=null()) if clauses else null()


class LocationRepository(ScopedRepository[Location, Scope]):
    """The central store, the CSPs and the sites; a site is read with its guardians."""

    model = Location
    order = ("name", "id")

    def visible(self, scope: Scope) -> ColumnElement[bool] | None:
        return visible_location(scope)

    def readable(self, scope: Scope) -> Select[Location]:
        """What ``scope`` may see, each with its stock and the lock code as the caller may see it."""
        return (
            super()
            .readable(scope)
            .options(
                with_expression(Location.on_hand, on_hand_here()),
                with_expression(Location.visible_lock_code, lock_code_for(scope)),
            )
            .execution_options(populate_existing=True)
        )

    def sites(self, scope: Scope) -> Select[Location]:
        return (
            self.readable(scope)
            .where(Location.kind == LocationKind.SITE.value)
            .options(selectinload(Location.guardians))
        )

    async def page_locations(
        self, page: PageParams, scope: Scope, *, kind: LocationKind | None, district: str | None
    ) -> Sequence[Location]:
        filters = [Location.kind == kind.value] if kind is not None else []
        if district is not None:
            filters.append(Location.district == district)
        return await self.page_visible(page, scope, *filters)

    async def page_sites(
        self, page: PageParams, scope: Scope, *, district: str | None, is_public: bool | None
    ) -> Sequence[Location]:
        stmt = self.sites(scope)
        if district is not None:
            stmt = stmt.where(Location.district == district)
        if is_public is not None:
            stmt = stmt.where(Location.is_public.is_(is_public))
        return await self.page(page, base=stmt)

    async def central_store(self) -> Location:
        return (
            await self.session.scalars(self.statement().where(Location.kind == LocationKind.CENTRAL_STORE.value))
        ).one()

    async def csp(self, district: str, *, for_update: bool = False) -> Location | None:
        stmt = self.statement().where(Location.kind == LocationKind.CSP.value, Location.district == district)
        return (await self.session.scalars(stmt.with_for_update() if for_update else stmt)).one_or_none()

    async def csps(self, districts: Collection[str] | None) -> Sequence[Location]:
        stmt = self.statement().where(Location.kind == LocationKind.CSP.value).order_by(Location.district)
        if districts is not None:
            stmt = stmt.where(Location.district.in_(list(districts)))
        return (await self.session.scalars(stmt)).all()

    async def assign_guardian(self, site: Location, subject: str, *, name: str | None, by: str) -> bool:
        """Assign (or rename); True when newly assigned."""
        stmt: Any = (
            pg_insert(SiteGuardian)
            .values(site_id=site.id, subject=subject, name=name, assigned_by=by)
            .on_conflict_do_update(index_elements=["site_id", "subject"], set_={"name": name})
            .returning(literal_column("(xmax = 0)"))
        )
        return bool((await self.session.execute(stmt)).scalar_one())

    async def guardian_people(self, site_id: UUID) -> list[UUID]:
        """The identity person ids of a site's guardians (whom a pack's use is told to by e-mail or SMS)."""
        stmt = select(SiteGuardian.subject).where(SiteGuardian.site_id == site_id).order_by(SiteGuardian.subject)
        people = []
        for subject in (await self.session.scalars(stmt)).all():
            try:
                people.append(UUID(subject))
            except ValueError:  # not an identity person id
                continue
        return people

    async def remove_guardian(self, site: Location, subject: str) -> bool:
        stmt = delete(SiteGuardian).where(SiteGuardian.site_id == site.id, SiteGuardian.subject == subject)
        result = await self.session.execute(stmt)
        return bool(getattr(result, "rowcount", 0))
