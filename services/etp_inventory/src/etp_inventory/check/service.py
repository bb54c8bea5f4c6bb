from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from uuid import UUID, uuid4

from sqlalchemy.ext.asyncio import AsyncSession

from etp_inventory.access import Scope
from etp_inventory.check.exceptions import CheckInFuture, PackNotAtSite
from etp_inventory.check.models import Check
from etp_inventory.check.repository import CheckRepository
from etp_inventory.check.schemas import CheckCreate, CheckRead, CheckResult, DueCheck, SiteRef
from etp_inventory.location.models import LocationKind
from etp_inventory.pack.models import PackStatus
from etp_inventory.pack.readiness import ReadinessRules
from etp_inventory.pack.repository import PackRepository
from etp_inventory.pack.service import load as load_pack
from vru_shared.auth import Principal
from vru_shared.pagination import PageParams

#: Clocks differ a little: a check stamped this far ahead of ours is still accepted.
CLOCK_SKEW = timedelta(minutes=5)


async def log_check(
    session: AsyncSession, *, principal: Principal, scope: Scope, rules: ReadinessRules, data: CheckCreate
) -> CheckResult:
    pack = await load_pack(session, scope=scope, pack_id=data.pack_id, for_update=True)
    location = pack.location
    if location.kind != LocationKind.SITE.value or pack.status != PackStatus.IN_STOCK.value:
        raise PackNotAtSite(f"Pack {pack.serial} is not in place at a site; only packs at sites are checked.")
    now = datetime.now(UTC)
    checked_at = data.checked_at or now
    if checked_at > now + CLOCK_SKEW:
        raise CheckInFuture("checked_at is in the future.")
    check = Check(
        id=uuid4(),
        pack=pack,
        site_id=location.id,
        checked_at=checked_at,
        seal_intact=data.seal_intact,
        contents_present=data.contents_present,
        expiry_seen=data.expiry_seen,
        notes=data.notes,
        checked_by=principal.subject,
        checked_by_name=principal.name,
    )
    await CheckRepository(session).add(check)
    changes: dict[str, object] = {"updated_at": now}
    if pack.last_checked_at is None or checked_at >= pack.last_checked_at:
        changes |= {"last_checked_at": checked_at, "needs_attention": not check.passed}
    await PackRepository(session).update(pack, changes)
    return CheckResult(
        **CheckRead.model_validate(check).model_dump(),
        readiness=rules.of(pack, location.kind),
        next_check_due_at=rules.check_due_at(pack, location.kind),
    )


async def list_checks(
    session: AsyncSession, *, scope: Scope, page: PageParams, pack_id: UUID | None, site_id: UUID | None
) -> Sequence[Check]:
    return await CheckRepository(session).page_checks(page, scope, pack_id=pack_id, site_id=site_id)


async def due_checks(
    session: AsyncSession,
    *,
    scope: Scope,
    rules: ReadinessRules,
    page: PageParams,
    within_days: int,
    overdue_only: bool,
    district: str | None,
    guardian: str | None,
) -> list[DueCheck]:
    repo = CheckRepository(session)
    due_before = rules.now if overdue_only else rules.now + timedelta(days=within_days)
    rows = await repo.due(
        page,
        scope,
        interval_days=rules.check_interval_days,
        due_before=due_before,
        district=district,
        guardian=guardian,
    )
    return [
        DueCheck(
            pack_id=pack.id,
            serial=pack.serial,
            site=SiteRef(id=loc.id, name=loc.name, district=str(loc.district)),
            last_checked_at=pack.last_checked_at,
            due_at=due_at,
            overdue=due_at < rules.now,
            guardians=sorted(g.subject for g in loc.guardians),
        )
        for pack, loc, due_at in rows
    ]
