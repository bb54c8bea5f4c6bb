"""The 13 districts of Kent & Medway (the referrals service's codes, DESIGN §4), the newsletter's project
areas that group them, and the ONS local-authority district code of each (the geocode used in 360Giving).

Codes are stable and appear in tokens' ``districts`` claim (CSP officers are limited to theirs).
"""

from enum import StrEnum
from typing import Literal

DISTRICTS: dict[str, tuple[str, str]] = {
    # code: (name, ONS local authority district code — Kent's CSPs are district-based)
    "ashford": ("Ashford", "E07000105"),
    "canterbury": ("Canterbury", "E07000106"),
    "dartford": ("Dartford", "E07000107"),
    "dover": ("Dover", "E07000108"),
    "folkestone-hythe": ("Folkestone & Hythe", "E07000112"),
    "gravesham": ("Gravesham", "E07000109"),
    "maidstone": ("Maidstone", "E07000110"),
    "medway": ("Medway", "E06000035"),
    "sevenoaks": ("Sevenoaks", "E07000111"),
    "swale": ("Swale", "E07000113"),
    "thanet": ("Thanet", "E07000114"),
    "tonbridge-malling": ("Tonbridge & Malling", "E07000115"),
    "tunbridge-wells": ("Tunbridge Wells", "E07000116"),
}
DISTRICT_CODES: tuple[str, ...] = tuple(DISTRICTS)

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


class Area(StrEnum):
    """The newsletter's project areas."""

    NORTH_KENT = "north-kent"
    EAST_KENT = "east-kent"
    WEST_KENT = "west-kent"
    SOUTH_KENT = "south-kent"
    COUNTYWIDE = "countywide"


AREA_DISTRICTS: dict[Area, frozenset[str]] = {
    Area.NORTH_KENT: frozenset({"dartford", "gravesham", "medway", "swale"}),
    Area.EAST_KENT: frozenset({"canterbury", "thanet"}),
    Area.WEST_KENT: frozenset({"maidstone", "sevenoaks", "tonbridge-malling", "tunbridge-wells"}),
    Area.SOUTH_KENT: frozenset({"ashford", "dover", "folkestone-hythe"}),
    Area.COUNTYWIDE: frozenset(DISTRICT_CODES),
}


def sql_list(values: tuple[str, ...] | list[str]) -> str:
    """``'a', 'b'`` for a CHECK constraint."""
    return ", ".join(f"'{v}'" for v in values)
