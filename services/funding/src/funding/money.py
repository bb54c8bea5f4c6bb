"""Money: integer pence, always with ``currency: "GBP"`` beside it."""

from typing import Literal

from pydantic import Field

Currency = Literal["GBP"]
CURRENCY_FIELD = Field(description='Always `"GBP"`; amounts are integer pence.', examples=["GBP"])

# Amounts in requests: ``vru_shared.money.Pence`` / ``PositivePence`` (strict integers).


def pounds(pence: int) -> str:
    """``1234567`` → ``"£12,345.67"`` (for messages)."""
    sign = "-" if pence < 0 else ""
    whole, part = divmod(abs(pence), 100)
    return f"{sign}£{whole:,}.{part:02d}"
