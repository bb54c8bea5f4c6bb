from collections.abc import Sequence
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from identity.agency.repository import AgencyRepository
from identity.hashing import SecretHasher
from identity.person.exceptions import EmailTaken, PersonNotFound
from identity.person.models import Person
from identity.person.repository import PersonRepository
from identity.person.schemas import PersonCreate, PersonRead, PersonUpdate
from identity.problems import InvalidReference
from vru_shared.auth import Role
from vru_shared.etag import check_if_match
from vru_shared.pagination import PageParams


async def _check_agency(session: AsyncSession, agency_id: UUID) -> None:
    if not await AgencyRepository(session).exists(agency_id):
        raise InvalidReference("agency_id", f"There is no agency {agency_id}.")


async def create(session: AsyncSession, *, data: PersonCreate, hasher: SecretHasher) -> Person:
    repo = PersonRepository(session)
    taken = EmailTaken(f"Someone with the e-mail {data.email} already exists.")
    if await repo.by_email(data.email) is not None:
        raise taken
    await _check_agency(session, data.agency_id)
    person = Person(
        email=data.email,
        display_name=data.display_name,
        agency_id=data.agency_id,
        roles=[r.value for r in data.roles],
        districts=list(dict.fromkeys(data.districts)),
        password_hash=await hasher.hash(data.password) if data.password is not None else None,
        active=data.active,
    )
    if not await repo.add(person):
        raise taken
    return person


async def get(session: AsyncSession, *, person_id: UUID) -> Person:
    person = await PersonRepository(session).get(person_id)
    if person is None:
        raise PersonNotFound(f"There is no person {person_id}.")
    return person


async def list_people(
    session: AsyncSession, *, page: PageParams, agency_id: UUID | None, role: Role | None, active: bool | None
) -> Sequence[PersonRead]:
    rows = await PersonRepository(session).list(
        page, agency_id=agency_id, role=role.value if role is not None else None, active=active
    )
    return [PersonRead.model_validate(p) for p in rows]


async def _locked(session: AsyncSession, person_id: UUID) -> Person:
    person = await PersonRepository(session).get(person_id, for_update=True)
    if person is None:
        raise PersonNotFound(f"There is no person {person_id}.")
    return person


async def update(
    session: AsyncSession, *, person_id: UUID, data: PersonUpdate, if_match: str | None, hasher: SecretHasher
) -> Person:
    person = await _locked(session, person_id)
    check_if_match(if_match, person.version)
    changed = False
    if data.display_name is not None and data.display_name != person.display_name:
        person.display_name, changed = data.display_name, True
    if data.agency_id is not None and data.agency_id != person.agency_id:
        await _check_agency(session, data.agency_id)
        person.agency_id, changed = data.agency_id, True
    if data.roles is not None and [r.value for r in data.roles] != person.roles:
        person.roles, changed = [r.value for r in data.roles], True
    if data.districts is not None and list(dict.fromkeys(data.districts)) != person.districts:
        person.districts, changed = list(dict.fromkeys(data.districts)), True
    if data.active is not None and data.active != person.active:
        person.active, changed = data.active, True
    if data.password is not None:
        person.password_hash = await hasher.hash(data.password)
        person.failed_attempts, person.locked_until, changed = 0, None, True
    if changed:
        person.version += 1
        await session.flush()
    return person


async def unlock(session: AsyncSession, *, person_id: UUID) -> Person:
    """Clear a lockout and the failed-login count."""
    person = await _locked(session, person_id)
    if person.locked_until is not None or person.failed_attempts:
        person.locked_until, person.failed_attempts = None, 0
        person.version += 1
        await session.flush()
    return person
