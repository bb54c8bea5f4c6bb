"""The district codes a person or API client may be limited to.

They mirror the referrals service's reference data (the 13 districts of Kent & Medway, DESIGN §4); the
codes are stable and appear in tokens' ``districts`` claim. Identity keeps its own copy so it can reject a
misspelt district without calling another service.
"""

from typing import Annotated, Literal

from pydantic import Field

DISTRICT_CODES: tuple[str, ...] = (
    "ashford",
    "canterbury",
    "dartford",
    "dover",
    "folkestone-hythe",
    "gravesham",
    "maidstone",
    "medway",
    "sevenoaks",
    "swale",
    "thanet",
    "tonbridge-malling",
    "tunbridge-wells",
)

DistrictCode = Literal[
    "ashford",
    "canterbury",
    "dartford",
    "dover",
    "folkestone-hythe",
    "gravesham",
    "maidstone",
    "medway",
    "sevenoaks",
    "swale",
    "thanet",
    "tonbridge-malling",
    "tunbridge-wells",
]

Districts = Annotated[
    list[DistrictCode],
    Field(
        max_length=len(DISTRICT_CODES),
        description="District codes this account is limited to (for district-scoped roles such as "
        "coordinator and CSP officer).",
        examples=[["medway", "swale"]],
    ),
]
