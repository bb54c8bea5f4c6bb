"""The referrals service, as the funding service uses it: knife-incident counts by district for a period.

Contract: ``GET /v1/statistics/incidents?from=…&to=…&group_by=district&knife=true`` →
``{"from", "to", "group_by": ["district"], "knife": true, "total", "groups": [{"district", "count", …}]}``
(districts with no incidents are absent). Anything else — down, slow, a 4xx, a body of another shape — is
:class:`DownstreamUnavailable` (503 with ``Retry-After``).
"""

from __future__ import annotations

from datetime import date

from fastapi import Request
from pydantic import BaseModel, ConfigDict, Field

from vru_shared.http_client import DownstreamError, DownstreamUnavailable, ServiceClient
from vru_shared.kent_medway import DISTRICT_CODES

PEER = "referrals"


class IncidentCount(BaseModel):
    district: str | None
    month: str | None = None
    category: str | None = None
    count: int = Field(ge=0)


class IncidentStatistics(BaseModel):
    """The referrals service's answer (only the fields relied on are checked strictly)."""

    model_config = ConfigDict(populate_by_name=True)

    from_: date = Field(alias="from")
    to: date
    group_by: list[str]
    knife: bool | None
    total: int = Field(ge=0)
    groups: list[IncidentCount]


class ReferralsClient:
    """``client`` is None when the deployment has no referrals URL: every call is then 503."""

    def __init__(self, client: ServiceClient | None) -> None:
        self._client = client

    @property
    def client(self) -> ServiceClient:
        if self._client is None:
            raise DownstreamUnavailable(
                "The referrals service is not configured for this deployment.", headers={"Retry-After": "60"}
            )
        return self._client

    async def knife_incidents_by_district(self, first: date, last: date) -> IncidentStatistics:
        """Knife incidents from ``first`` to ``last`` (inclusive), counted per district."""
        params = {"from": first.isoformat(), "to": last.isoformat(), "group_by": "district", "knife": "true"}
        try:
            stats: IncidentStatistics = await self.client.call(
                "GET", "/v1/statistics/incidents", IncidentStatistics, params=params
            )
        except DownstreamError as exc:
            raise self._unavailable(f"refused the request ({exc.status_code})") from exc
        districts = [g.district for g in stats.groups]
        if (
            stats.group_by != ["district"]
            or stats.knife is not True
            or (stats.from_, stats.to) != (first, last)
            or any(d not in DISTRICT_CODES for d in districts)
            or len(set(districts)) != len(districts)
            or sum(g.count for g in stats.groups) != stats.total
        ):
            self.client.breaker.failure()
            raise self._unavailable("answered with counts that do not match the request")
        return stats

    def _unavailable(self, why: str) -> DownstreamUnavailable:
        return DownstreamUnavailable(
            f"The {PEER} service {why}. Nothing was stored; retry later.",
            headers={"Retry-After": str(self.client.breaker.retry_after())},
            extra={"peer": PEER},
        )


def referrals_client(request: Request) -> ReferralsClient:
    """The app's referrals peer (configured from ``FUNDING_PEER_URLS``), with this service's own token."""
    peers: dict[str, ServiceClient] = request.app.state.peers
    return ReferralsClient(peers.get(PEER))
