"""Signing secrets are encrypted at rest (docs/security.md, "Secrets at rest"): the row holds no ``whsec_``, the
worker still signs with the secret shown at creation, a rotated key list still decrypts, and the migration
encrypts the rows it finds (and its downgrade decrypts them)."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from pydantic import SecretStr, ValidationError
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from notifications.settings import DEVELOPMENT_SECRET_ENCRYPTION_KEY, NotificationsSettings
from notifications.webhook.reencrypt import reencrypt
from notifications.webhook.secret_box import SecretBox, SecretUndecryptable
from notifications.webhook.worker import deliver_due
from vru_dev.kits.notifications import Receiver
from vru_dev.testing import TestIssuer, service_root
from vru_shared import migrations

PATH = "/v1/webhook-subscriptions"
AGENCY = uuid.uuid4()
STRONG = "Kq3-7vT9-notifications-test-key-not-a-default-2Lw"


def partner(issuer: TestIssuer) -> dict[str, str]:
    return issuer.headers(roles=["partner_agency"], agency=AGENCY)


async def stored_row(app: FastAPI, subscription_id: str) -> dict[str, Any]:
    """The subscription's row as PostgreSQL holds it (plain SQL, every column)."""
    async with app.state.sessionmaker() as session:
        row = (
            await session.execute(
                text("SELECT * FROM notifications.subscriptions WHERE id = :id"), {"id": uuid.UUID(subscription_id)}
            )
        ).one()
    return dict(row._mapping)


async def test_no_secret_in_the_row_and_a_delivery_verifies(
    app: FastAPI, client: httpx.AsyncClient, issuer: TestIssuer
) -> None:
    receiver = Receiver().start()
    try:
        created = await client.post(
            PATH, json={"url": receiver.url, "event_types": ["referral.sent"]}, headers=partner(issuer)
        )
        assert created.status_code == 201, created.text
        secret = created.json()["secret"]
        rotated = (await client.post(f"{PATH}/{created.json()['id']}/secret", headers=partner(issuer))).json()
        row = await stored_row(app, created.json()["id"])
        for value in row.values():
            assert "whsec_" not in str(value), row
        assert secret.removeprefix("whsec_") not in str(row)
        assert rotated["secret"].removeprefix("whsec_") not in str(row)

        record = uuid.uuid4()
        event = {
            "id": str(uuid.uuid4()),
            "type": "referral.sent",
            "occurred_at": "2026-12-03T16:00:00Z",
            "data": {"id": str(record), "status": "sent", "links": {"self": f"/v1/referrals/{record}"}},
            "audience": {"agencies": [str(AGENCY)], "staff": False},
        }
        service = issuer.headers(roles=["service"], kind="client", client_id="referrals-service")
        assert (await client.post("/v1/events", json={"events": [event]}, headers=service)).status_code == 200
        assert await deliver_due(app.state.sessionmaker, app.state.webhook_http, app.state.settings) == 1
        [received] = receiver.received
        assert received.verify(secret)["type"] == "referral.sent"  # the secret shown at creation (in the overlap)
        assert received.verify(rotated["secret"])["type"] == "referral.sent"
    finally:
        receiver.stop()


def test_key_rotation_first_encrypts_every_one_decrypts() -> None:
    old = SecretBox([DEVELOPMENT_SECRET_ENCRYPTION_KEY])
    token = old.encrypt("whsec_abc")
    both = SecretBox([STRONG, DEVELOPMENT_SECRET_ENCRYPTION_KEY])
    assert both.decrypt(token) == "whsec_abc"
    moved = both.reencrypt(token)
    assert SecretBox([STRONG]).decrypt(moved) == "whsec_abc"
    with pytest.raises(SecretUndecryptable):
        SecretBox([STRONG]).decrypt(token)


def test_the_development_key_is_refused_outside_development(db_urls: dict[str, str]) -> None:
    common: dict[str, Any] = {
        "environment": "production",
        "database_url": "postgresql+asyncpg://notifications:" + STRONG + "@db.example.org/vru",
        "client_secret": STRONG,
        "notify_api_key": f"vru_live-{uuid.UUID(int=1)}-{uuid.UUID(int=2)}",  # a live GOV.UK Notify key
    }
    with pytest.raises(ValidationError, match=r"secret_encryption_keys\[0\]"):
        NotificationsSettings(**common)
    with pytest.raises(ValidationError, match=r"secret_encryption_keys\[1\]"):
        NotificationsSettings(**common, secret_encryption_keys=[STRONG, "dev-old-key"])
    settings = NotificationsSettings(**common, secret_encryption_keys=[SecretStr(STRONG)])
    assert settings.secret_box.decrypt(settings.secret_box.encrypt("whsec_x")) == "whsec_x"


