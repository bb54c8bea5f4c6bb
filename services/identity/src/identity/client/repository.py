from collections.abc import Sequence
from uuid import UUID

from identity.client.models import ApiClient
from vru_shared.pagination import PageParams
from vru_shared.repository import Repository


class ApiClientRepository(Repository[ApiClient]):
    model = ApiClient
    order = ("client_id",)

    async def list(self, params: PageParams, *, agency_id: UUID | None, active: bool | None) -> Sequence[ApiClient]:
        filters = [
            *([] if agency_id is None else [ApiClient.agency_id == agency_id]),
            *([] if active is None else [ApiClient.active.is_(active)]),
        ]
        return await self.page(params, *filters)

    async def lock(self, client: ApiClient) -> None:
        """Lock the client's row and read it again (a concurrent request may have changed it meanwhile)."""
        await self.session.refresh(client, with_for_update=True)
