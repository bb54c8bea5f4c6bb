"""The funding service: commissioning and allocation of the unit's grant money (DESIGN §5)."""

import asyncio
import contextlib
from collections.abc import AsyncIterator

from fastapi import FastAPI

from funding.allocation.router import router as allocation_router
from funding.db import event_outbox, idempotency_keys
from funding.export.router import router as export_router
from funding.financial_year.router import router as financial_year_router
from funding.fund.router import router as fund_router
from funding.grant.router import router as grant_router
from funding.models import load_all_models
from funding.organisation.router import router as organisation_router
from funding.project.router import router as project_router
from funding.project_referral.router import router as project_referral_router
from funding.report.router import router as report_router
from funding.settings import FundingSettings, get_settings
from vru_shared.app import create_service_app
from vru_shared.events import relay_forever

DESCRIPTION = """
Commissioning and allocation of the unit's money: the Home Office grant received through the Police and
Crime Commissioner, its budget lines and funding streams; the organisations and projects it funds by area
and district; grants from application to close (four-eyes approval; a budget line is never exceeded),
disbursements and monitoring returns; formula allocation of a pot across districts (largest remainder, in
pence, from the referrals service's knife-incident counts); and the 360Giving export.
Money is integer pence with `currency: "GBP"`. Everything is planned around financial years (1 April to
31 March). Seeded figures (the newsletter's projects) are made up and marked `illustrative`.
"""


def create_app(settings: FundingSettings | None = None) -> FastAPI:
    load_all_models()
    settings = settings or get_settings()

    @contextlib.asynccontextmanager
    async def background(app: FastAPI) -> AsyncIterator[None]:
        """The event relay (grant.approved, disbursement.paid, allocation.committed), while the app runs."""
        relay = asyncio.create_task(relay_forever(app, event_outbox, settings.events_relay_interval_seconds))
        try:
            yield
        finally:
            relay.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await relay

    return create_service_app(
        settings,
        title="VRU Funding API",
        description=DESCRIPTION,
        routers=[
            financial_year_router,
            fund_router,
            organisation_router,
            project_referral_router,  # before /v1/projects/{project_id}
            project_router,
            grant_router,
            allocation_router,
            report_router,
            export_router,
        ],
        idempotency=idempotency_keys,
        tags=[
            {
                "name": "reference data",
                "description": "Financial years (1 April – 31 March) that budgets, grants and reports refer to.",
            },
            {"name": "funds and budgets", "description": "Funds, funding streams, budget lines and spend on them."},
            {"name": "organisations and projects", "description": "Funded organisations (org-id) and projects."},
            {"name": "grants", "description": "Applications, four-eyes approval, the lifecycle to close."},
            {"name": "disbursements", "description": "Instalment schedules exact to the penny; payment."},
            {"name": "monitoring and evaluation", "description": "Quarterly returns, overdue list, evaluations."},
            {"name": "allocations", "description": "Formula allocation by largest remainder; preview and commit."},
            {"name": "reports", "description": "Totals by financial year, area and stream."},
            {"name": "360Giving", "description": "Published grant data in the 360Giving Data Standard."},
        ],
        extra_lifespan=background,
    )
