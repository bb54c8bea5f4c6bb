"""The funding schema: declarative base, the shared idempotency table and the event outbox."""

from sqlalchemy.orm import DeclarativeBase

from vru_shared.db import TYPE_ANNOTATION_MAP, make_metadata
from vru_shared.events import event_outbox_table
from vru_shared.idempotency import idempotency_table

SCHEMA = "funding"


class Base(DeclarativeBase):
    metadata = make_metadata(SCHEMA)
    type_annotation_map = TYPE_ANNOTATION_MAP


idempotency_keys = idempotency_table(Base.metadata)
#: Events for partners' webhooks, written in the transaction of the change (``vru_shared.events``).
event_outbox = event_outbox_table(Base.metadata)
