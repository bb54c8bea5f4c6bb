"""Development data (``vru up``) and the start-up signing key.

``seed_development`` is idempotent: it finds agencies, people and API clients by their natural keys (code,
e-mail, client_id) and brings them to the values below, never duplicating. All people and organisations
here are made up; e-mails are under example.org.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Literal

from sqlalchemy.ext.asyncio import AsyncSession

from identity.agency.models import Agency, AgencyKind
from identity.agency.repository import AgencyRepository
from identity.client.models import ApiClient
from identity.client.repository import ApiClientRepository
from identity.hashing import SecretHasher
from identity.person.models import Person
from identity.person.repository import PersonRepository
from identity.signing_key import service as signing_keys
from identity.signing_key.keys import KeyRing
from vru_shared.auth import Role
from vru_shared.kent_medway import DISTRICT_CODES

#: Seeded records get stable ids (uuid5 of their natural key) so other services' seed data can name them.
SEED_NAMESPACE = uuid.UUID("b7e0c3a4-1d2f-4c6e-9a8b-5f4e3d2c1b0a")
DEV_PASSWORD = "vru-dev-password"
POLICE_FEED_SECRET = "dev-only-police-feed-secret"
SERVICE_CLIENT_IDS = {
    "referrals": "referrals-service",
    "funding": "funding-service",
    "etp_inventory": "etp-inventory-service",
    "notifications": "notifications-service",
}


def seed_id(kind: str, key: str) -> uuid.UUID:
    return uuid.uuid5(SEED_NAMESPACE, f"{kind}:{key}")


@dataclass(frozen=True, slots=True)
class DevCredential:
    """A development login that ``vru up`` prints."""

    kind: Literal["person", "client"]
    login: str
    secret: str
    roles: tuple[str, ...]
    note: str = ""


AGENCIES: tuple[tuple[str, str, AgencyKind], ...] = (
    ("vru", "Kent & Medway Violence Reduction Unit", AgencyKind.VRU),
    ("kent-police", "Kent Police", AgencyKind.POLICE),
    ("kent-county-council", "Kent County Council", AgencyKind.COUNCIL),
    ("medway-council", "Medway Council", AgencyKind.COUNCIL),
    ("childrens-social-work-services", "Children's Social Work Services", AgencyKind.COUNCIL),
    ("youth-justice-service", "Youth Justice Service", AgencyKind.COUNCIL),
    ("young-peoples-substance-misuse-service", "Young People's Substance Misuse Service", AgencyKind.HEALTH),
    ("national-probation-service", "National Probation Service", AgencyKind.PROBATION),
    ("riverside-youth-trust", "Riverside Youth Trust (fictional charity)", AgencyKind.CHARITY),
)


@dataclass(frozen=True, slots=True)
class _PersonSeed:
    email: str
    display_name: str
    agency: str
    role: Role
    districts: tuple[str, ...] = ()
    note: str = ""


PEOPLE: tuple[_PersonSeed, ...] = (
    _PersonSeed("analyst@example.org", "Development analyst", "vru", Role.ANALYST, note="all districts"),
    _PersonSeed(
        "coordinator.medway-swale@example.org",
        "Development coordinator, Medway & Swale",
        "vru",
        Role.COORDINATOR,
        ("medway", "swale"),
        "districts medway, swale",
    ),
    _PersonSeed(
        "csp.medway@example.org", "Development CSP officer, Medway", "medway-council", Role.CSP_OFFICER, ("medway",)
    ),
    _PersonSeed("guardian@example.org", "Development pack guardian", "riverside-youth-trust", Role.GUARDIAN),
    _PersonSeed(
        "partner@example.org",
        "Development partner-agency worker",
        "childrens-social-work-services",
        Role.PARTNER_AGENCY,
        note="Children's Social Work Services",
    ),
    _PersonSeed("admin@example.org", "Development administrator", "vru", Role.ADMIN),
    _PersonSeed("director@example.org", "Development director", "vru", Role.DIRECTOR),
    _PersonSeed("programme.officer@example.org", "Development programme officer", "vru", Role.PROGRAMME_OFFICER),
    _PersonSeed("auditor@example.org", "Development auditor", "vru", Role.AUDITOR),
)


@dataclass(frozen=True, slots=True)
class _ClientSeed:
    client_id: str
    name: str
    agency: str
    roles: tuple[Role, ...]
    secret: str
    scopes: tuple[str, ...] = ()
    districts: tuple[str, ...] = field(default=DISTRICT_CODES)
    note: str = ""


async def seed_development(
    session: AsyncSession, *, service_secrets: Mapping[str, str], hasher: SecretHasher | None = None
) -> list[DevCredential]:
    """Create or update the development agencies, people and API clients; return their credentials.

    ``service_secrets`` holds each VRU service's own client secret by service name (``referrals``,
    ``funding``, ``etp_inventory``); services missing from it get no client.
    """
    hasher = hasher or SecretHasher()
    agencies = {code: await _agency(session, code, name, kind) for code, name, kind in AGENCIES}
    credentials: list[DevCredential] = []
    for seed in PEOPLE:
        await _person(session, seed, agencies[seed.agency].id, hasher)
        credentials.append(DevCredential("person", seed.email, DEV_PASSWORD, (seed.role.value,), seed.note))
    clients = [
        _ClientSeed(
            "police-crime-feed",
            "Kent Police daily crime feed (development)",
            "kent-police",
            (),  # ingest only: no role, so it can submit crime reports and read nothing
            POLICE_FEED_SECRET,
            scopes=("incidents:ingest",),
            note="scope incidents:ingest (submits crime reports, reads nothing)",
        )
    ]
    clients += [
        _ClientSeed(
            client_id, f"VRU {service.replace('_', ' ')} service", "vru", (Role.SERVICE,), service_secrets[service]
        )
        for service, client_id in SERVICE_CLIENT_IDS.items()
        if service in service_secrets
    ]
    for client in clients:
        await _client(session, client, agencies[client.agency].id, hasher)
        credentials.append(
            DevCredential("client", client.client_id, client.secret, tuple(r.value for r in client.roles), client.note)
        )
    await session.flush()
    return credentials


async def _agency(session: AsyncSession, code: str, name: str, kind: AgencyKind) -> Agency:
    repo = AgencyRepository(session)
    agency = await repo.get_by(code=code)
    if agency is None:
        agency = Agency(id=seed_id("agency", code), code=code, name=name, kind=kind.value)
        await repo.add(agency)
    else:
        agency.name, agency.kind = name, kind.value  # the ORM writes (and versions) only a real change
    return agency


async def _person(session: AsyncSession, seed: _PersonSeed, agency_id: uuid.UUID, hasher: SecretHasher) -> None:
    repo = PersonRepository(session)
    person = await repo.by_email(seed.email)
    if person is None:
        await repo.add(
            Person(
                id=seed_id("person", seed.email),
                email=seed.email,
                display_name=seed.display_name,
                agency_id=agency_id,
                roles=[seed.role.value],
                districts=list(seed.districts),
                password_hash=await hasher.hash(DEV_PASSWORD),
                active=True,
            )
        )
        return
    # The ORM writes (and versions) only what really changes.
    person.display_name, person.agency_id, person.roles = seed.display_name, agency_id, [seed.role.value]
    person.districts, person.active, person.failed_attempts, person.locked_until = list(seed.districts), True, 0, None
    if not await hasher.verify(person.password_hash, DEV_PASSWORD):
        person.password_hash = await hasher.hash(DEV_PASSWORD)


async def _client(session: AsyncSession, seed: _ClientSeed, agency_id: uuid.UUID, hasher: SecretHasher) -> None:
    repo = ApiClientRepository(session)
    client = await repo.get_by(client_id=seed.client_id)
    roles = [r.value for r in seed.roles]
    wanted = (seed.name, agency_id, roles, list(seed.districts), sorted(seed.scopes), True)
    if client is None:
        await repo.add(
            ApiClient(
                id=seed_id("client", seed.client_id),
                client_id=seed.client_id,
                name=seed.name,
                agency_id=agency_id,
                roles=roles,
                districts=list(seed.districts),
                scopes=sorted(seed.scopes),
                secret_hash=await hasher.hash(seed.secret),
                secret_rotated_at=datetime.now(UTC),
                active=True,
            )
        )
        return
    client.name, client.agency_id, client.roles, client.districts, client.scopes, client.active = wanted
    if not await hasher.verify(client.secret_hash, seed.secret):
        client.secret_hash, client.secret_rotated_at = await hasher.hash(seed.secret), datetime.now(UTC)


async def ensure_signing_key(session: AsyncSession, *, passphrase: bytes, ring: KeyRing | None = None) -> str:
    """Start-up: make sure an active signing key exists and the passphrase opens it; returns its kid."""
    return await signing_keys.ensure_active(session, passphrase=passphrase, ring=ring)


__all__: Sequence[str] = ["DevCredential", "ensure_signing_key", "seed_development", "seed_id"]
