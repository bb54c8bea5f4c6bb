from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from etp_inventory.access import Scope
from etp_inventory.alert.repository import AlertRepository
from etp_inventory.alert.schemas import AlertCounts, ExpiringPack
from etp_inventory.csp.service import csp_summaries
from etp_inventory.pack.readiness import ReadinessRules
from etp_inventory.pack.schemas import LocationRef
from vru_shared.pagination import PageParams


async def expiring(
    session: AsyncSession, *, scope: Scope, rules: ReadinessRules, page: PageParams, within_days: int
) -> list[ExpiringPack]:
    today = rules.today
    rows = await AlertRepository(session).expiring(page, scope, by=today + timedelta(days=within_days))
    out = []
    for pack in rows:
        assert pack.expires_on is not None
        out.append(
            ExpiringPack(
                pack_id=pack.id,
                serial=pack.serial,
                location=LocationRef.model_validate(pack.location),
                expires_on=pack.expires_on,
                days_left=(pack.expires_on - today).days,
                expired=pack.expires_on < today,
            )
        )
    return out


def districts_of(scope: Scope) -> frozenset[str] | None:
    return None if scope.everything else scope.districts


async def counts(session: AsyncSession, *, scope: Scope, rules: ReadinessRules, default_minimum: int) -> AlertCounts:
    expired, d30, d60, d90, overdue = await AlertRepository(session).counts(scope, rules)
    low = await csp_summaries(session, districts=districts_of(scope), rules=rules, default_minimum=default_minimum)
    return AlertCounts(
        expired_in_stock=expired,
        expiring_30_days=d30,
        expiring_60_days=d60,
        expiring_90_days=d90,
        overdue_checks=overdue,
        csps_below_minimum=[c.district for c in low if c.below_minimum],
    )
