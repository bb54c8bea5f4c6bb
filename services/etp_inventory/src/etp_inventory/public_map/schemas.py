"""What the public sees of a site: name, where, when it can be reached and how — never a lock code, a contact
or a site that is not public."""

from typing import Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from etp_inventory.location.models import CabinetType

#: Coordinates are rounded to this many decimal places of a degree (about 0.1 mm): a subnormal such as
#: ``5e-324`` becomes 0, so no step of the distance computation can underflow in PostgreSQL.
COORDINATE_DECIMALS = 9


def rounded_degrees(value: float) -> float:
    """``value`` rounded to ``COORDINATE_DECIMALS`` places; -0.0 is 0.0."""
    return round(value, COORDINATE_DECIMALS) + 0.0


class PublicSite(BaseModel):
    id: UUID
    name: str
    address: str
    postcode: str
    district: str
    access_hours: str | None
    cabinet_type: CabinetType = Field(
        description="`locked_cabinet`: call 999, the call handler gives the code; `indoors`: ask the staff."
    )


class SiteProperties(PublicSite):
    ready_packs: int = Field(description="Ready packs at the site now.")
    pack_ids: list[UUID] = Field(description="Public ids of those packs.")


class Point(BaseModel):
    type: Literal["Point"] = "Point"
    coordinates: tuple[float, float] = Field(description="[longitude, latitude] (RFC 7946).")


class SiteFeature(BaseModel):
    type: Literal["Feature"] = "Feature"
    id: UUID
    geometry: Point
    properties: SiteProperties


class SiteFeatureCollection(BaseModel):
    """RFC 7946 GeoJSON: one Point feature per public site that has ready packs."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "type": "FeatureCollection",
                    "features": [
                        {
                            "type": "Feature",
                            "id": "5a1d3e7f-2b4c-4d6e-8f0a-1b3c5d7e9f1a",
                            "geometry": {"type": "Point", "coordinates": [0.5243, 51.3838]},
                            "properties": {
                                "id": "5a1d3e7f-2b4c-4d6e-8f0a-1b3c5d7e9f1a",
                                "name": "Chatham Waterfront bus station",
                                "address": "Globe Lane, Chatham",
                                "postcode": "ME4 4QW",
                                "district": "medway",
                                "access_hours": "24/7",
                                "cabinet_type": "locked_cabinet",
                                "ready_packs": 1,
                                "pack_ids": ["8d6f4b2a-1c3e-4f5a-9b7c-0e2d4f6a8b0c"],
                            },
                        }
                    ],
                }
            ]
        }
    )

    type: Literal["FeatureCollection"] = "FeatureCollection"
    features: list[SiteFeature]


class NearPack(BaseModel):
    pack_id: UUID = Field(description="The pack's public id.")
    distance_m: int = Field(description="Straight-line (great-circle) distance in metres.")
    latitude: float
    longitude: float
    site: PublicSite


class NearestPacks(BaseModel):
    """The nearest ready packs at public sites, nearest first."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "latitude": 51.3838,
                    "longitude": 0.5243,
                    "packs": [
                        {
                            "pack_id": "8d6f4b2a-1c3e-4f5a-9b7c-0e2d4f6a8b0c",
                            "distance_m": 140,
                            "latitude": 51.3845,
                            "longitude": 0.5259,
                            "site": {
                                "id": "5a1d3e7f-2b4c-4d6e-8f0a-1b3c5d7e9f1a",
                                "name": "Chatham Waterfront bus station",
                                "address": "Globe Lane, Chatham",
                                "postcode": "ME4 4QW",
                                "district": "medway",
                                "access_hours": "24/7",
                                "cabinet_type": "locked_cabinet",
                            },
                        }
                    ],
                }
            ]
        }
    )

    latitude: float
    longitude: float
    packs: list[NearPack]
