"""The funding service, as the referrals service uses it (issue 7, link 4).

Contracts:

- ``GET /v1/projects/referral-destinations?district=…&limit=200[&cursor=…]`` → ``Page[FundedProject]``: the
  active projects serving a district that a grant funds today (approved or active, its planned period covering
  today — funding decides), offered to a coordinator as referral destinations, each with its active period.
  Called with the coordinator's own token (acting for a person). A referral to a project not in that list is
  422 ``not-a-funded-project``.
- ``POST /v1/projects/{project_id}/referrals`` ``{"referral_id", "accepted_at"}`` with
  ``Idempotency-Key: referral-accepted-<referral id>`` → 201 (200 for a repeat) ``CountedReferral``: one more
  person receiving a service in the grant's monitoring figures. Called with this service's own
  client-credentials token, from the outbox (:mod:`referrals.referral.outbox`).

Anything but an answer of the expected shape — down, slow, a 5xx, garbage — is :class:`DownstreamUnavailable`
(503 with ``Retry-After``). Funding's considered refusal of a count (404, 409, 422) is :class:`CountRefused`.
"""

from __future__ import annotations

import logging
from datetime import date, datetime
from uuid import UUID

from fastapi import Request
from pydantic import BaseModel

from vru_shared.auth import Principal
from vru_shared.http_client import DownstreamError, DownstreamUnavailable, ServiceClient
from vru_shared.kent_medway import LONDON

logger = logging.getLogger("referrals.funding")

PEER = "funding"
PAGE_SIZE = 200
#: A district has a few dozen funded projects at most; more pages than this is a provider fault.
MAX_PAGES = 5


class FundedProject(BaseModel):
    """Funding's referral destination (only the fields relied on)."""

    project_id: UUID
    code: str
    name: str
    description: str
    lead_organisation_name: str
    area: str
    districts: list[str]
    grant_id: UUID
    active_from: date | None = None
    active_until: date | None = None


class FundedProjectPage(BaseModel):
    items: list[FundedProject]
    next_cursor: str | None


class CountedReferral(BaseModel):
    """Funding's record of a counted referral."""

    id: UUID
    referral_id: UUID
    project_id: UUID
    grant_id: UUID
    monitoring_return_id: UUID | None
    period: str
    accepted_at: datetime
    created_at: datetime


class CountRefused(Exception):
    """Funding considered the count and refused it (no such project, no grant funds it, counted elsewhere):
    retrying will not change that."""

    def __init__(self, status_code: int, detail: str) -> None:
        super().__init__(f"funding refused the count ({status_code}): {detail}")
        self.status_code = status_code
        self.detail = detail


def count_idempotency_key(referral_id: UUID) -> str:
    return f"referral-accepted-{referral_id}"


def _detail(error: DownstreamError) -> str:
    try:
        body = error.response.json()
    except ValueError:
        return "no detail"
    detail = body.get("detail") if isinstance(body, dict) else None
    return detail if isinstance(detail, str) else "no detail"


class FundingClient:
    """``client`` is None when the deployment has no funding URL: every call is then a 503."""

    def __init__(self, client: ServiceClient | None) -> None:
        self._client = client

    @property
    def client(self) -> ServiceClient:
        if self._client is None:
            raise DownstreamUnavailable(
                "The funding service is not configured for this deployment.", headers={"Retry-After": "60"}
            )
        return self._client

    async def funded_projects(self, district: str, *, principal: Principal) -> list[FundedProject]:
        """Every active funded project serving ``district``, by name."""
        projects: list[FundedProject] = []
        cursor: str | None = None
        for _ in range(MAX_PAGES):
            params = {"district": district, "limit": PAGE_SIZE, **({"cursor": cursor} if cursor else {})}
            try:
                page: FundedProjectPage = await self.client.call(
                    "GET", "/v1/projects/referral-destinations", FundedProjectPage, principal=principal, params=params
                )
            except DownstreamError as exc:
                logger.warning("funding refused the destinations request", extra={"status": exc.status_code})
                raise self._unavailable(f"refused the request ({exc.status_code})") from exc
            if any(district not in project.districts for project in page.items):
                raise self._bad_answer("answered with projects that do not serve the district")
            today = datetime.now(LONDON).date()
            if any(project.active_until is not None and project.active_until < today for project in page.items):
                raise self._bad_answer("answered with projects whose active period is over")
            projects += page.items
            cursor = page.next_cursor
            if cursor is None:
                return projects
        raise self._bad_answer("answered with more pages than a district has projects")

    async def count_accepted_referral(
        self, *, project_id: UUID, referral_id: UUID, accepted_at: datetime
    ) -> CountedReferral:
        """Count the accepted referral into the project's grant, exactly once (whatever the retries)."""
        try:
            counted: CountedReferral = await self.client.call(
                "POST",
                f"/v1/projects/{project_id}/referrals",
                CountedReferral,
                json={"referral_id": str(referral_id), "accepted_at": accepted_at.isoformat()},
                idempotency_key=count_idempotency_key(referral_id),
            )
        except DownstreamError as exc:
            if exc.status_code in (404, 409, 422):
                raise CountRefused(exc.status_code, _detail(exc)) from exc
            logger.warning("funding refused our call", extra={"status": exc.status_code})
            raise self._unavailable(f"refused this service's call ({exc.status_code})") from exc
        if counted.referral_id != referral_id or counted.project_id != project_id:
            raise self._bad_answer("counted a different referral than asked")
        return counted

    def _bad_answer(self, why: str) -> DownstreamUnavailable:
        logger.warning("unexpected answer from funding: %s", why, extra={"peer": PEER})
        self.client.breaker.failure()
        return self._unavailable(why)

    def _unavailable(self, why: str) -> DownstreamUnavailable:
        return DownstreamUnavailable(
            f"The {PEER} service {why}. Nothing was changed; retry later.",
            headers={"Retry-After": str(self.client.breaker.retry_after())},
            extra={"peer": PEER},
        )


def funding_client(request: Request) -> FundingClient:
    """The app's funding peer (configured from ``REFERRALS_PEER_URLS``)."""
    peers: dict[str, ServiceClient] = request.app.state.peers
    return FundingClient(peers.get(PEER))
