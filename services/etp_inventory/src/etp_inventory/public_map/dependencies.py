from typing import Annotated

from fastapi import Query

Latitude = Annotated[float, Query(ge=-90, le=90, description="WGS84 latitude of the point.", examples=[51.3838])]
Longitude = Annotated[float, Query(ge=-180, le=180, description="WGS84 longitude of the point.", examples=[0.5243])]
NearestLimit = Annotated[int, Query(ge=1, le=50, description="How many packs (at most 50).")]
