from collections.abc import Sequence
from uuid import UUID

from sqlalchemy import select

from funding.organisation.models import DueDiligenceCheck, Organisation, OrganisationKind
from vru_shared.pagination import PageParams
from vru_shared.repository import Repository


class OrganisationRepository(Repository[Organisation]):
    model = Organisation
    order = ("name", "id")

    async def filtered(
        self, params: PageParams, *, kind: OrganisationKind | None, district: str | None, csu: bool | None
    ) -> Sequence[Organisation]:
        filters = []
        if kind is not None:
            filters.append(Organisation.kind == kind.value)
        if district is not None:
            filters.append(Organisation.district == district)
        if csu is not None:
            filters.append(Organisation.csu.is_(csu))
        return await self.page(params, *filters)

    async def csus(self) -> dict[str, Organisation]:
        """The council hosting each district's Community Safety Unit, by district code."""
        rows = await self.session.scalars(self.statement().where(Organisation.csu.is_(True)))
        return {o.district: o for o in rows if o.district is not None}


class DueDiligenceRepository(Repository[DueDiligenceCheck]):
    """An organisation's due-diligence checks, newest first."""

    model = DueDiligenceCheck
    order = ("created_at", "id")

    async def of_organisation(self, params: PageParams, organisation_id: UUID) -> Sequence[DueDiligenceCheck]:
        return await self.page(params, DueDiligenceCheck.organisation_id == organisation_id)

    async def latest(self, organisation_id: UUID) -> DueDiligenceCheck | None:
        """The organisation's most recent check (by the date checked, then when recorded)."""
        stmt = (
            select(DueDiligenceCheck)
            .where(DueDiligenceCheck.organisation_id == organisation_id)
            .order_by(DueDiligenceCheck.checked_on.desc(), DueDiligenceCheck.created_at.desc())
            .limit(1)
        )
        return (await self.session.scalars(stmt)).one_or_none()

    async def record(self, check: DueDiligenceCheck) -> None:
        self.session.add(check)
        await self.session.flush()
