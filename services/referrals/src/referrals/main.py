"""The referrals service: Serious Violence Reviews and multi-agency referrals (DESIGN §4)."""

from fastapi import FastAPI

from referrals.audit.router import router as audit_router
from referrals.audit.sealer import sealing
from referrals.db import idempotency_keys
from referrals.incident.router import router as incident_router
from referrals.models import load_all_models
from referrals.reference.router import router as reference_router
from referrals.review.router import router as review_router
from referrals.screening.router import router as screening_router
from referrals.settings import ReferralsSettings, get_settings
from referrals.statistics.router import router as statistics_router
from referrals.subject.router import router as subject_router
from vru_shared.app import create_service_app

DESCRIPTION = """
Serious-violence intake, screening and Serious Violence Reviews; young people; multi-agency referrals to
forums and services; meetings, support plans; and the data-protection audit log. All personal data here
is about children and young people: every read and change is audited.
"""


def create_app(settings: ReferralsSettings | None = None) -> FastAPI:
    load_all_models()
    settings = settings or get_settings()
    return create_service_app(
        settings,
        title="VRU Referrals API",
        description=DESCRIPTION,
        routers=[
            reference_router,
            incident_router,
            screening_router,
            subject_router,
            review_router,
            statistics_router,
            audit_router,
        ],
        idempotency=idempotency_keys,
        tags=[
            {"name": "reference data", "description": "Districts and coordinator areas."},
            {
                "name": "incidents",
                "description": "Crime reports in (JSON and CSV), idempotent on the crime reference; screening.",
            },
            {"name": "young people", "description": "Young people matched across incidents; possible duplicates."},
            {"name": "reviews", "description": "Serious Violence Reviews: the coordinators' queue and lifecycle."},
            {"name": "statistics", "description": "Incident counts by district, month and category."},
            {"name": "audit log", "description": "Who did what with personal data (DPA 2018 s.62)."},
        ],
        extra_lifespan=lambda app: sealing(app, settings.audit_seal_interval_seconds),
        bulk_body_limits={"/v1/imports/": settings.import_max_body_bytes},
    )
