"""Stock, counted from the movement ledger: a floor below the domains that show it (locations, sites, CSPs).

It reads only the ledger's and the locations' tables."""

from collections.abc import Collection
from typing import Any
from uuid import UUID

from sqlalchemy import ScalarSelect, Subquery, func, literal, select, union_all

from etp_inventory.location.models import Location
from etp_inventory.movement.models import Movement
from vru_shared.repository import Repository


def _deltas() -> Subquery:
    """Every ledger entry as (+1 into its destination) and (−1 out of its origin)."""
    into = select(Movement.to_location_id.label("location_id"), literal(1).label("delta")).where(
        Movement.to_location_id.is_not(None)
    )
    out = select(Movement.from_location_id.label("location_id"), literal(-1).label("delta")).where(
        Movement.from_location_id.is_not(None)
    )
    return union_all(into, out).subquery("deltas")


def on_hand_here() -> ScalarSelect[int]:
    """Packs at the location of the enclosing query now, as a correlated subquery (its ``on_hand``)."""
    d = _deltas()
    return select(func.coalesce(func.sum(d.c.delta), 0)).where(d.c.location_id == Location.id).scalar_subquery()


class StockRepository(Repository[Movement]):
    """Stock from the ledger: per location, and per district for a kind of location."""

    model = Movement

    async def on_hand(self, location_ids: Collection[UUID]) -> dict[UUID, int]:
        """Packs at each location: entries in minus entries out."""
        if not location_ids:
            return {}
        d = _deltas()
        stmt = (
            select(d.c.location_id, func.sum(d.c.delta))
            .where(d.c.location_id.in_(list(location_ids)))
            .group_by(d.c.location_id)
        )
        rows: Any = await self.session.execute(stmt)
        found: dict[UUID, int] = {loc: int(n) for loc, n in rows}
        return {loc: found.get(loc, 0) for loc in location_ids}

    async def on_hand_by_district(self, kind: str, districts: Collection[str] | None) -> dict[str, int]:
        """Packs at locations of one kind (CSPs, or all sites), summed per district."""
        d = _deltas()
        stmt = (
            select(Location.district, func.sum(d.c.delta))
            .join(Location, Location.id == d.c.location_id)
            .where(Location.kind == kind)
            .group_by(Location.district)
        )
        if districts is not None:
            stmt = stmt.where(Location.district.in_(list(districts)))
        return {str(district): int(n) for district, n in (await self.session.execute(stmt))}
