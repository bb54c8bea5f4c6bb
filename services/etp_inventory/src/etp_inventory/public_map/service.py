from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from etp_inventory.location.models import CabinetType
from etp_inventory.pack.readiness import ReadinessRules
from etp_inventory.public_map.repository import PublicMapRepository
from etp_inventory.public_map.schemas import (
    NearestPacks,
    NearPack,
    Point,
    PublicSite,
    SiteFeature,
    SiteFeatureCollection,
    SiteProperties,
)
from vru_shared.csv_export import csv_text

#: The open-data export's columns, after the national defibrillator network's site exports.
CSV_COLUMNS = (
    "site_id",
    "name",
    "address",
    "postcode",
    "district",
    "latitude",
    "longitude",
    "access_hours",
    "cabinet_type",
    "ready_packs",
)


def _site(row: object) -> PublicSite:
    return PublicSite(
        id=row.id,  # type: ignore[attr-defined]
        name=row.name,  # type: ignore[attr-defined]
        address=row.address,  # type: ignore[attr-defined]
        postcode=row.postcode,  # type: ignore[attr-defined]
        district=row.district,  # type: ignore[attr-defined]
        access_hours=row.access_hours,  # type: ignore[attr-defined]
        cabinet_type=CabinetType(row.cabinet_type),  # type: ignore[attr-defined]
    )


async def geojson(session: AsyncSession, *, rules: ReadinessRules) -> SiteFeatureCollection:
    rows = await PublicMapRepository(session).sites_with_ready_packs(rules)
    return SiteFeatureCollection(
        features=[
            SiteFeature(
                id=row.id,
                geometry=Point(coordinates=(row.longitude, row.latitude)),
                properties=SiteProperties(
                    **_site(row).model_dump(), ready_packs=len(row.packs), pack_ids=list(row.packs)
                ),
            )
            for row in rows
        ]
    )


async def nearest(
    session: AsyncSession, *, rules: ReadinessRules, latitude: float, longitude: float, limit: int
) -> NearestPacks:
    rows = await PublicMapRepository(session).nearest(rules, latitude, longitude, limit)
    return NearestPacks(
        latitude=latitude,
        longitude=longitude,
        packs=[
            NearPack(
                pack_id=row.public_id,
                distance_m=round(row.distance_m),
                latitude=row.latitude,
                longitude=row.longitude,
                site=_site(row),
            )
            for row in rows
        ],
    )


async def open_data_csv(session: AsyncSession, *, rules: ReadinessRules) -> str:
    """The open-data file, through the shared writer: a name, address or hours a spreadsheet would run as a
    formula gets a leading ``'``; coordinates (six decimals) and counts are written as numbers."""
    rows = await PublicMapRepository(session).public_sites(rules)
    return csv_text(
        CSV_COLUMNS,
        (
            [
                row.id,
                row.name,
                row.address,
                row.postcode,
                row.district,
                Decimal(f"{row.latitude:.6f}"),
                Decimal(f"{row.longitude:.6f}"),
                row.access_hours,
                row.cabinet_type,
                row.ready_packs,
            ]
            for row in rows
        ),
    )
