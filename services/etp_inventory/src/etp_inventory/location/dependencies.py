from typing import Annotated
from uuid import UUID

from fastapi import Path, Query

from etp_inventory.location.models import LocationKind
from vru_shared.inputs import QueryBool

LocationId = Annotated[UUID, Path(description="The location's id.")]
SiteId = Annotated[UUID, Path(description="The site's id.")]
GuardianSubject = Annotated[
    str,
    Path(
        min_length=1,
        max_length=255,
        # Letters, digits and . _ : @ - only: what a token's ``sub`` is made of, and nothing the API's path
        # guard refuses encoded (%2F, %5C, …): a value the schema allows is never a 400.
        pattern=r"^[A-Za-z0-9._:@-]+$",
        description="The guardian's person id: the `sub` of their access token.",
        examples=["0b7e6d8a-9c1f-5e2d-8a3b-4c5d6e7f8a9b"],
    ),
]
KindFilter = Annotated[LocationKind | None, Query(description="Only locations of this kind.")]
PublicFilter = Annotated[
    QueryBool | None, Query(alias="public", description="`true`: only public sites; `false`: only others.")
]
