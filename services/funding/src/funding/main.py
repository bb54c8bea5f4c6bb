"""The funding service: commissioning and allocation of the unit's grant money (DESIGN §5)."""

from fastapi import FastAPI

from funding.db import idempotency_keys
from funding.financial_year.router import router as financial_year_router
from funding.models import load_all_models
from funding.settings import FundingSettings, get_settings
from vru_shared.app import create_service_app

DESCRIPTION = """
Commissioning and allocation of the unit's money: the Home Office grant received through the Police and
Crime Commissioner, its budget lines and funding streams; the organisations and projects it funds by area
and district; grants from application to close, disbursements and monitoring returns; formula allocation
of a pot across districts (largest remainder, in pence); and the 360Giving export.
Money is integer pence with `currency: "GBP"`. Everything is planned around financial years (1 April to
31 March).
"""


def create_app(settings: FundingSettings | None = None) -> FastAPI:
    load_all_models()
    return create_service_app(
        settings or get_settings(),
        title="VRU Funding API",
        description=DESCRIPTION,
        routers=[financial_year_router],
        idempotency=idempotency_keys,
        tags=[
            {
                "name": "reference data",
                "description": "Financial years (1 April – 31 March) that budgets, grants and reports refer to.",
            }
        ],
    )
