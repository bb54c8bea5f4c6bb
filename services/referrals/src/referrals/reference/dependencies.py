from typing import Annotated

from fastapi import Path

DistrictCode = Annotated[str, Path(max_length=64, pattern=r"^[a-z0-9-]+$", examples=["medway"])]
AreaCode = Annotated[str, Path(max_length=64, pattern=r"^[a-z0-9-]+$", examples=["medway-swale"])]
CategoryCode = Annotated[str, Path(max_length=64, pattern=r"^[a-z0-9-]+$", examples=["knife-sharp-instrument"])]
ForumCode = Annotated[str, Path(max_length=64, pattern=r"^[a-z0-9-]+$", examples=["dcsm-swale"])]
PartnerCode = Annotated[str, Path(max_length=64, pattern=r"^[a-z0-9-]+$", examples=["childrens-social-work-services"])]
