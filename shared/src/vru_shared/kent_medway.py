"""Kent & Medway reference values every service shares, defined once: the 13 districts (the stable codes
that appear in tokens' ``districts`` claim, their names and ONS local-authority district codes, each
district's Community Safety Partnership) and the unit's clock (Europe/London: working days, quarters and
"today" are the unit's, not UTC's). The referrals service also keeps the districts as reference rows, seeded
from the same codes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args
from zoneinfo import ZoneInfo

#: The unit's clock.
LONDON = ZoneInfo("Europe/London")

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


@dataclass(frozen=True, slots=True)
class District:
    code: str
    name: str
    #: ONS local authority code: E06 for Medway (a unitary authority), E07 for the Kent districts
    #: (non-metropolitan districts); the 360Giving geocode of the district.
    ons_code: str
    #: ONS code (E22…) of the district's Community Safety Partnership, when held: none is yet (the platform
    #: ships no verified copy of the ONS CSP register), so a CSP location falls back to its district's code.
    csp_ons_code: str | None = None

    @property
    def csp_name(self) -> str:
        """The district's Community Safety Partnership."""
        return f"{self.name} Community Safety Partnership"


DISTRICTS: dict[str, District] = {
    d.code: d
    for d in (
        District("ashford", "Ashford", "E07000105"),
        District("canterbury", "Canterbury", "E07000106"),
        District("dartford", "Dartford", "E07000107"),
        District("dover", "Dover", "E07000108"),
        District("folkestone-hythe", "Folkestone & Hythe", "E07000112"),
        District("gravesham", "Gravesham", "E07000109"),
        District("maidstone", "Maidstone", "E07000110"),
        District("medway", "Medway", "E06000035"),
        District("sevenoaks", "Sevenoaks", "E07000111"),
        District("swale", "Swale", "E07000113"),
        District("thanet", "Thanet", "E07000114"),
        District("tonbridge-malling", "Tonbridge & Malling", "E07000115"),
        District("tunbridge-wells", "Tunbridge Wells", "E07000116"),
    )
}
DISTRICT_CODES: tuple[str, ...] = tuple(DISTRICTS)
assert get_args(DistrictCode) == DISTRICT_CODES, "DistrictCode and DISTRICTS must list the same codes"
