from collections.abc import Sequence
from typing import Any
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from identity.agency.service import check_exists as check_agency
from identity.hashing import SecretHasher
from identity.person.exceptions import ContactsQueryIncomplete, EmailTaken, GuardianNotFound, PersonNotFound
from identity.person.models import Person
from identity.person.repository import PersonRepository
from identity.person.schemas import PersonCreate, PersonRead, PersonUpdate
from identity.revocation import service as revocations
from identity.revocation.service import Reason
from vru_shared.auth import PrincipalKind, Role
from vru_shared.etag import check_if_match
from vru_shared.pagination import PageParams

#: People one contacts look-up answers at most (ids per request are capped at 100).
MAX_CONTACTS = 500


async def create(session: AsyncSession, *, data: PersonCreate, hasher: SecretHasher) -> Person:
    repo = PersonRepository(session)
    taken = EmailTaken(f"Someone with the e-mail {data.email} already exists.")
    if await repo.by_email(data.email) is not None:
        raise taken
    await check_agency(session, data.agency_id)
    password_hash = await hasher.hash(data.password) if data.password is not None else None
    person = Person(**data.model_dump(exclude={"password"}), password_hash=password_hash)
    if not await repo.add(person):
        raise taken
    return person


async def get(session: AsyncSession, *, person_id: UUID, for_update: bool = False) -> Person:
    person = await PersonRepository(session).get(person_id, for_update=for_update)
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


async def update(
    session: AsyncSession, *, person_id: UUID, data: PersonUpdate, if_match: str | None, hasher: SecretHasher
) -> Person:
    person = await get(session, person_id=person_id)
    check_if_match(if_match, person.version)
    values: dict[str, Any] = data.model_dump(exclude_none=True, exclude={"password"})
    if data.agency_id is not None and data.agency_id != person.agency_id:
        await check_agency(session, data.agency_id)
    if data.password is not None:
        values |= {"password_hash": await hasher.hash(data.password), "failed_attempts": 0, "locked_until": None}
    reason = _revocation_reason(person, data)
    person = await PersonRepository(session).update(person, values)
    if reason is not None:  # the tokens issued so far carry what changed, or belong to an account now closed
        await revocations.revoke(session, subject=person.id, kind=PrincipalKind.PERSON, reason=reason)
    return person


def _revocation_reason(person: Person, data: PersonUpdate) -> Reason | None:
    if data.active is False and person.active:
        return Reason.DEACTIVATED
    if (
        (data.roles is not None and set(data.roles) != set(person.roles))
        or (data.districts is not None and set(data.districts) != set(person.districts))
        or (data.agency_id is not None and data.agency_id != person.agency_id)
    ):
        return Reason.ACCESS_CHANGED
    if data.password is not None:
        return Reason.PASSWORD_CHANGED
    return None


async def unlock(session: AsyncSession, *, person_id: UUID) -> Person:
    """Clear the failed-login count and a lock an earlier version set (no change, no new version, when none)."""
    person = await get(session, person_id=person_id, for_update=True)  # no If-Match: one unlock after another
    return await PersonRepository(session).update(person, {"locked_until": None, "failed_attempts": 0})


async def contacts(
    session: AsyncSession, *, person_ids: Sequence[UUID], role: str | None, district: str | None
) -> Sequence[Person]:
    """Whom to send a notice to, with their e-mail: people by id, or a role's holders in a district (a role without
    a district, or a district without a role, would be a directory: refused). Neither: no one."""
    if (role is None) != (district is None):
        raise ContactsQueryIncomplete("Give role and district together (or person_id).")
    if not person_ids and role is None:
        return []
    return await PersonRepository(session).contacts(
        person_ids=person_ids, role=role, district=district, limit=MAX_CONTACTS
    )


async def find_guardian(session: AsyncSession, *, email: str) -> list[Person]:
    """The active guardian with this e-mail, as a list of none or one (a look-up, not a directory)."""
    guardian = await PersonRepository(session).guardian(email=email)
    return [guardian] if guardian is not None else []


async def get_guardian(session: AsyncSession, *, person_id: UUID) -> Person:
    guardian = await PersonRepository(session).guardian(person_id=person_id)
    if guardian is None:
        raise GuardianNotFound(f"There is no active guardian {person_id}.")
    return guardian
