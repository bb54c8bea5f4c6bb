from datetime import UTC, date, datetime
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from etp_inventory.access import Scope
from etp_inventory.location.models import Location, LocationKind
from etp_inventory.location.service import require_district
from etp_inventory.pack.exceptions import ComponentNotInPack, InvalidExpiry, PackNotFound, PackNotInStock
from etp_inventory.pack.models import Pack, PackStatus, Readiness
from etp_inventory.pack.readiness import ReadinessRules
from etp_inventory.pack.repository import PackRepository, PackRow
from etp_inventory.pack.schemas import ComponentReplacement, LocationRef, PackComponentRead, PackDetail, PackRead
from vru_shared.etag import check_if_match
from vru_shared.pagination import PageParams


def location_ref(location: Location) -> LocationRef:
    return LocationRef(id=location.id, kind=LocationKind(location.kind), name=location.name, district=location.district)


def pack_read(row: PackRow, rules: ReadinessRules) -> PackRead:
    pack, location, kit_type = row
    return PackRead(
        id=pack.id,
        public_id=pack.public_id,
        serial=pack.serial,
        kit_type=kit_type,
        status=PackStatus(pack.status),
        readiness=rules.of(pack, location.kind),
        location=location_ref(location),
        arrived_at=pack.arrived_at,
        expires_on=pack.expires_on,
        last_checked_at=pack.last_checked_at,
        next_check_due_at=rules.check_due_at(pack, location.kind),
        needs_attention=pack.needs_attention,
        version=pack.version,
    )


async def list_packs(
    session: AsyncSession,
    *,
    scope: Scope,
    rules: ReadinessRules,
    page: PageParams,
    location_id: UUID | None,
    district: str | None,
    status: PackStatus | None,
    readiness: Readiness | None,
    serial: str | None,
) -> list[PackRead]:
    rows = await PackRepository(session).page(
        page,
        scope,
        rules,
        location_id=location_id,
        district=district,
        status=status,
        readiness=readiness,
        serial=serial,
    )
    return [pack_read(row, rules) for row in rows]


async def load(session: AsyncSession, *, scope: Scope, pack_id: UUID, for_update: bool = False) -> PackRow:
    row = await PackRepository(session).get(pack_id, scope, for_update=for_update)
    if row is None:
        raise PackNotFound(f"There is no pack {pack_id} that you can see.")
    return row


async def get_pack(session: AsyncSession, *, scope: Scope, rules: ReadinessRules, pack_id: UUID) -> PackDetail:
    repo = PackRepository(session)
    row = await load(session, scope=scope, pack_id=pack_id)
    components = await repo.components_of(pack_id)
    return PackDetail(
        **pack_read(row, rules).model_dump(),
        components=[
            PackComponentRead(
                component=c.code,
                name=c.name,
                quantity=p.quantity,
                expires_on=p.expires_on,
                replaced_at=p.replaced_at,
            )
            for p, c in components
        ],
    )


def refresh_expiry(pack: Pack, expiries: list[date | None]) -> None:
    dates = [d for d in expiries if d is not None]
    pack.expires_on = min(dates) if dates else None


async def replace_component(
    session: AsyncSession,
    *,
    scope: Scope,
    rules: ReadinessRules,
    pack_id: UUID,
    code: str,
    data: ComponentReplacement,
    if_match: str | None,
) -> PackDetail:
    repo = PackRepository(session)
    pack, location, _ = await load(session, scope=scope, pack_id=pack_id, for_update=True)
    require_district(scope, location.district)
    check_if_match(if_match, pack.version)
    if pack.status != PackStatus.IN_STOCK.value:
        raise PackNotInStock(
            f"Pack {pack.serial} is {pack.status.replace('_', ' ')}; only packs in stock are restored."
        )
    components = await repo.components_of(pack_id)
    found = next(((p, c) for p, c in components if c.code == code), None)
    if found is None:
        raise ComponentNotInPack(f"Pack {pack.serial} has no component '{code}'.")
    part, component_type = found
    if component_type.shelf_life_months is not None and data.expires_on is None:
        raise InvalidExpiry(f"'{code}' expires: give the new item's expires_on.")
    if component_type.shelf_life_months is None and data.expires_on is not None:
        raise InvalidExpiry(f"'{code}' does not expire: expires_on must be null.")
    if data.expires_on is not None and data.expires_on < rules.today:
        raise InvalidExpiry("The replacement is already out of date.")
    part.expires_on = data.expires_on
    part.replaced_at = datetime.now(UTC)
    refresh_expiry(pack, [p.expires_on for p, _ in components])
    pack.needs_attention = False
    pack.version += 1
    pack.updated_at = datetime.now(UTC)
    await repo.flush()
    return await get_pack(session, scope=scope, rules=rules, pack_id=pack_id)
