from typing import Annotated
from uuid import UUID

from fastapi import Path

SubjectId = Annotated[UUID, Path(description="The young person's (subject's) id.")]
