from collections.abc import Collection, Iterable, Sequence
from typing import Any
from uuid import UUID

from sqlalchemy import ColumnElement, Select, String, any_, bindparam, exists, false, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import aliased, joinedload, selectinload
from sqlalchemy.types import TypeEngine

from referrals.reference.models import (
    CoordinatorArea,
    District,
    Forum,
    OffenceCategory,
    PartnerAgency,
    ProjectProvider,
)
from vru_shared.pagination import PageParams
from vru_shared.repository import Repository


def any_of(column: Any, values: Iterable[Any], item_type: TypeEngine[Any]) -> ColumnElement[bool]:
    """``column = ANY(:array)``: one bound parameter however many values (no 32k-parameter limit)."""
    return column == any_(bindparam(None, list(values), type_=ARRAY(item_type)))  # type: ignore[no-any-return]


def district_ids(codes: Collection[str]) -> Any:
    return select(District.id).where(any_of(District.code, codes, String()))


#: The partner agency a record is for, aliased so a visibility filter never correlates with a joined one.
Receiver = aliased(PartnerAgency)


def for_agency(partner_agency_id: Any, agency: UUID | None) -> ColumnElement[bool]:
    """The record's partner agency is the one linked to the identity ``agency`` (none: nothing is)."""
    if agency is None:
        return false()
    return exists(select(Receiver.id).where(Receiver.id == partner_agency_id, Receiver.identity_agency_id == agency))


def provided_by_agency(project_id: Any, agency: UUID | None) -> ColumnElement[bool]:
    """The record's funded project is delivered by the partner agency linked to the identity ``agency``."""
    if agency is None:
        return false()
    return exists(
        select(ProjectProvider.project_id)
        .join(Receiver, Receiver.id == ProjectProvider.partner_agency_id)
        .where(ProjectProvider.project_id == project_id, Receiver.identity_agency_id == agency)
    )


class ProjectProviderRepository(Repository[ProjectProvider]):
    """Which partner agency delivers which funded project."""

    model = ProjectProvider
    order = ("project_id",)

    async def of_partner(self, params: PageParams, partner_agency_id: UUID) -> Sequence[ProjectProvider]:
        return await self.page(params, ProjectProvider.partner_agency_id == partner_agency_id)


class DistrictRepository(Repository[District]):
    model = District
    order = ("code",)

    def statement(self) -> Select[District]:
        return select(District).options(joinedload(District.area))

    async def by_codes(self, codes: Collection[str]) -> dict[str, District]:
        stmt = self.statement().where(any_of(District.code, codes, String()))
        return {d.code: d for d in (await self.session.scalars(stmt)).all()}

    async def of_area(self, area_id: UUID) -> list[District]:
        stmt = self.statement().where(District.area_id == area_id).order_by(District.code)
        return list((await self.session.scalars(stmt)).all())


class CoordinatorAreaRepository(Repository[CoordinatorArea]):
    model = CoordinatorArea
    order = ("code",)

    def statement(self) -> Select[CoordinatorArea]:
        return select(CoordinatorArea).options(selectinload(CoordinatorArea.districts))


class OffenceCategoryRepository(Repository[OffenceCategory]):
    model = OffenceCategory
    order = ("code",)


class ForumRepository(Repository[Forum]):
    model = Forum
    order = ("code",)

    def statement(self) -> Select[Forum]:
        return select(Forum).options(joinedload(Forum.area), joinedload(Forum.district).joinedload(District.area))

    async def find(self, page: PageParams, *, kind: str | None, district: str | None) -> Sequence[Forum]:
        """A page of forums by code, of a kind or a district when given."""
        filters = [Forum.kind == kind] if kind else []
        if district:
            filters.append(Forum.district.has(District.code == district))
        return await self.page(page, *filters)


class PartnerAgencyRepository(Repository[PartnerAgency]):
    model = PartnerAgency
    order = ("code",)

    async def by_codes(self, codes: Collection[str]) -> dict[str, PartnerAgency]:
        stmt = self.statement().where(any_of(PartnerAgency.code, codes, String()))
        return {p.code: p for p in (await self.session.scalars(stmt)).all()}

    async def for_identity_agency(self, identity_agency_id: UUID | None) -> PartnerAgency | None:
        """The partner agency whose people and systems carry this identity agency id (the token's ``agency``)."""
        return None if identity_agency_id is None else await self.get_by(identity_agency_id=identity_agency_id)

    async def named_for(self, identity_agency_id: UUID | None, purpose: str, *, joiner: str = "by") -> str:
        """``purpose``, naming the partner agency that acts (for the audit log)."""
        partner = await self.for_identity_agency(identity_agency_id)
        return f"{purpose} {joiner} {partner.name} ({partner.code})" if partner else purpose
