"""The one repository base: all SQL of a domain lives in a subclass, which states its model and, where not
every caller may see every record, the visibility filter — so access rules stay inside the query and a list
cannot leak what a read would refuse.

    class ReferralRepository(ScopedRepository[Referral, CaseworkScope]):
        model = Referral

        def visible(self, scope: CaseworkScope) -> ColumnElement[bool] | None:
            return None if scope.districts is None else Referral.district_id.in_(district_ids(scope.districts))

Reads return ORM objects. Relationships are declared ``lazy="raise"`` (an N+1 fails loudly in tests) and
loaded explicitly by overriding :meth:`Repository.statement` (``selectinload``/``joinedload``), so a
router can return the object under a per-audience response model without hand-written mapping.

Versioned records (:class:`vru_shared.etag.Versioned`) are changed through :meth:`Repository.update`: the
ORM's ``UPDATE … WHERE version = :read`` makes a concurrent change a 412, never a lost update.

Two things learnt adopting it:
- A record read again in the same transaction keeps what the session already holds, including columns
  loaded by the query (``query_expression``/``with_expression``): a ``statement()`` that computes figures
  sets ``execution_options(populate_existing=True)`` so a re-read refreshes them.
- A locking read (``for_update=True``) computes its subqueries as of before it waited for the lock (READ
  COMMITTED): lock with ``base=select(Model)`` and read the figures afterwards in their own statement.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar, Generic, TypeVar

from sqlalchemy import ColumnElement, Select, func, inspect, literal_column, select
from sqlalchemy.dialects.postgresql import aggregate_order_by
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from vru_shared.db import add_unless_duplicate
from vru_shared.pagination import PageParams, keyset

ModelT = TypeVar("ModelT")
ScopeT = TypeVar("ScopeT")


def json_object(fields: Mapping[str, Any]) -> Any:
    """``json_build_object('name', value, …)``: a nested record of a row, for a response model to validate (a
    read built once as a Core statement, one row per request instead of ORM objects: issue 17)."""
    pairs: list[Any] = []
    for name, value in fields.items():
        pairs += [literal_column(f"'{name}'"), value]
    return func.json_build_object(*pairs)


def json_list(fields: Mapping[str, Any], *order: Any) -> Any:
    """``coalesce(json_agg(json_build_object(…) ORDER BY …), '[]')``: a nested list of a row, in ``order`` (for a
    correlated scalar subquery)."""
    return func.coalesce(func.json_agg(aggregate_order_by(json_object(fields), *order)), literal_column("'[]'::json"))


class Repository(Generic[ModelT]):
    """Get by id (optionally locked), keyset page, insert-unless-duplicate and versioned update of ``model``."""

    model: ClassVar[type[Any]]
    #: The keyset order of :meth:`page` when a caller gives none: the last column must be unique.
    order: ClassVar[tuple[str, ...]] = ("id",)

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def column(self, name: str) -> InstrumentedAttribute[Any]:
        attribute: InstrumentedAttribute[Any] = getattr(self.model, name)
        return attribute

    def statement(self) -> Select[ModelT]:
        """The base query of every read; override to join or eager-load what the response models need."""
        return select(self.model)

    async def get(
        self,
        record_id: Any,
        *,
        for_update: bool = False,
        where: ColumnElement[bool] | None = None,
        base: Select[ModelT] | None = None,
    ) -> ModelT | None:
        """The record with this primary key, or ``None``; ``for_update`` locks its row until the transaction ends."""
        key = inspect(self.model).primary_key[0]
        stmt = (self.statement() if base is None else base).where(key == record_id)
        if where is not None:
            stmt = stmt.where(where)
        if for_update:
            stmt = stmt.with_for_update(of=self.model)
        return (await self.session.scalars(stmt)).unique().one_or_none()

    async def get_by(self, **values: Any) -> ModelT | None:
        """The one record whose columns equal ``values`` (a natural key such as a code), or ``None``."""
        stmt = self.statement().where(*(self.column(name) == value for name, value in values.items()))
        return (await self.session.scalars(stmt)).unique().one_or_none()

    async def page(
        self,
        params: PageParams,
        *filters: ColumnElement[bool],
        base: Select[ModelT] | None = None,
        order: Sequence[InstrumentedAttribute[Any]] = (),
        descending: bool = False,
    ) -> Sequence[ModelT]:
        """One keyset page (``limit + 1`` rows, for :func:`vru_shared.pagination.paginate`). In a change feed
        (``params.changed_since``): the records changed since then, by ``(updated_at, id)`` ascending."""
        base = self.statement() if base is None else base
        stmt = self.page_statement(base.where(*filters), params, order, descending)
        return (await self.session.scalars(stmt)).unique().all()

    def page_statement(
        self,
        stmt: Select[Any],
        params: PageParams,
        order: Sequence[InstrumentedAttribute[Any]] = (),
        descending: bool = False,
    ) -> Select[Any]:
        """``stmt`` as :meth:`page` pages it: keyset order and cursor, ``limit + 1``, the change feed's filter and
        order — for a repository that selects rows rather than its model (issue 17: the review queue page)."""
        columns = order or [self.column(name) for name in self.order]
        if params.changed_since is not None:
            updated_at = self.column("updated_at")
            stmt = stmt.where(updated_at >= params.changed_since)
            columns, descending = [updated_at, self.column("id")], False
        return keyset(stmt, params, *columns, descending=descending)

    async def add(self, record: ModelT) -> bool:
        """Insert; ``False`` (and nothing written) when a unique key is taken, also by a concurrent request."""
        return await add_unless_duplicate(self.session, record)

    async def update(self, record: ModelT, values: Mapping[str, Any]) -> ModelT:
        """Apply ``values`` and write them now; on a versioned record a concurrent change raises 412."""
        for name, value in values.items():
            setattr(record, name, value)
        await self.session.flush()
        return record

    async def delete(self, record: ModelT) -> None:
        await self.session.delete(record)
        await self.session.flush()

    async def flush(self) -> None:
        await self.session.flush()


class ScopedRepository(Repository[ModelT], Generic[ModelT, ScopeT]):
    """A repository whose records are visible per caller (district, agency, site): every read takes the
    caller's scope and applies :meth:`visible` inside the statement."""

    def visible(self, scope: ScopeT) -> ColumnElement[bool] | None:
        """The filter for what ``scope`` may see; ``None`` means everything."""
        raise NotImplementedError

    def readable(self, scope: ScopeT) -> Select[ModelT]:
        stmt = self.statement()
        condition = self.visible(scope)
        return stmt if condition is None else stmt.where(condition)

    async def get_visible(self, record_id: Any, scope: ScopeT, *, for_update: bool = False) -> ModelT | None:
        """The record if ``scope`` may see it, else ``None`` (a 404: another district's ids are not disclosed)."""
        return await self.get(record_id, for_update=for_update, base=self.readable(scope))

    async def page_visible(
        self,
        params: PageParams,
        scope: ScopeT,
        *filters: ColumnElement[bool],
        order: Sequence[InstrumentedAttribute[Any]] = (),
        descending: bool = False,
    ) -> Sequence[ModelT]:
        return await self.page(params, *filters, base=self.readable(scope), order=order, descending=descending)
