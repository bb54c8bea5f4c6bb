from collections.abc import Sequence
from uuid import UUID

from sqlalchemy import select

from funding.db import Repository
from funding.organisation.models import Organisation, OrganisationKind
from vru_shared.db import add_unless_duplicate
from vru_shared.pagination import PageParams, keyset


class OrganisationRepository(Repository):
    async def list(
        self, page: PageParams, *, kind: OrganisationKind | None, district: str | None, csu: bool | None
    ) -> Sequence[Organisation]:
        stmt = select(Organisation)
        if kind is not None:
            stmt = stmt.where(Organisation.kind == kind.value)
        if district is not None:
            stmt = stmt.where(Organisation.district == district)
        if csu is not None:
            stmt = stmt.where(Organisation.csu.is_(csu))
        return (await self.session.scalars(keyset(stmt, page, Organisation.name, Organisation.id))).all()

    async def get(self, organisation_id: UUID) -> Organisation | None:
        return await self.session.get(Organisation, organisation_id)

    async def csus(self) -> dict[str, Organisation]:
        """The council hosting each district's Community Safety Unit, by district code."""
        rows = await self.session.scalars(select(Organisation).where(Organisation.csu.is_(True)))
        return {o.district: o for o in rows if o.district is not None}

    async def add(self, organisation: Organisation) -> bool:
        return await add_unless_duplicate(self.session, organisation)
