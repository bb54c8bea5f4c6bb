from typing import Annotated

from fastapi import Query
from pydantic import AfterValidator

from etp_inventory.public_map.schemas import rounded_degrees

Latitude = Annotated[
    float,
    Query(
        ge=-90,
        le=90,
        allow_inf_nan=False,
        description="WGS84 latitude of the point (rounded to 9 decimal places).",
        examples=[51.3838],
    ),
    AfterValidator(rounded_degrees),
]
Longitude = Annotated[
    float,
    Query(
        ge=-180,
        le=180,
        allow_inf_nan=False,
        description="WGS84 longitude of the point (rounded to 9 decimal places).",
        examples=[0.5243],
    ),
    AfterValidator(rounded_degrees),
]
NearestLimit = Annotated[int, Query(ge=1, le=50, description="How many packs (at most 50).")]
