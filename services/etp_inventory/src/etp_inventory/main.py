"""The ETP inventory service: the unit's emergency trauma packs, from purchase to use (DESIGN §6)."""

import asyncio
import contextlib
from collections.abc import AsyncIterator

from fastapi import FastAPI

from etp_inventory.alert.router import router as alert_router
from etp_inventory.alert.service import announce_forever
from etp_inventory.check.router import router as check_router
from etp_inventory.component_type.router import router as component_type_router
from etp_inventory.csp.router import router as csp_router
from etp_inventory.db import event_outbox, idempotency_keys
from etp_inventory.kit_type.router import router as kit_type_router
from etp_inventory.location.router import router as location_router
from etp_inventory.models import load_all_models
from etp_inventory.movement.router import router as movement_router
from etp_inventory.pack.router import router as pack_router
from etp_inventory.public_map.router import router as public_map_router
from etp_inventory.purchase.router import router as purchase_router
from etp_inventory.settings import EtpInventorySettings, get_settings
from etp_inventory.use_report.router import router as use_report_router
from etp_inventory.use_report.verifier import verifying
from vru_shared.app import create_service_app
from vru_shared.events import relay_forever

DESCRIPTION = """
The 500+ emergency trauma packs (bleed-control kits) the unit has placed in public places across Kent &
Medway: kit types and their components with shelf lives; packs by serial, each expiring with its earliest
component; purchases into the central store charged to a funding budget line; allocation to Community
Safety Partnerships and deployment to sites; an append-only movement ledger; guardians' checks, use
reports and resupply; expiry, overdue-check and low-stock alerts; and a public map of ready packs that
never shows a lock code or a hidden site.
"""


def create_app(settings: EtpInventorySettings | None = None) -> FastAPI:
    load_all_models()
    settings = settings or get_settings()

    @contextlib.asynccontextmanager
    async def background(app: FastAPI) -> AsyncIterator[None]:
        """The crime-reference re-check, the event relay and the alerts announcer, while the app runs."""
        tasks = [
            asyncio.create_task(relay_forever(app, event_outbox, settings.events_relay_interval_seconds)),
            asyncio.create_task(
                announce_forever(
                    app,
                    settings.alerts_announce_interval_seconds,
                    check_interval_days=settings.check_interval_days,
                    expiry_notice_days=settings.expiry_notice_days,
                )
            ),
        ]
        try:
            async with verifying(app, settings.crime_reference_recheck_seconds):
                yield
        finally:
            for task in tasks:
                task.cancel()
            for task in tasks:
                with contextlib.suppress(asyncio.CancelledError):
                    await task

    return create_service_app(
        settings,
        title="VRU ETP Inventory API",
        description=DESCRIPTION,
        routers=[
            component_type_router,
            kit_type_router,
            purchase_router,
            location_router,
            csp_router,
            pack_router,
            movement_router,
            check_router,
            use_report_router,
            alert_router,
            public_map_router,
        ],
        idempotency=idempotency_keys,
        tags=[
            {
                "name": "reference data",
                "description": "The component types a pack is made of, each with its shelf life.",
            },
            {"name": "kits", "description": "Kit types: which components a pack holds."},
            {"name": "purchases", "description": "Lots received into the central store, charged to funding."},
            {"name": "locations", "description": "The central store, CSPs, sites and their guardians; stock."},
            {"name": "packs", "description": "Each pack: components, expiry, where it is, readiness."},
            {"name": "movements", "description": "The append-only ledger: allocate, deploy, return, write off."},
            {"name": "checks", "description": "Guardians' checks; checks due and overdue."},
            {"name": "use reports", "description": "Packs used, crime references, resupply tasks."},
            {"name": "alerts", "description": "Expiring packs, overdue checks, CSPs low on stock."},
            {"name": "public map", "description": "No token: ready packs at public sites, and open data."},
        ],
        extra_lifespan=background,
    )
