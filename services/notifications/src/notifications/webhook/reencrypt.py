"""Re-encrypt every stored webhook signing secret under the first key of ``NOTIFICATIONS_SECRET_ENCRYPTION_KEYS``.

The second step of a key rotation (docs/operations.md, "Webhook secret keys"): with the new key first and the old
one still listed, run ``python -m notifications.webhook.reencrypt`` once (in a notifications container, with its
environment); then the old key can be dropped. One transaction: all rows or none. Safe to run again.
"""

from __future__ import annotations

import asyncio
import sys

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from notifications.models import load_all_models
from notifications.settings import NotificationsSettings, get_settings
from notifications.webhook.repository import SubscriptionRepository
from notifications.webhook.secret_box import SecretBox
from vru_shared.db import create_engine


async def reencrypt(sessionmaker: async_sessionmaker[AsyncSession], box: SecretBox) -> int:
    """Re-encrypt every subscription's secrets under ``box``'s first key; returns how many subscriptions."""
    async with sessionmaker() as session, session.begin():
        return await SubscriptionRepository(session).rewrite_secrets(box.reencrypt)


async def _main(settings: NotificationsSettings) -> int:
    engine = create_engine(settings)
    try:
        return await reencrypt(async_sessionmaker(engine, expire_on_commit=False), settings.secret_box)
    finally:
        await engine.dispose()


def main() -> None:
    load_all_models()
    count = asyncio.run(_main(get_settings()))
    sys.stdout.write(f"re-encrypted the signing secrets of {count} webhook subscriptions under the first key\n")


if __name__ == "__main__":
    main()
