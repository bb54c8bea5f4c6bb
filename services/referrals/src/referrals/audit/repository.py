from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any, TypeVar
from uuid import UUID

from sqlalchemy import ColumnElement, Select, bindparam, func, insert, literal, select

from referrals.audit.models import AuditEntry, AuditSeal
from vru_shared.pagination import PageParams
from vru_shared.repository import Repository

T = TypeVar("T")

#: Serialises sealing: one sealer at a time extends the chain.
SEAL_LOCK = 0x5EA1_A0D1


def with_audit_row(
    read: Select[T], values: Mapping[str, object], record_ids: Select[Any], *, computed: Sequence[str] = ()
) -> Select[T]:
    """``read`` with its audit entry attached as a CTE: ``WITH audit AS (INSERT INTO audit_log … SELECT …)
    SELECT …`` — the read and its audit row in one statement, one round trip, in the same transaction.

    ``values`` are the entry's fields but ``record_ids`` (:func:`referrals.audit.service.entry`);
    ``record_ids`` selects one ``text[]`` per entry to write, with the read's own filters (visibility
    included), so a record the caller cannot see is neither returned nor audited. PostgreSQL runs a
    data-modifying CTE exactly once, whether or not the read refers to it. ``computed``: the fields that
    ``record_ids`` selects after the ids, where the entry's value depends on the record read (an incident read's
    purpose); they are left out of ``values``.
    """
    table = AuditEntry.__table__
    ids = record_ids.subquery("audited")
    given = {name: value for name, value in values.items() if name not in computed}
    rows = select(*(literal(value, table.c[name].type) for name, value in given.items()), *ids.c)
    entry = insert(AuditEntry).from_select([*given, "record_ids", *computed], rows)
    return read.add_cte(entry.cte("audit"))


#: The fields of an audit entry but its ``record_ids``, as :func:`referrals.audit.service.entry` gives them.
ENTRY_FIELDS = (
    "actor_subject",
    "actor_name",
    "actor_kind",
    "actor_client_id",
    "agency_id",
    "roles",
    "action",
    "record_type",
    "purpose",
    "request_id",
    "client_request_id",
)


def with_bound_audit_row(read: Select[T], record_ids: Select[Any]) -> Select[T]:
    """:func:`with_audit_row` for a statement built once (at import) and executed many times: the entry's fields
    are bound parameters (``audit_<field>``, from :func:`audit_parameters`), not values, so the statement's cache
    key and compiled form are computed once, not per request (issue 17)."""
    table = AuditEntry.__table__
    ids = record_ids.subquery("audited")
    rows = select(*(bindparam(f"audit_{name}", type_=table.c[name].type) for name in ENTRY_FIELDS), *ids.c)
    entry = insert(AuditEntry).from_select([*ENTRY_FIELDS, "record_ids"], rows)
    return read.add_cte(entry.cte("audit"))


def audit_parameters(values: Mapping[str, object]) -> dict[str, object]:
    """The parameters of :func:`with_bound_audit_row`'s entry, from :func:`referrals.audit.service.entry`."""
    return {f"audit_{name}": values[name] for name in ENTRY_FIELDS}


class AuditRepository(Repository[AuditEntry]):
    """The append-only audit log (never updated or deleted) and its hash chain."""

    model = AuditEntry

    async def append(self, values: dict[str, object]) -> None:
        await self.session.execute(insert(AuditEntry).values(**values))

    @staticmethod
    def _filters(
        *,
        actor: str | None = None,
        record_id: str | None = None,
        action: str | None = None,
        record_type: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        agency: UUID | None = None,
        purpose: str | None = None,
    ) -> list[ColumnElement[bool]]:
        filters: list[ColumnElement[bool]] = []
        if actor:
            filters.append(AuditEntry.actor_subject == actor)
        if record_id:
            filters.append(AuditEntry.record_ids.contains([record_id]))
        if action:
            filters.append(AuditEntry.action == action)
        if record_type:
            filters.append(AuditEntry.record_type == record_type)
        if since:
            filters.append(AuditEntry.occurred_at >= since)
        if until:
            filters.append(AuditEntry.occurred_at < until)
        if agency:
            filters.append(AuditEntry.agency_id == agency)
        if purpose:
            escaped = purpose.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            filters.append(AuditEntry.purpose.ilike(f"%{escaped}%", escape="\\"))
        return filters

    async def search(self, page: PageParams, **filters: Any) -> Sequence[AuditEntry]:
        """Newest first."""
        return await self.page(page, *self._filters(**filters), descending=True)

    async def after(self, last_id: int, batch: int, **filters: Any) -> list[AuditEntry]:
        """The next ``batch`` entries after ``last_id``, oldest first."""
        stmt = self.statement().where(*self._filters(**filters), AuditEntry.id > last_id)
        return list((await self.session.scalars(stmt.order_by(AuditEntry.id).limit(batch))).all())

    # --- the chain -----------------------------------------------------------------------------------
    async def lock_chain(self) -> bool:
        return bool((await self.session.execute(select(func.pg_try_advisory_xact_lock(SEAL_LOCK)))).scalar_one())

    async def last_seal(self) -> AuditSeal | None:
        stmt = select(AuditSeal).order_by(AuditSeal.position.desc()).limit(1)
        return (await self.session.scalars(stmt)).one_or_none()

    async def unsealed(self, limit: int) -> list[AuditEntry]:
        sealed = select(AuditSeal.entry_id).where(AuditSeal.entry_id == AuditEntry.id)
        stmt = select(AuditEntry).where(~sealed.exists()).order_by(AuditEntry.id).limit(limit)
        return list((await self.session.scalars(stmt)).all())

    async def add_seals(self, seals: list[dict[str, object]]) -> None:
        if seals:
            await self.session.execute(insert(AuditSeal), seals)

    async def seals_with_entries(self, after_position: int, limit: int) -> list[tuple[AuditSeal, AuditEntry | None]]:
        stmt = (
            select(AuditSeal, AuditEntry)
            .outerjoin(AuditEntry, AuditEntry.id == AuditSeal.entry_id)
            .where(AuditSeal.position > after_position)
            .order_by(AuditSeal.position)
            .limit(limit)
        )
        return [(row[0], row[1]) for row in (await self.session.execute(stmt)).all()]

    async def count_unsealed_older_than(self, age: timedelta) -> int:
        sealed = select(AuditSeal.entry_id).where(AuditSeal.entry_id == AuditEntry.id)
        stmt = (
            select(func.count())
            .select_from(AuditEntry)
            .where(~sealed.exists(), AuditEntry.occurred_at < func.now() - age)
        )
        return int((await self.session.execute(stmt)).scalar_one())
