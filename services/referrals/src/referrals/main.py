"""The referrals service: Serious Violence Reviews and multi-agency referrals (DESIGN §4)."""

import asyncio
import contextlib
from collections.abc import AsyncIterator

from fastapi import FastAPI

from referrals.audit.router import router as audit_router
from referrals.audit.sealer import seal_forever
from referrals.casefile.router import router as subject_router
from referrals.db import event_outbox, idempotency_keys
from referrals.incident.router import router as incident_router
from referrals.intake.router import router as intake_router
from referrals.meeting.router import actions_router
from referrals.meeting.router import router as meeting_router
from referrals.models import load_all_models
from referrals.overdue.service import announce_forever
from referrals.privacy.router import router as privacy_router
from referrals.reference.router import router as reference_router
from referrals.referral.outbox import send_forever
from referrals.referral.router import router as referral_router
from referrals.review.router import router as review_router
from referrals.screening.router import router as screening_router
from referrals.screening.service import purge_forever
from referrals.settings import ReferralsSettings, get_settings
from referrals.statistics.router import router as statistics_router
from referrals.support.router import router as support_router
from vru_shared.app import create_service_app
from vru_shared.events import relay_forever

DESCRIPTION = """
Serious-violence intake, screening and Serious Violence Reviews; young people; multi-agency referrals to
forums and services; meetings, support plans; and the data-protection audit log. All personal data here
is about children and young people: every read and change is audited.
"""


def create_app(settings: ReferralsSettings | None = None) -> FastAPI:
    load_all_models()
    settings = settings or get_settings()
    settings.review_target  # noqa: B018 - the bank holidays are read (and a bad list refused) at start-up

    @contextlib.asynccontextmanager
    async def background(app: FastAPI) -> AsyncIterator[None]:
        """The audit sealer, the funding outbox sender, the event relay, the overdue announcer and the retention
        of screened-out incidents' people, while the app runs."""
        tasks = [
            asyncio.create_task(
                seal_forever(app, settings.audit_seal_interval_seconds, settings.audit_checkpoint_interval_seconds)
            ),
            asyncio.create_task(
                send_forever(app, settings.funding_count_interval_seconds, settings.funding_count_max_backoff_seconds)
            ),
            asyncio.create_task(relay_forever(app, event_outbox, settings.events_relay_interval_seconds)),
            asyncio.create_task(
                announce_forever(app, settings.overdue_announce_interval_seconds, settings.review_target)
            ),
            asyncio.create_task(
                purge_forever(app, settings.screened_out_purge_interval_seconds, settings.screened_out_retention_days)
            ),
        ]
        try:
            yield
        finally:
            for task in tasks:
                task.cancel()
            for task in tasks:
                with contextlib.suppress(asyncio.CancelledError):
                    await task

    return create_service_app(
        settings,
        title="VRU Referrals API",
        description=DESCRIPTION,
        routers=[
            reference_router,
            intake_router,
            incident_router,
            screening_router,
            subject_router,
            review_router,
            referral_router,
            meeting_router,
            actions_router,
            support_router,
            statistics_router,
            audit_router,
            privacy_router,
        ],
        idempotency=idempotency_keys,
        tags=[
            {
                "name": "reference data",
                "description": "Districts, coordinator areas, offence categories, forums, partner agencies.",
            },
            {
                "name": "incidents",
                "description": "Crime reports in (JSON and CSV), idempotent on the crime reference; screening.",
            },
            {"name": "young people", "description": "Young people matched across incidents; possible duplicates."},
            {"name": "reviews", "description": "Serious Violence Reviews: the coordinators' queue and lifecycle."},
            {
                "name": "referrals",
                "description": "Referrals to forums and services; what the receiving partner agency sees and does.",
            },
            {"name": "meetings", "description": "Forum sittings: agendas, decisions, minutes."},
            {"name": "meeting actions", "description": "Actions agreed at meetings; overdue per agency and area."},
            {"name": "support plans", "description": "Interventions agreed for a young person, with outcomes."},
            {"name": "statistics", "description": "Incident counts by district, month and category."},
            {"name": "audit log", "description": "Who did what with personal data (DPA 2018 s.62)."},
            {"name": "data protection", "description": "Subject-access export; retention review and erasure."},
        ],
        extra_lifespan=background,
        bulk_body_limits={"/v1/imports/": settings.import_max_body_bytes},
    )
