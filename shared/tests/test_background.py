"""A background loop survives any failure of a round (an outbox that sent once and never again)."""

import asyncio
import contextlib
import logging

from vru_shared.background import every


async def test_a_failed_round_does_not_end_the_loop() -> None:
    rounds: list[int] = []

    async def work() -> None:
        rounds.append(len(rounds))
        if len(rounds) == 1:
            raise RuntimeError("an unexpected body")  # not a database or network error

    task = asyncio.create_task(every(0.01, work, what="test work", logger=logging.getLogger("test")))
    for _ in range(200):
        await asyncio.sleep(0.01)
        if len(rounds) >= 3:
            break
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
    assert len(rounds) >= 3
