"""The etp_inventory schema: declarative base and the shared idempotency table."""

from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import DeclarativeBase

from vru_shared.db import TYPE_ANNOTATION_MAP, make_metadata
from vru_shared.idempotency import idempotency_table

SCHEMA = "etp_inventory"


class Base(DeclarativeBase):
    metadata = make_metadata(SCHEMA)
    type_annotation_map = TYPE_ANNOTATION_MAP


idempotency_keys = idempotency_table(Base.metadata)


class Repository:
    """Holds the request's session: all SQL runs here, never in services."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def insert(self, instance: Base) -> None:
        self.session.add(instance)
        await self.session.flush()

    async def flush(self) -> None:
        await self.session.flush()


_Select = TypeVar("_Select", bound="Select[*tuple[Any, ...]]")


def where_visible(stmt: _Select, visible: ColumnElement[bool] | None) -> _Select:
    """``stmt`` kept to what the caller may see (``None``: everything)."""
    return stmt if visible is None else stmt.where(visible)
