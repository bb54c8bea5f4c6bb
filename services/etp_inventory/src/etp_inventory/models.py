"""Imports every domain's models so the metadata is complete (for Alembic and ``alembic check``)."""


def load_all_models() -> None:
    from etp_inventory.check import models as check  # noqa: F401
    from etp_inventory.component_type import models as component_type  # noqa: F401
    from etp_inventory.kit_type import models as kit_type  # noqa: F401
    from etp_inventory.location import models as location  # noqa: F401
    from etp_inventory.movement import models as movement  # noqa: F401
    from etp_inventory.pack import models as pack  # noqa: F401
    from etp_inventory.purchase import models as purchase  # noqa: F401
    from etp_inventory.use_report import models as use_report  # noqa: F401
