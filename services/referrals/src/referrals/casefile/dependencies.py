from typing import Annotated
from uuid import UUID

from fastapi import Path, Query

from vru_shared.inputs import Day, QueryBool

SubjectId = Annotated[UUID, Path(description="The subject's id.")]
OtherSubjectId = Annotated[UUID, Path(description="The other subject of the possible duplicate.")]
PossibleDuplicateFilter = Annotated[
    QueryBool | None,
    Query(description="`true`: only subjects with an open possible-duplicate flag; `false`: only those without."),
]
NameQuery = Annotated[
    str | None,
    Query(
        min_length=2,
        max_length=100,
        description="A name, or part of one, in any order (`Zara Okafor`, `okafor`): close spellings match too "
        "(trigram similarity, and sound-alike family names). Best matches first.",
        examples=["Zara Okafor"],
    ),
]
DateOfBirthFilter = Annotated[Day | None, Query(description="Only young people born on this day (`YYYY-MM-DD`).")]
PolicePersonIdFilter = Annotated[
    str | None,
    Query(min_length=1, max_length=64, description="The police system's person id, exactly.", examples=["KP-000123"]),
]
CrimeReferenceFilter = Annotated[
    str | None,
    Query(
        min_length=1,
        max_length=64,
        description="Young people involved in the incident with this crime reference, if you may read that incident.",
        examples=["46/123456/26"],
    ),
]
