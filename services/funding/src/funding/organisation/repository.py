from collections.abc import Sequence

from funding.organisation.models import Organisation, OrganisationKind
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
