from typing import Annotated
from uuid import UUID

from fastapi import Path, Query

from vru_shared.inputs import QueryBool

ClientUuid = Annotated[
    UUID,
    Path(description="The client's id (uuid, not `client_id`).", examples=["c3a1e2d4-5b6f-4a7e-8c9d-0e1f2a3b4c5d"]),
]
AgencyFilter = Annotated[UUID | None, Query(description="Only clients of this agency.")]
ActiveFilter = Annotated[QueryBool | None, Query(description="Only active (true) or deactivated (false) clients.")]
