"""Public queries. They select named columns only — never a whole site — so a lock code or a contact cannot
reach the public by accident."""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Float, Numeric, and_, cast, func, literal, select
from sqlalchemy.dialects.postgresql import aggregate_order_by
from sqlalchemy.orm import InstrumentedAttribute

from etp_inventory.location.models import Location, LocationKind
from etp_inventory.pack.models import Pack, Readiness
from etp_inventory.pack.readiness import ReadinessRules
from etp_inventory.public_map.schemas import COORDINATE_DECIMALS, rounded_degrees
from vru_shared.repository import Repository

EARTH_RADIUS_M = 6_371_008.8

PUBLIC_COLUMNS = (
    Location.id,
    Location.name,
    Location.address,
    Location.postcode,
    Location.district,
    Location.access_hours,
    Location.cabinet_type,
    Location.latitude,
    Location.longitude,
)


def public_site() -> ColumnElement[bool]:
    return and_(Location.kind == LocationKind.SITE.value, Location.is_public.is_(True))


def _rounded(column: InstrumentedAttribute[float | None]) -> ColumnElement[float]:
    return cast(func.round(cast(column, Numeric), COORDINATE_DECIMALS), Float)


def distance_m(latitude: float, longitude: float) -> ColumnElement[float]:
    """Haversine great-circle distance from the point to the site, in metres.

    Both points are rounded to ``COORDINATE_DECIMALS`` places first: PostgreSQL raises on a float underflow
    (``radians(5e-324)``, or the square of a sine of a difference of 1e-300 degrees), so every difference is
    0 or at least about 1e-9 degrees and every product stays far from the subnormal range."""
    lat = cast(literal(rounded_degrees(latitude)), Float)
    lon = cast(literal(rounded_degrees(longitude)), Float)
    site_lat, site_lon = _rounded(Location.latitude), _rounded(Location.longitude)
    d_lat = func.radians(site_lat - lat)
    d_lon = func.radians(site_lon - lon)
    a = func.power(func.sin(d_lat / 2), 2) + func.cos(func.radians(lat)) * func.cos(
        func.radians(site_lat)
    ) * func.power(func.sin(d_lon / 2), 2)
    return 2 * EARTH_RADIUS_M * func.asin(func.least(1.0, func.sqrt(a)))


class PublicMapRepository(Repository[Location]):
    """Public sites and their ready packs, as named columns."""

    model = Location

    async def sites_with_ready_packs(self, rules: ReadinessRules) -> Sequence[Any]:
        stmt = (
            select(*PUBLIC_COLUMNS, func.array_agg(aggregate_order_by(Pack.public_id, Pack.serial)).label("packs"))
            .join(Pack, Pack.location_id == Location.id)
            .where(public_site(), rules.sql_is(Readiness.READY))
            .group_by(Location.id)
            .order_by(Location.name, Location.id)
        )
        return (await self.session.execute(stmt)).all()

    async def nearest(self, rules: ReadinessRules, latitude: float, longitude: float, limit: int) -> Sequence[Any]:
        distance = distance_m(latitude, longitude).label("distance_m")
        stmt = (
            select(Pack.public_id, distance, *PUBLIC_COLUMNS)
            .join(Location, Location.id == Pack.location_id)
            .where(public_site(), rules.sql_is(Readiness.READY))
            .order_by(distance, Pack.serial)
            .limit(limit)
        )
        return (await self.session.execute(stmt)).all()

    async def public_sites(self, rules: ReadinessRules) -> Sequence[Any]:
        ready = func.count(Pack.id).filter(rules.sql_is(Readiness.READY)).label("ready_packs")
        stmt = (
            select(*PUBLIC_COLUMNS, ready)
            .outerjoin(Pack, Pack.location_id == Location.id)
            .where(public_site())
            .group_by(Location.id)
            .order_by(Location.district, Location.name, Location.id)
        )
        return (await self.session.execute(stmt)).all()
