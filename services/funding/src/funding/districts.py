"""The newsletter's project areas, which group the 13 districts of Kent & Medway (the districts themselves —
codes, names, ONS codes — are :mod:`vru_shared.kent_medway`'s)."""

from enum import StrEnum

from vru_shared.kent_medway import DISTRICT_CODES


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
