"""Input types shared by the casework domains."""

from typing import Annotated

from pydantic import StringConstraints

Code = Annotated[
    str, StringConstraints(strip_whitespace=True, to_lower=True, min_length=1, max_length=64, pattern=r"^[a-z0-9-]+$")
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=4000)]
LongText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100_000)]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
