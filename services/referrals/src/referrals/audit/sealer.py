"""The background task that seals new audit entries into the chain and anchors its head outside the database."""

import logging
import time
from typing import NoReturn

from fastapi import FastAPI

from referrals.audit.service import Sealing, checkpoint, seal
from vru_shared.background import every

logger = logging.getLogger("referrals.audit")


async def seal_forever(app: FastAPI, interval_seconds: float, checkpoint_interval_seconds: float) -> NoReturn:
    sealing = Sealing.from_settings(app.state.settings)
    last_checkpoint = -float("inf")
    pending = False  # sealed since the last checkpoint

    async def seal_new() -> None:
        nonlocal last_checkpoint, pending
        async with app.state.sessionmaker() as session, session.begin():
            sealed = await seal(session, sealing)
        if sealed:
            pending = True
            logger.info("audit entries sealed", extra={"count": sealed})
        # Only what is committed is anchored: a checkpoint of a rolled-back seal would read as a cut chain.
        if pending and time.monotonic() - last_checkpoint >= checkpoint_interval_seconds:
            async with app.state.sessionmaker() as session, session.begin():
                mark = await checkpoint(session, sealing)
            last_checkpoint, pending = time.monotonic(), False
            if mark:
                logger.info("audit chain anchored", extra={"position": mark.position, "hash": mark.hash})

    await every(interval_seconds, seal_new, what="audit sealing", logger=logger)
