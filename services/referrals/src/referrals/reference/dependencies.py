from typing import Annotated

from fastapi import Path

DistrictCode = Annotated[str, Path(max_length=64, pattern=r"^[a-z0-9-]+$", examples=["medway"])]
AreaCode = Annotated[str, Path(max_length=64, pattern=r"^[a-z0-9-]+$", examples=["medway-swale"])]
