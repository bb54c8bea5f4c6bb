"""The ETP inventory service: the unit's emergency trauma packs, from purchase to use (DESIGN §6)."""

from fastapi import FastAPI

from etp_inventory.component_type.router import router as component_type_router
from etp_inventory.db import idempotency_keys
from etp_inventory.models import load_all_models
from etp_inventory.settings import EtpInventorySettings, get_settings
from vru_shared.app import create_service_app

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
    return create_service_app(
        settings or get_settings(),
        title="VRU ETP Inventory API",
        description=DESCRIPTION,
        routers=[component_type_router],
        idempotency=idempotency_keys,
        tags=[
            {
                "name": "reference data",
                "description": "The component types a pack is made of, each with its shelf life.",
            }
        ],
    )
