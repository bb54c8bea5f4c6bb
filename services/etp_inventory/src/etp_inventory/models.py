"""Imports every domain's models so the metadata is complete (for Alembic and ``alembic check``)."""


def load_all_models() -> None:
    from etp_inventory.component_type import models  # noqa: F401
