from typing import Annotated
from uuid import UUID

from fastapi import Path, Query

from vru_shared.inputs import QueryBool

SubjectId = Annotated[UUID, Path(description="The subject's id.")]
OtherSubjectId = Annotated[UUID, Path(description="The other subject of the possible duplicate.")]
PossibleDuplicateFilter = Annotated[
    QueryBool | None,
    Query(description="`true`: only subjects with an open possible-duplicate flag; `false`: only those without."),
]
