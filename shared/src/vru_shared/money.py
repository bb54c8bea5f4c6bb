"""Money as every service accepts it: integer pence, a JSON integer and nothing else.

Pydantic's lax mode would take ``true`` as 1 penny, ``"100"`` and ``1000.0`` as pence; a client bug (a float
from a spreadsheet, a stringly-typed form) would then move money silently. These types are strict — only a
JSON integer passes, anything else is a 422 naming the field — and their OpenAPI type stays ``integer``.
Every request field that carries an amount uses one of them (``…_pence``), with ``currency`` beside it where
the record stores one.
"""

from typing import Annotated, Final

from pydantic import Field

#: £100,000,000.00: above any grant, budget line or purchase the unit handles.
MAX_PENCE: Final = 10_000_000_000

Pence = Annotated[
    int,
    Field(strict=True, ge=0, le=MAX_PENCE, description="Integer pence (a JSON integer).", examples=[1_000_000]),
]
PositivePence = Annotated[
    int,
    Field(strict=True, gt=0, le=MAX_PENCE, description="Integer pence above 0 (a JSON integer).", examples=[25_000]),
]
