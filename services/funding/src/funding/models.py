"""Imports every domain's models so the metadata is complete (for Alembic and ``alembic check``)."""


def load_all_models() -> None:
    from funding.allocation import models as allocation  # noqa: F401
    from funding.financial_year import models as financial_year  # noqa: F401
    from funding.fund import models as fund  # noqa: F401
    from funding.grant import models as grant  # noqa: F401
    from funding.organisation import models as organisation  # noqa: F401
    from funding.project import models as project  # noqa: F401
