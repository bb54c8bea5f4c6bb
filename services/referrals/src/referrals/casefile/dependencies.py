from typing import Annotated
from uuid import UUID

from fastapi import Path, Query

SubjectId = Annotated[UUID, Path(description="The subject's id.")]
OtherSubjectId = Annotated[UUID, Path(description="The other subject of the possible duplicate.")]
PossibleDuplicateFilter = Annotated[
    bool | None,
    Query(description="`true`: only subjects with an open possible-duplicate flag; `false`: only those without."),
]
