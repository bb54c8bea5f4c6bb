"""The identity service, as this service uses it: is this person an active guardian?"""

from uuid import UUID

from pydantic import BaseModel

from vru_shared.http_client import DownstreamError, ServiceClient


class Guardian(BaseModel):
    """Identity's answer (contract: ``GET /v1/guardians/{person_id}``)."""

    id: UUID
    display_name: str
    email: str


class IdentityClient:
    def __init__(self, client: ServiceClient) -> None:
        self.client = client

    async def guardian(self, subject: str) -> Guardian | None:
        """The active guardian whose person id is ``subject``, else ``None``. Raises ``DownstreamUnavailable``
        when identity cannot answer."""
        try:
            person_id = UUID(subject)
        except ValueError:
            return None  # person ids are UUIDs: nobody else can be a guardian
        try:
            found: Guardian = await self.client.call("GET", f"/v1/guardians/{person_id}", Guardian)
        except DownstreamError as exc:
            if exc.status_code == 404:
                return None
            raise
        return found
