"""The web schema: the sessions, and nothing else (the platform's data stays behind its API)."""

from sqlalchemy.orm import DeclarativeBase

from vru_shared.db import TYPE_ANNOTATION_MAP, make_metadata

SCHEMA = "web"


class Base(DeclarativeBase):
    metadata = make_metadata(SCHEMA)
    type_annotation_map = TYPE_ANNOTATION_MAP
