"""Imports every domain's models so the metadata is complete (for Alembic and ``alembic check``)."""


def load_all_models() -> None:
    pass
