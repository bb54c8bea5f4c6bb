from sqlalchemy import Select, select
from sqlalchemy.orm import selectinload

from etp_inventory.kit_type.models import KitType, KitTypeComponent
from vru_shared.repository import Repository


class KitTypeRepository(Repository[KitType]):
    """Kit types with their parts and each part's component type."""

    model = KitType
    order = ("code",)

    def statement(self) -> Select[KitType]:
        return select(KitType).options(selectinload(KitType.parts).joinedload(KitTypeComponent.component_type))
