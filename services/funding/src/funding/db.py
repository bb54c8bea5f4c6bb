"""The funding schema: declarative base and the shared idempotency table."""

from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import DeclarativeBase

from vru_shared.db import TYPE_ANNOTATION_MAP, make_metadata
from vru_shared.idempotency import idempotency_table

SCHEMA = "funding"


class Base(DeclarativeBase):
    metadata = make_metadata(SCHEMA)
    type_annotation_map = TYPE_ANNOTATION_MAP


idempotency_keys = idempotency_table(Base.metadata)


class Repository:
    """Holds the request's session: all SQL runs here, never in services."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session
