"""The district codes a person or API client may be limited to: the 13 districts of Kent & Medway
(``vru_shared.kent_medway``), stable codes that appear in tokens' ``districts`` claim. Identity checks them
itself, so a misspelt district is rejected without calling another service."""

from typing import Annotated

from pydantic import AfterValidator, Field

from vru_shared.kent_medway import DISTRICT_CODES, DistrictCode

Districts = Annotated[
    list[DistrictCode],
    Field(
        max_length=len(DISTRICT_CODES),
        description="District codes this account is limited to (for district-scoped roles such as "
        "coordinator and CSP officer).",
        examples=[["medway", "swale"]],
    ),
    AfterValidator(lambda codes: list(dict.fromkeys(codes))),  # each once, in the order given
]
