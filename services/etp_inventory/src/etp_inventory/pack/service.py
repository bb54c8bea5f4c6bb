from datetime import UTC, datetime
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from etp_inventory.access import Scope
from etp_inventory.location.service import require_district
from etp_inventory.pack.exceptions import ComponentNotInPack, InvalidExpiry, PackNotFound, PackNotInStock
from etp_inventory.pack.models import Pack, PackStatus, Readiness
from etp_inventory.pack.readiness import ReadinessRules
from etp_inventory.pack.repository import PackRepository
from etp_inventory.pack.schemas import ComponentReplacement, LocationRef, PackComponentRead, PackDetail, PackRead
from vru_shared.etag import check_if_match
from vru_shared.pagination import PageParams


def pack_read(pack: Pack, rules: ReadinessRules) -> PackRead:
    return PackRead(
        id=pack.id,
        public_id=pack.public_id,
        serial=pack.serial,
        kit_type=pack.kit_type.code,
        status=PackStatus(pack.status),
        readiness=rules.of(pack, pack.location.kind),
        location=LocationRef.model_validate(pack.location),
        arrived_at=pack.arrived_at,
        expires_on=pack.expires_on,
        last_checked_at=pack.last_checked_at,
        next_check_due_at=rules.check_due_at(pack, pack.location.kind),
        needs_attention=pack.needs_attention,
        version=pack.version,
    )


def pack_detail(pack: Pack, rules: ReadinessRules) -> PackDetail:
    components = [PackComponentRead.model_validate(part) for part in pack.components]
    return PackDetail(**pack_read(pack, rules).model_dump(), components=components)


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
    rows = await PackRepository(session).page_packs(
        page,
        scope,
        rules,
        location_id=location_id,
        district=district,
        status=status,
        readiness=readiness,
        serial=serial,
    )
    return [pack_read(pack, rules) for pack in rows]


async def load(session: AsyncSession, *, scope: Scope, pack_id: UUID, for_update: bool = False) -> Pack:
    pack = await PackRepository(session).get_visible(pack_id, scope, for_update=for_update)
    if pack is None:
        raise PackNotFound(f"There is no pack {pack_id} that you can see.")
    return pack


async def get_pack(session: AsyncSession, *, scope: Scope, rules: ReadinessRules, pack_id: UUID) -> PackDetail:
    pack = await PackRepository(session).detail(pack_id, scope)
    if pack is None:
        raise PackNotFound(f"There is no pack {pack_id} that you can see.")
    return pack_detail(pack, rules)


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
    pack = await repo.detail(pack_id, scope, for_update=True)
    if pack is None:
        raise PackNotFound(f"There is no pack {pack_id} that you can see.")
    require_district(scope, pack.location.district)
    check_if_match(if_match, pack.version)
    if pack.status != PackStatus.IN_STOCK.value:
        raise PackNotInStock(
            f"Pack {pack.serial} is {pack.status.replace('_', ' ')}; only packs in stock are restored."
        )
    part = next((p for p in pack.parts if p.component == code), None)
    if part is None:
        raise ComponentNotInPack(f"Pack {pack.serial} has no component '{code}'.")
    if part.component_type.shelf_life_months is not None and data.expires_on is None:
        raise InvalidExpiry(f"'{code}' expires: give the new item's expires_on.")
    if part.component_type.shelf_life_months is None and data.expires_on is not None:
        raise InvalidExpiry(f"'{code}' does not expire: expires_on must be null.")
    if data.expires_on is not None and data.expires_on < rules.today:
        raise InvalidExpiry("The replacement is already out of date.")
    part.expires_on = data.expires_on
    part.replaced_at = datetime.now(UTC)
    dates = [p.expires_on for p in pack.parts if p.expires_on is not None]
    now = datetime.now(UTC)
    await repo.update(pack, {"expires_on": min(dates, default=None), "needs_attention": False, "updated_at": now})
    return pack_detail(pack, rules)
