"""Money: integer pence, always with ``currency: "GBP"`` beside it."""

from typing import Annotated, Literal

from pydantic import Field, StrictInt

Currency = Literal["GBP"]
CURRENCY_FIELD = Field(description='Always `"GBP"`; amounts are integer pence.', examples=["GBP"])

Pence = Annotated[StrictInt, Field(ge=0, le=10_000_000_000, description="Integer pence.", examples=[1_000_000])]
PositivePence = Annotated[
    StrictInt, Field(gt=0, le=10_000_000_000, description="Integer pence, above 0.", examples=[25_000])
]


def pounds(pence: int) -> str:
    """``1234567`` → ``"£12,345.67"`` (for messages)."""
    sign = "-" if pence < 0 else ""
    whole, part = divmod(abs(pence), 100)
    return f"{sign}£{whole:,}.{part:02d}"
