"""The notifications schema: declarative base and the shared idempotency table."""

from sqlalchemy.orm import DeclarativeBase

from vru_shared.db import TYPE_ANNOTATION_MAP, make_metadata
from vru_shared.idempotency import idempotency_table

SCHEMA = "notifications"


class Base(DeclarativeBase):
    metadata = make_metadata(SCHEMA)
    type_annotation_map = TYPE_ANNOTATION_MAP


idempotency_keys = idempotency_table(Base.metadata)
