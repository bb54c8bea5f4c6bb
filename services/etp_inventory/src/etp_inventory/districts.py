"""The district of a CSP in paths and filters; the districts themselves are :mod:`vru_shared.kent_medway`'s."""

from typing import Annotated

from fastapi import Path, Query

from vru_shared.kent_medway import DistrictCode

DistrictPath = Annotated[DistrictCode, Path(description="District code of the CSP.", examples=["medway"])]
DistrictFilter = Annotated[DistrictCode | None, Query(description="Only this district.", examples=["medway"])]
