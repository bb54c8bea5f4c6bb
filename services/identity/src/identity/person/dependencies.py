from typing import Annotated
from uuid import UUID

from fastapi import Path, Query

from vru_shared.auth import Role
from vru_shared.inputs import QueryBool
from vru_shared.kent_medway import DistrictCode

PersonId = Annotated[UUID, Path(description="The person's id.", examples=["8d6a7c3e-2b1f-4e5d-9c0a-1b2c3d4e5f60"])]
AgencyFilter = Annotated[UUID | None, Query(description="Only people of this agency.")]
RoleFilter = Annotated[Role | None, Query(description="Only people holding this role.")]
ActiveFilter = Annotated[QueryBool | None, Query(description="Only active (true) or deactivated (false) people.")]
ContactIds = Annotated[
    list[UUID] | None,
    Query(alias="person_id", max_length=100, description="People by id (repeat the parameter; at most 100)."),
]
ContactRole = Annotated[Role | None, Query(description="With `district`: the holders of this role there.")]
ContactDistrict = Annotated[DistrictCode | None, Query(description="With `role`: the district.")]
GuardianEmail = Annotated[
    str,
    Query(
        min_length=3,
        max_length=254,
        description="The guardian's e-mail address, exactly (compared case-insensitively).",
        examples=["guardian@example.org"],
    ),
]
