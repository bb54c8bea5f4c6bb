from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from etp_inventory.csp.repository import AT_SITES, CspRepository
from etp_inventory.csp.schemas import CspSummary, CspUpdate, ReadinessCounts
from etp_inventory.location.exceptions import CspNotFound
from etp_inventory.location.models import Location, LocationKind
from etp_inventory.location.repository import LocationRepository
from etp_inventory.pack.readiness import ReadinessRules
from etp_inventory.stock import StockRepository
from vru_shared.etag import check_if_match


def minimum_of(csp: Location, default_minimum: int) -> int:
    return csp.minimum_stock if csp.minimum_stock is not None else default_minimum


async def csp_summaries(
    session: AsyncSession,
    *,
    districts: frozenset[str] | None,
    rules: ReadinessRules,
    default_minimum: int,
    only: str | None = None,
) -> list[CspSummary]:
    repo = CspRepository(session)
    wanted: frozenset[str] | None = districts
    if only is not None:
        wanted = frozenset({only}) if districts is None or only in districts else frozenset()
    csps = await LocationRepository(session).csps(wanted)
    stock = StockRepository(session)
    on_hand = await stock.on_hand([c.id for c in csps])
    at_sites = await stock.on_hand_by_district(LocationKind.SITE.value, wanted)
    sites = await repo.site_counts(wanted)
    readiness = await repo.readiness_counts(wanted, rules)
    used = await repo.use_counts(wanted)
    tasks = await repo.open_task_counts(wanted)
    out = []
    for csp in csps:
        district = str(csp.district)
        counts = readiness.get(district, {})
        minimum = minimum_of(csp, default_minimum)
        out.append(
            CspSummary(
                id=csp.id,
                district=district,
                name=csp.name,
                on_hand=on_hand[csp.id],
                at_sites=at_sites.get(district, 0),
                sites=sites.get(district, (0, 0))[0],
                public_sites=sites.get(district, (0, 0))[1],
                readiness_at_sites=ReadinessCounts.model_validate({r.value: counts.get(r, 0) for r in AT_SITES}),
                used=used.get(district, 0),
                open_resupply_tasks=tasks.get(csp.id, 0),
                minimum_stock=minimum,
                below_minimum=on_hand[csp.id] < minimum,
                version=csp.version,
            )
        )
    return out


async def get_csp(
    session: AsyncSession,
    *,
    districts: frozenset[str] | None,
    district: str,
    rules: ReadinessRules,
    default_minimum: int,
) -> CspSummary:
    found = await csp_summaries(
        session, districts=districts, rules=rules, default_minimum=default_minimum, only=district
    )
    if not found:
        raise CspNotFound(f"There is no CSP for '{district}' that you can see.")
    return found[0]


async def update_csp(
    session: AsyncSession,
    *,
    district: str,
    data: CspUpdate,
    if_match: str | None,
    rules: ReadinessRules,
    default_minimum: int,
) -> CspSummary:
    repo = LocationRepository(session)
    csp = await repo.csp(district, for_update=True)
    if csp is None:
        raise CspNotFound(f"There is no CSP for '{district}'.")
    check_if_match(if_match, csp.version)
    if csp.minimum_stock != data.minimum_stock:
        await repo.update(csp, {"minimum_stock": data.minimum_stock, "updated_at": datetime.now(UTC)})
    return await get_csp(session, districts=None, district=district, rules=rules, default_minimum=default_minimum)
