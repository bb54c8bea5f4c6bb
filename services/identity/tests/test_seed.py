"""Development seed data: idempotent, and every printed credential works."""

from __future__ import annotations

import httpx
from fastapi import FastAPI
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from identity.client.models import ApiClient
from identity.hashing import SecretHasher
from identity.person.models import Person
from identity.seed import DevCredential, seed_development
from vru_dev.kits.identity import client_token, password_token

SECRETS = {"referrals": "s-referrals-0123456789", "funding": "s-funding-0123456789", "etp_inventory": "s-etp-0123"}


async def counts(maker: async_sessionmaker[AsyncSession]) -> tuple[int, int]:
    async with maker() as session:
        people = await session.scalar(select(func.count()).select_from(Person))
        clients = await session.scalar(select(func.count()).select_from(ApiClient))
    return int(people or 0), int(clients or 0)


async def test_seed_is_idempotent_and_credentials_work(app: FastAPI, client: httpx.AsyncClient) -> None:
    maker: async_sessionmaker[AsyncSession] = app.state.sessionmaker
    hasher: SecretHasher = app.state.hasher
    before = await counts(maker)
    results: list[list[DevCredential]] = []
    for _ in range(2):
        async with maker() as session:
            results.append(await seed_development(session, service_secrets=SECRETS, hasher=hasher))
            await session.commit()
    assert results[0] == results[1]
    people, clients = await counts(maker)
    assert people - before[0] == 9
    assert clients - before[1] == 4

    credentials = results[0]
    logins = {c.login for c in credentials}
    assert {"coordinator.medway-swale@example.org", "police-crime-feed", "etp-inventory-service"} <= logins
    assert all(c.login.endswith("@example.org") for c in credentials if c.kind == "person")
    for credential in credentials:
        if credential.kind == "person":
            response = await password_token(client, credential.login, credential.secret)
        else:
            response = await client_token(client, credential.login, credential.secret)
        assert response.status_code == 200, (credential.login, response.text)
    service = next(c for c in credentials if c.login == "funding-service")
    assert service.secret == SECRETS["funding"]
    assert service.roles == ("service",)


async def test_reseeding_restores_a_changed_secret(app: FastAPI, client: httpx.AsyncClient) -> None:
    maker: async_sessionmaker[AsyncSession] = app.state.sessionmaker
    hasher: SecretHasher = app.state.hasher
    async with maker() as session:
        await seed_development(session, service_secrets=SECRETS, hasher=hasher)
        await session.commit()
    async with maker() as session:
        await seed_development(session, service_secrets=SECRETS | {"funding": "a-new-funding-secret"}, hasher=hasher)
        await session.commit()
    assert (await client_token(client, "funding-service", SECRETS["funding"])).status_code == 401
    assert (await client_token(client, "funding-service", "a-new-funding-secret")).status_code == 200
