from typing import Annotated, Self
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StringConstraints, model_validator

Code = Annotated[str, StringConstraints(min_length=2, max_length=64, pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]


class KitComponentRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    component: str = Field(description="Component type code.", examples=["tourniquet"])
    name: str = Field(examples=["Tourniquet"])
    quantity: int = Field(examples=[1])
    shelf_life_months: int | None = Field(description="`null`: does not expire.", examples=[60])


class KitTypeRead(BaseModel):
    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    "id": "3f7c0c5e-9a4e-5b8e-9a43-0d4b3c2a1f00",
                    "code": "standard-etp",
                    "name": "Emergency trauma pack (standard red bag)",
                    "description": "The red bag placed in public places…",
                    "components": [
                        {"component": "tourniquet", "name": "Tourniquet", "quantity": 1, "shelf_life_months": 60},
                        {"component": "bag", "name": "Bag", "quantity": 1, "shelf_life_months": None},
                    ],
                }
            ]
        },
    )

    id: UUID
    code: str = Field(description="Stable identifier; purchases name the kit type by it.")
    name: str
    description: str
    components: list[KitComponentRead] = Field(description="What each pack of this type holds, by component code.")


class KitComponentIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    component: Code = Field(description="A component type code (`GET /v1/component-types`).", examples=["tourniquet"])
    quantity: StrictInt = Field(default=1, ge=1, le=100)


class KitTypeCreate(BaseModel):
    """A new kind of pack. Its components are fixed once created (make a new kit type for a new recipe)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "code": "compact-etp",
                    "name": "Compact trauma pack",
                    "description": "A smaller pouch for licensed premises: tourniquet, dressing, gloves.",
                    "components": [
                        {"component": "tourniquet", "quantity": 1},
                        {"component": "haemostatic-dressing", "quantity": 1},
                        {"component": "nitrile-gloves", "quantity": 1},
                        {"component": "bag", "quantity": 1},
                    ],
                }
            ]
        },
    )

    code: Code
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=200)]
    description: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
    components: list[KitComponentIn] = Field(min_length=1, max_length=50)

    @model_validator(mode="after")
    def _components_once(self) -> Self:
        codes = [c.component for c in self.components]
        if len(codes) != len(set(codes)):
            raise ValueError("each component may be listed once (use quantity)")
        return self
