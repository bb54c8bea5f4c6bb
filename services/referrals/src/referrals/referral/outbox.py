"""The background sender of the funding outbox (link 4): counts of referrals funded projects accepted.

Sleep first, then work (like the audit sealer): each round sends the due counts in one transaction; a count
that cannot be delivered waits with exponential backoff; a refused one stops being retried."""

import logging
from dataclasses import asdict
from datetime import UTC, datetime
from typing import NoReturn

from fastapi import FastAPI

from referrals.clients.funding import PEER, FundingClient
from referrals.referral.service import deliver_funding_counts
from vru_shared.background import every
from vru_shared.http_client import ServiceClient

logger = logging.getLogger("referrals.funding_counts")


async def send_forever(app: FastAPI, interval_seconds: float, max_backoff_seconds: float) -> NoReturn:
    async def send_due() -> None:
        peers: dict[str, ServiceClient] = getattr(app.state, "peers", {})
        client = peers.get(PEER)
        if client is None:
            return
        async with app.state.sessionmaker() as session, session.begin():
            run = await deliver_funding_counts(
                session,
                funding=FundingClient(client),
                now=datetime.now(UTC),
                base_delay_seconds=interval_seconds,
                max_delay_seconds=max_backoff_seconds,
            )
        if run.delivered or run.refused or run.failed:
            logger.info("funding counts sent", extra=asdict(run))

    await every(interval_seconds, send_due, what="sending funding counts", logger=logger)
