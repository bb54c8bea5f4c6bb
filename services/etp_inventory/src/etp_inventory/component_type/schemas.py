from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field


class ComponentTypeRead(BaseModel):
    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    "id": "78890770-a1d6-50ae-ac43-8a59809d1df8",
                    "code": "haemostatic-dressing",
                    "name": "Haemostatic dressing",
                    "shelf_life_months": 36,
                    "description": "Gauze impregnated with a clotting agent, packed into a wound where a "
                    "tourniquet cannot be applied (neck, armpit, groin). Sterile; the agent and packaging expire.",
                },
                {
                    "id": "b9da5c77-57fd-55fb-b1b8-48d650edeac6",
                    "code": "foil-blanket",
                    "name": "Foil blanket",
                    "shelf_life_months": None,
                    "description": "Emergency foil blanket to keep the casualty warm and slow shock while help "
                    "arrives.",
                },
            ]
        },
    )

    id: UUID
    code: str = Field(description="Stable identifier used by kit types and packs.", examples=["tourniquet"])
    name: str = Field(examples=["Tourniquet"])
    shelf_life_months: int | None = Field(
        description="Months from manufacture until the item must be replaced; `null` when it does not expire.",
        examples=[60],
    )
    description: str = Field(description="What the item is for, and why it expires (when it does).")