async def test_the_migration_encrypts_existing_secrets_and_its_downgrade_decrypts(db_urls: dict[str, str]) -> None:
    url, root = db_urls["notifications"], service_root("notifications")
    box = NotificationsSettings().secret_box  # what the migration uses: the environment's keys
    subscription = uuid.uuid4()
    engine = create_async_engine(url)
    try:
        await migrations.downgrade(root, url, "n1_webhooks")
        async with engine.begin() as connection:
            await connection.execute(
                text(
                    "INSERT INTO notifications.subscriptions (id, url, event_types, secret, previous_secret, "
                    "created_by) VALUES (:id, 'https://hooks.example.org/x', ARRAY['referral.sent'], 'whsec_now', "
                    "'whsec_before', 'migration-test')"
                ),
                {"id": subscription},
            )
        await migrations.upgrade(root, url)
        async with engine.connect() as connection:
            row = (
                await connection.execute(
                    text(
                        "SELECT secret_encrypted, previous_secret_encrypted FROM notifications.subscriptions "
                        "WHERE id = :id"
                    ),
                    {"id": subscription},
                )
            ).one()
        assert "whsec_" not in f"{row[0]}{row[1]}"
        assert (box.decrypt(row[0]), box.decrypt(row[1])) == ("whsec_now", "whsec_before")
        await migrations.downgrade(root, url, "n1_webhooks")
        async with engine.connect() as connection:
            plain = (
                await connection.execute(
                    text("SELECT secret, previous_secret FROM notifications.subscriptions WHERE id = :id"),
                    {"id": subscription},
                )
            ).one()
        assert tuple(plain) == ("whsec_now", "whsec_before")
    finally:
        await migrations.upgrade(root, url)
        async with engine.begin() as connection:
            delete = text("DELETE FROM notifications.subscriptions WHERE id = :id")
            await connection.execute(delete, {"id": subscription})
        await engine.dispose()


async def test_reencrypt_moves_every_secret_to_the_new_key(
    app: FastAPI, client: httpx.AsyncClient, issuer: TestIssuer
) -> None:
    created = await client.post(
        PATH, json={"url": "http://127.0.0.1:9/hooks", "event_types": ["referral.sent"]}, headers=partner(issuer)
    )
    secret = created.json()["secret"]
    rotated = (await client.post(f"{PATH}/{created.json()['id']}/secret", headers=partner(issuer))).json()["secret"]
    assert await reencrypt(app.state.sessionmaker, SecretBox([STRONG, DEVELOPMENT_SECRET_ENCRYPTION_KEY])) >= 1
    row = await stored_row(app, created.json()["id"])
    new_only = SecretBox([STRONG])
    assert new_only.decrypt(row["secret_encrypted"]) == rotated
    assert new_only.decrypt(row["previous_secret_encrypted"]) == secret
    with pytest.raises(SecretUndecryptable):
        SecretBox([DEVELOPMENT_SECRET_ENCRYPTION_KEY]).decrypt(row["secret_encrypted"])

    # a key dropped too early: the delivery is logged as refused, not sent unsigned, and the worker carries on
    record = uuid.uuid4()
    event = {
        "id": str(uuid.uuid4()),
        "type": "referral.sent",
        "occurred_at": "2026-12-03T16:00:00Z",
        "data": {"id": str(record), "status": "sent", "links": {"self": f"/v1/referrals/{record}"}},
        "audience": {"agencies": [str(AGENCY)], "staff": False},
    }
    service = issuer.headers(roles=["service"], kind="client", client_id="referrals-service")
    assert (await client.post("/v1/events", json={"events": [event]}, headers=service)).status_code == 200
    assert await deliver_due(app.state.sessionmaker, app.state.webhook_http, app.state.settings) == 1
    log = (await client.get(f"{PATH}/{created.json()['id']}/deliveries", headers=partner(issuer))).json()["items"]
    assert log[0]["last_error"].startswith("refused: secret-undecryptable")
