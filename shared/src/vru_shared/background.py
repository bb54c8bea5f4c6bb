"""Background loops (audit sealing, outboxes, re-checks): one shape, and a loop that never dies.

A loop that let an unexpected exception escape ended silently, and its work stopped until the process
restarted (an outbox that sent once and never again). :func:`every` runs one round per interval, logs any
failure with its type, and tries again at the next interval.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import NoReturn


async def every(seconds: float, work: Callable[[], Awaitable[None]], *, what: str, logger: logging.Logger) -> NoReturn:
    """Run ``work`` every ``seconds`` until cancelled; a failed round is logged and the next one runs anyway."""
    while True:
        await asyncio.sleep(seconds)
        try:
            await work()
        except Exception as exc:
            logger.warning("%s failed; will retry", what, extra={"error": type(exc).__name__}, exc_info=True)
