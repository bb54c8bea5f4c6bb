from collections.abc import Sequence

from identity.agency.models import Agency, AgencyKind
from vru_shared.pagination import PageParams
from vru_shared.repository import Repository


class AgencyRepository(Repository[Agency]):
    model = Agency
    order = ("code",)

    async def list(self, params: PageParams, *, kind: AgencyKind | None) -> Sequence[Agency]:
        return await self.page(params, *([] if kind is None else [Agency.kind == kind.value]))
