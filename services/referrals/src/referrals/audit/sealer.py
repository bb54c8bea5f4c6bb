"""The background task that seals new audit entries into the hash chain."""

import logging
from typing import NoReturn

from fastapi import FastAPI

from referrals.audit.service import seal
from vru_shared.background import every

logger = logging.getLogger("referrals.audit")


async def seal_forever(app: FastAPI, interval_seconds: float) -> NoReturn:
    async def seal_new() -> None:
        async with app.state.sessionmaker() as session, session.begin():
            sealed = await seal(session)
        if sealed:
            logger.info("audit entries sealed", extra={"count": sealed})

    await every(interval_seconds, seal_new, what="audit sealing", logger=logger)
