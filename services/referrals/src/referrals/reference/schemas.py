from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field


class DistrictRead(BaseModel):
    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    "id": "0b6f1f7e-2f1d-4f5e-9a57-8b0d7e0c1a11",
                    "code": "medway",
                    "name": "Medway",
                    "area_code": "medway-swale",
                }
            ]
        },
    )

    id: UUID
    code: str = Field(description="Stable identifier used in other resources and in tokens' `districts` claim.")
    name: str
    area_code: str = Field(description="The coordinator area the district belongs to.")


class CoordinatorAreaRead(BaseModel):
    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    "id": "6a0f0d8e-5c3b-4a3e-8f5c-2b9e0a4d7c22",
                    "code": "medway-swale",
                    "name": "Medway & Swale",
                    "district_codes": ["medway", "swale"],
                }
            ]
        },
    )

    id: UUID
    code: str
    name: str
    district_codes: list[str]
