"""The 13 districts of Kent & Medway, each with its Community Safety Partnership (CSP)."""

from typing import Annotated, Literal

from fastapi import Path, Query

#: District code: (name of the district, name of its Community Safety Partnership)
DISTRICTS: dict[str, tuple[str, str]] = {
    "ashford": ("Ashford", "Ashford Community Safety Partnership"),
    "canterbury": ("Canterbury", "Canterbury Community Safety Partnership"),
    "dartford": ("Dartford", "Dartford Community Safety Partnership"),
    "dover": ("Dover", "Dover Community Safety Partnership"),
    "folkestone-hythe": ("Folkestone & Hythe", "Folkestone & Hythe Community Safety Partnership"),
    "gravesham": ("Gravesham", "Gravesham Community Safety Partnership"),
    "maidstone": ("Maidstone", "Maidstone Community Safety Partnership"),
    "medway": ("Medway", "Medway Community Safety Partnership"),
    "sevenoaks": ("Sevenoaks", "Sevenoaks Community Safety Partnership"),
    "swale": ("Swale", "Swale Community Safety Partnership"),
    "thanet": ("Thanet", "Thanet Community Safety Partnership"),
    "tonbridge-malling": ("Tonbridge & Malling", "Tonbridge & Malling Community Safety Partnership"),
    "tunbridge-wells": ("Tunbridge Wells", "Tunbridge Wells Community Safety Partnership"),
}

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

DistrictPath = Annotated[DistrictCode, Path(description="District code of the CSP.", examples=["medway"])]
DistrictFilter = Annotated[DistrictCode | None, Query(description="Only this district.", examples=["medway"])]
