"""The background task that asks referrals again about crime references it could not check at the time."""

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator

from fastapi import FastAPI
from sqlalchemy.exc import SQLAlchemyError

from etp_inventory.clients.referrals import ReferralsClient
from etp_inventory.use_report.service import verify_pending
from vru_shared.http_client import ServiceClient

logger = logging.getLogger("etp_inventory.use_reports")


async def verify_forever(app: FastAPI, interval_seconds: float) -> None:
    while True:
        await asyncio.sleep(interval_seconds)
        peers: dict[str, ServiceClient] = getattr(app.state, "peers", {})
        client = peers.get("referrals")
        if client is None:
            continue
        try:
            async with app.state.sessionmaker() as session, session.begin():
                run = await verify_pending(session, referrals=ReferralsClient(client))
            if run.checked:
                logger.info("crime references verified", extra=run.model_dump())
        except (SQLAlchemyError, OSError):
            logger.warning("crime reference verification failed; will retry", exc_info=True)


@contextlib.asynccontextmanager
async def verifying(app: FastAPI, interval_seconds: float) -> AsyncIterator[None]:
    task = asyncio.create_task(verify_forever(app, interval_seconds))
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
