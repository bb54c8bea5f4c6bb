from typing import Annotated
from uuid import UUID

from fastapi import Path

PurchaseId = Annotated[UUID, Path(description="The purchase's id.")]
