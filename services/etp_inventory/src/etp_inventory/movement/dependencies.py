from typing import Annotated
from uuid import UUID

from fastapi import Query

from etp_inventory.movement.models import MovementKind

PackFilter = Annotated[UUID | None, Query(description="Only this pack's movements.")]
LocationFilter = Annotated[UUID | None, Query(description="Only movements into or out of this location.")]
KindFilter = Annotated[MovementKind | None, Query(description="Only movements of this kind.")]
