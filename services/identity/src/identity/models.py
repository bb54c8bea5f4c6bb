"""Imports every domain's models so the metadata is complete (for Alembic and ``alembic check``)."""


def load_all_models() -> None:
    from identity.agency import models as agency  # noqa: F401
    from identity.client import models as client  # noqa: F401
    from identity.person import models as person  # noqa: F401
    from identity.revocation import models as revocation  # noqa: F401
    from identity.signing_key import models as signing_key  # noqa: F401
    from identity.token import models as token  # noqa: F401
