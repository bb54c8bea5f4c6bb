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
from etp_inventory.pack.service import load as load_pack
from vru_shared.auth import Principal
from vru_shared.pagination import PageParams

#: Clocks differ a little: a check stamped this far ahead of ours is still accepted.
CLOCK_SKEW = timedelta(minutes=5)


def check_read(check: Check, serial: str) -> CheckRead:
    return CheckRead(
        id=check.id,
        pack_id=check.pack_id,
        serial=serial,
        site_id=check.site_id,
        checked_at=check.checked_at,
        seal_intact=check.seal_intact,
        contents_present=check.contents_present,
        expiry_seen=check.expiry_seen,
        notes=check.notes,
        checked_by=check.checked_by,
        checked_by_name=check.checked_by_name,
        passed=check.seal_intact and check.contents_present and check.expiry_seen,
    )


async def log_check(
    session: AsyncSession, *, principal: Principal, scope: Scope, rules: ReadinessRules, data: CheckCreate
) -> CheckResult:
    pack, location, _ = await load_pack(session, scope=scope, pack_id=data.pack_id, for_update=True)
    if location.kind != LocationKind.SITE.value or pack.status != PackStatus.IN_STOCK.value:
        raise PackNotAtSite(f"Pack {pack.serial} is not in place at a site; only packs at sites are checked.")
    now = datetime.now(UTC)
    checked_at = data.checked_at or now
    if checked_at > now + CLOCK_SKEW:
        raise CheckInFuture("checked_at is in the future.")
    check = Check(
        id=uuid4(),
        pack_id=pack.id,
        site_id=location.id,
        checked_at=checked_at,
        seal_intact=data.seal_intact,
        contents_present=data.contents_present,
        expiry_seen=data.expiry_seen,
        notes=data.notes,
        checked_by=principal.subject,
        checked_by_name=principal.name,
    )
    await CheckRepository(session).insert(check)
    if pack.last_checked_at is None or checked_at >= pack.last_checked_at:
        pack.last_checked_at = checked_at
        pack.needs_attention = not (data.seal_intact and data.contents_present and data.expiry_seen)
    pack.version += 1
    pack.updated_at = now
    await session.flush()
    return CheckResult(
        **check_read(check, pack.serial).model_dump(),
        readiness=rules.of(pack, location.kind),
        next_check_due_at=rules.check_due_at(pack, location.kind),
    )


async def list_checks(
    session: AsyncSession, *, scope: Scope, page: PageParams, pack_id: UUID | None, site_id: UUID | None
) -> list[CheckRead]:
    rows = await CheckRepository(session).page(page, scope, pack_id=pack_id, site_id=site_id)
    return [check_read(check, serial) for check, serial in rows]


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
    guardians = await repo.guardian_subjects([loc.id for _, loc, _ in rows])
    return [
        DueCheck(
            pack_id=pack.id,
            serial=pack.serial,
            site=SiteRef(id=loc.id, name=loc.name, district=str(loc.district)),
            last_checked_at=pack.last_checked_at,
            due_at=due_at,
            overdue=due_at < rules.now,
            guardians=guardians[loc.id],
        )
        for pack, loc, due_at in rows
    ]
