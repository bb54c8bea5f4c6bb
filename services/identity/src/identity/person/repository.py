from collections.abc import Sequence
from typing import Any
from uuid import UUID

from sqlalchemy import update
from sqlalchemy.orm.attributes import set_committed_value

from identity.person.models import Person
from vru_shared.pagination import PageParams
from vru_shared.repository import Repository


class PersonRepository(Repository[Person]):
    model = Person
    order = ("email",)

    async def by_email(self, email: str, *, for_update: bool = False) -> Person | None:
        stmt = self.statement().where(Person.email == email.strip().lower())
        return (await self.session.scalars(stmt.with_for_update() if for_update else stmt)).one_or_none()

    async def list(
        self, params: PageParams, *, agency_id: UUID | None, role: str | None, active: bool | None
    ) -> Sequence[Person]:
        filters = [
            *([] if agency_id is None else [Person.agency_id == agency_id]),
            *([] if role is None else [Person.roles.contains([role])]),
            *([] if active is None else [Person.active.is_(active)]),
        ]
        return await self.page(params, *filters)

    async def record_login(self, person: Person, **values: Any) -> None:
        """Login bookkeeping (failed attempts, lock, last login) written as is: it is not a change to the
        account, so it leaves the version — and an administrator's ETag — as they were."""
        stmt = update(Person).where(Person.id == person.id).values(**values)
        await self.session.execute(stmt.execution_options(synchronize_session=False))
        for name, value in values.items():
            set_committed_value(person, name, value)

    async def count_failed_login(self, person: Person) -> None:
        """One more failed login, counted in the database (no row lock held beforehand: concurrent failures
        each add one)."""
        stmt = update(Person).where(Person.id == person.id).values(failed_attempts=Person.failed_attempts + 1)
        await self.session.execute(stmt.execution_options(synchronize_session=False))

    async def rehash(self, person: Person, *, old: str, new: str) -> None:
        """Store ``new`` (the same password, hashed with the current parameters) unless the password was
        changed meanwhile."""
        stmt = update(Person).where(Person.id == person.id, Person.password_hash == old).values(password_hash=new)
        await self.session.execute(stmt.execution_options(synchronize_session=False))

    async def contacts(
        self, *, person_ids: Sequence[UUID], role: str | None, district: str | None, limit: int
    ) -> Sequence[Person]:
        """Active people by id, or holding ``role`` for ``district`` — whom the notifications service nudges."""
        stmt = self.statement().where(Person.active.is_(True))
        if person_ids:
            stmt = stmt.where(Person.id.in_(list(person_ids)))
        if role is not None:
            stmt = stmt.where(Person.roles.contains([role]))
        if district is not None:
            stmt = stmt.where(Person.districts.contains([district]))
        return (await self.session.scalars(stmt.order_by(Person.email).limit(limit))).all()

    async def guardian(self, *, person_id: UUID | None = None, email: str | None = None) -> Person | None:
        """An active person holding the guardian role, by id or by e-mail."""
        stmt = self.statement().where(Person.active.is_(True), Person.roles.contains(["guardian"]))
        if person_id is not None:
            stmt = stmt.where(Person.id == person_id)
        if email is not None:
            stmt = stmt.where(Person.email == email.strip().lower())
        return (await self.session.scalars(stmt)).one_or_none()
