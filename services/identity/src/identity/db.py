"""The identity schema: declarative base, column mixins and the shared idempotency table."""

from datetime import datetime
from typing import Any

from sqlalchemy import func
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

from vru_shared.db import TYPE_ANNOTATION_MAP, make_metadata
from vru_shared.etag import Versioned
from vru_shared.idempotency import idempotency_table

SCHEMA = "identity"


class Base(DeclarativeBase):
    metadata = make_metadata(SCHEMA)
    type_annotation_map = TYPE_ANNOTATION_MAP


class Tracked(Versioned):
    """``version`` (the ETag: checked and bumped by the ORM on every change, :class:`Versioned`) and
    creation/update times, read back after each flush."""

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805 - a declared_attr takes the class
        return {**super().__mapper_args__, "eager_defaults": True}

    version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(server_default=func.now(), onupdate=func.now())


idempotency_keys = idempotency_table(Base.metadata)
