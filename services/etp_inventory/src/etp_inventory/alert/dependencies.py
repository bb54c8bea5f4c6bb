from enum import IntEnum
from typing import Annotated

from fastapi import Query


class Window(IntEnum):
    DAYS_30 = 30
    DAYS_60 = 60
    DAYS_90 = 90


ExpiryWindow = Annotated[
    Window, Query(description="Packs expiring within 30, 60 or 90 days (expired ones included).", examples=[30])
]
