"""The background task that seals new audit entries into the hash chain."""

import asyncio
import logging

from fastapi import FastAPI
from sqlalchemy.exc import SQLAlchemyError

from referrals.audit.service import seal

logger = logging.getLogger("referrals.audit")


async def seal_forever(app: FastAPI, interval_seconds: float) -> None:
    while True:
        await asyncio.sleep(interval_seconds)
        try:
            async with app.state.sessionmaker() as session, session.begin():
                sealed = await seal(session)
            if sealed:
                logger.info("audit entries sealed", extra={"count": sealed})
        except (SQLAlchemyError, OSError):
            logger.warning("audit sealing failed; will retry", exc_info=True)
