"""The referrals service, as this service uses it: is a crime reference known?"""

from pydantic import BaseModel

from vru_shared.http_client import ServiceClient


class CrimeReferenceCheck(BaseModel):
    """Referrals' answer (contract: ``GET /v1/incidents/reference-check?crime_reference=…``)."""

    crime_reference: str
    known: bool


class ReferralsClient:
    def __init__(self, client: ServiceClient) -> None:
        self.client = client

    async def check_crime_reference(self, crime_reference: str) -> CrimeReferenceCheck:
        """Raises ``DownstreamUnavailable`` when referrals cannot answer, ``DownstreamError`` on a 4xx."""
        result: CrimeReferenceCheck = await self.client.call(
            "GET",
            "/v1/incidents/reference-check",
            CrimeReferenceCheck,
            params={"crime_reference": crime_reference},
        )
        return result
