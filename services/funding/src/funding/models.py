"""Imports every domain's models so the metadata is complete (for Alembic and ``alembic check``)."""


def load_all_models() -> None:
    from funding.financial_year import models  # noqa: F401
