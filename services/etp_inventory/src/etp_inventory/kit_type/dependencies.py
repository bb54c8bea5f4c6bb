from typing import Annotated

from fastapi import Path

KitTypeCode = Annotated[str, Path(max_length=64, pattern=r"^[a-z0-9-]+$", examples=["standard-etp"])]
