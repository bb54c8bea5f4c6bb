from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from etp_inventory.access import Scope
from etp_inventory.kit_type.exceptions import KitTypeNotFound
from etp_inventory.kit_type.repository import KitTypeRepository
from etp_inventory.location.models import Location, LocationKind
from etp_inventory.location.repository import LocationRepository
from etp_inventory.location.service import get_site, require_district
from etp_inventory.movement.exceptions import NotEnoughStock, PackNotMovable
from etp_inventory.movement.models import Movement, MovementKind
from etp_inventory.movement.repository import MovementRepository, ResupplyRepository
from etp_inventory.movement.schemas import (
    AllocationCreate,
    DeploymentCreate,
    MovementBatch,
    PackRef,
    PlaceRef,
    ReturnCreate,
    WriteOffCreate,
)
from etp_inventory.pack.models import PackStatus
from etp_inventory.pack.readiness import ReadinessRules
from etp_inventory.pack.service import load as load_pack
from vru_shared.auth import Principal
from vru_shared.logging import current_request_id
from vru_shared.pagination import PageParams


def place(location: Location | None) -> PlaceRef | None:
    if location is None:
        return None
    return PlaceRef(id=location.id, kind=location.kind, name=location.name, district=location.district)


async def record(
    session: AsyncSession,
    *,
    principal: Principal,
    kind: MovementKind,
    packs: Sequence[tuple[UUID, str]],
    origin: Location | None,
    destination: Location | None,
    reason: str | None,
    reference_id: UUID | None = None,
    pack_values: dict[str, Any] | None = None,
) -> MovementBatch:
    """Append one ledger entry per pack and bring the packs' current location and status in step."""
    now = datetime.now(UTC)
    repo = MovementRepository(session)
    ids = [pack_id for pack_id, _ in packs]
    if kind is not MovementKind.RECEIVED:
        values: dict[str, Any] = dict(pack_values or {})
        if destination is not None:
            values |= {"location_id": destination.id, "arrived_at": now}
        await repo.move_packs(ids, values=values)
    await repo.append(
        [
            {
                "pack_id": pack_id,
                "kind": kind.value,
                "from_location_id": origin.id if origin else None,
                "to_location_id": destination.id if destination else None,
                "reason": reason,
                "reference_id": reference_id,
                "actor": principal.subject,
                "actor_name": principal.name,
                "request_id": current_request_id(),
            }
            for pack_id in ids
        ]
    )
    return MovementBatch(
        kind=kind,
        from_location=place(origin),
        to_location=place(destination),
        count=len(packs),
        packs=[PackRef(id=pack_id, serial=serial) for pack_id, serial in packs],
        reason=reason,
        occurred_at=now,
    )


async def _take(
    session: AsyncSession,
    origin: Location,
    quantity: int,
    rules: ReadinessRules,
    *,
    kit_type_id: UUID | None = None,
    pack_ids: Sequence[UUID] | None = None,
) -> list[tuple[UUID, str]]:
    repo = MovementRepository(session)
    taken = await repo.lock_available(
        origin.id, quantity, kit_type_id=kit_type_id, in_date_from=rules.today, pack_ids=pack_ids
    )
    if len(taken) < quantity:
        available = await repo.count_available(origin.id, kit_type_id=kit_type_id, in_date_from=rules.today)
        what = "of the given packs are" if pack_ids is not None else "in-date packs are"
        raise NotEnoughStock(
            f"{origin.name} cannot supply {quantity}: only {len(taken)} {what} free to move now "
            f"({available} in date there in all, some perhaps being moved by another request).",
            extra={"requested": quantity, "available": len(taken)},
        )
    return taken


async def allocate(
    session: AsyncSession, *, principal: Principal, rules: ReadinessRules, data: AllocationCreate
) -> MovementBatch:
    locations = LocationRepository(session)
    store = await locations.central_store()
    csp = await locations.csp(data.csp)
    if csp is None:  # pragma: no cover - seeded for every district
        raise NotEnoughStock(f"There is no CSP for '{data.csp}'.")
    kit_type_id = None
    if data.kit_type is not None:
        kit_type = await KitTypeRepository(session).get_by(code=data.kit_type)
        if kit_type is None:
            raise KitTypeNotFound(f"There is no kit type '{data.kit_type}'.")
        kit_type_id = kit_type.id
    taken = await _take(session, store, data.quantity, rules, kit_type_id=kit_type_id)
    return await record(
        session,
        principal=principal,
        kind=MovementKind.ALLOCATED,
        packs=taken,
        origin=store,
        destination=csp,
        reason=data.reason,
    )


async def deploy(
    session: AsyncSession, *, principal: Principal, scope: Scope, rules: ReadinessRules, data: DeploymentCreate
) -> MovementBatch:
    site = await get_site(session, scope=scope, site_id=data.site_id)
    require_district(scope, site.district)
    csp = await LocationRepository(session).csp(str(site.district))
    assert csp is not None
    quantity = data.quantity if data.quantity is not None else len(data.pack_ids or [])
    taken = await _take(session, csp, quantity, rules, pack_ids=data.pack_ids)
    batch = await record(
        session,
        principal=principal,
        kind=MovementKind.DEPLOYED,
        packs=taken,
        origin=csp,
        destination=site,
        reason=data.reason,
    )
    await ResupplyRepository(session).complete_for_site(
        site.id, [pack_id for pack_id, _ in taken], by=principal.subject
    )
    return batch


async def return_pack(
    session: AsyncSession, *, principal: Principal, scope: Scope, data: ReturnCreate
) -> MovementBatch:
    pack = await load_pack(session, scope=scope, pack_id=data.pack_id, for_update=True)
    location = pack.location
    require_district(scope, location.district)
    if pack.status != PackStatus.IN_STOCK.value:
        raise PackNotMovable(f"Pack {pack.serial} is {pack.status.replace('_', ' ')}, not in stock.")
    locations = LocationRepository(session)
    if location.kind == LocationKind.SITE.value:
        destination = await locations.csp(str(location.district))
    elif location.kind == LocationKind.CSP.value:
        destination = await locations.central_store()
    else:
        raise PackNotMovable(f"Pack {pack.serial} is already in the central store.")
    return await record(
        session,
        principal=principal,
        kind=MovementKind.RETURNED,
        packs=[(pack.id, pack.serial)],
        origin=location,
        destination=destination,
        reason=data.reason,
        pack_values={"needs_attention": False, "last_checked_at": None},
    )


async def write_off(
    session: AsyncSession, *, principal: Principal, scope: Scope, data: WriteOffCreate
) -> MovementBatch:
    pack = await load_pack(session, scope=scope, pack_id=data.pack_id, for_update=True)
    location = pack.location
    require_district(scope, location.district)
    if pack.status != PackStatus.IN_STOCK.value:
        raise PackNotMovable(f"Pack {pack.serial} is {pack.status.replace('_', ' ')}, not in stock.")
    kind = MovementKind(data.kind)
    return await record(
        session,
        principal=principal,
        kind=kind,
        packs=[(pack.id, pack.serial)],
        origin=location,
        destination=None,
        reason=data.reason,
        pack_values={"status": kind.value},
    )


async def list_movements(
    session: AsyncSession,
    *,
    scope: Scope,
    page: PageParams,
    pack_id: UUID | None,
    location_id: UUID | None,
    kind: MovementKind | None,
) -> Sequence[Movement]:
    return await MovementRepository(session).page_entries(
        page, scope, pack_id=pack_id, location_id=location_id, kind=kind.value if kind else None
    )
