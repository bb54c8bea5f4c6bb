from collections.abc import Sequence
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from identity.person.models import Person
from vru_shared.db import add_unless_duplicate
from vru_shared.pagination import PageParams, keyset


class PersonRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, person_id: UUID, *, for_update: bool = False) -> Person | None:
        stmt = select(Person).where(Person.id == person_id)
        if for_update:
            stmt = stmt.with_for_update()
        return (await self.session.scalars(stmt)).one_or_none()

    async def by_email(self, email: str, *, for_update: bool = False) -> Person | None:
        stmt = select(Person).where(Person.email == email.strip().lower())
        if for_update:
            stmt = stmt.with_for_update()
        return (await self.session.scalars(stmt)).one_or_none()

    async def list(
        self, page: PageParams, *, agency_id: UUID | None, role: str | None, active: bool | None
    ) -> Sequence[Person]:
        stmt = select(Person)
        if agency_id is not None:
            stmt = stmt.where(Person.agency_id == agency_id)
        if role is not None:
            stmt = stmt.where(Person.roles.contains([role]))
        if active is not None:
            stmt = stmt.where(Person.active.is_(active))
        return (await self.session.scalars(keyset(stmt, page, Person.email))).all()

    async def add(self, person: Person) -> bool:
        """Insert; False when the e-mail is already taken (also by a concurrent request)."""
        return await add_unless_duplicate(self.session, person)
