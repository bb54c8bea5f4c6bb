"""The background task that asks referrals again about crime references it could not check at the time."""

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from typing import NoReturn

from fastapi import FastAPI

from etp_inventory.clients.referrals import ReferralsClient
from etp_inventory.use_report.service import verify_pending
from vru_shared.background import every
from vru_shared.http_client import ServiceClient

logger = logging.getLogger("etp_inventory.use_reports")


async def verify_forever(app: FastAPI, interval_seconds: float) -> NoReturn:
    async def verify_due() -> None:
        peers: dict[str, ServiceClient] = getattr(app.state, "peers", {})
        client = peers.get("referrals")
        if client is None:
            return
        async with app.state.sessionmaker() as session, session.begin():
            run = await verify_pending(session, referrals=ReferralsClient(client))
        if run.checked:
            logger.info("crime references verified", extra=run.model_dump())

    await every(interval_seconds, verify_due, what="crime reference verification", logger=logger)


@contextlib.asynccontextmanager
async def verifying(app: FastAPI, interval_seconds: float) -> AsyncIterator[None]:
    task = asyncio.create_task(verify_forever(app, interval_seconds))
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
