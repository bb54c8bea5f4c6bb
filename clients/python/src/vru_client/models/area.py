from enum import StrEnum


class Area(StrEnum):
    COUNTYWIDE = "countywide"
    EAST_KENT = "east-kent"
    NORTH_KENT = "north-kent"
    SOUTH_KENT = "south-kent"
    WEST_KENT = "west-kent"

    def __str__(self) -> str:
        return str(self.value)
