from datetime import date
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field


class FinancialYearRead(BaseModel):
    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    "id": "b03b47ae-d5ec-528e-9cf2-094b97e79785",
                    "code": "2020-21",
                    "label": "2020/21",
                    "starts_on": "2020-04-01",
                    "ends_on": "2021-03-31",
                }
            ]
        },
    )

    id: UUID
    code: str = Field(description="Stable identifier used by budget lines, grants and reports.", examples=["2020-21"])
    label: str = Field(description="How the unit writes the year in documents.", examples=["2020/21"])
    starts_on: date = Field(description="Always 1 April.", examples=["2020-04-01"])
    ends_on: date = Field(description="Always the following 31 March (inclusive).", examples=["2021-03-31"])
