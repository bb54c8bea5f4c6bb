import logging
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from uuid import UUID, uuid4

from sqlalchemy.ext.asyncio import AsyncSession

from etp_inventory.access import Scope
from etp_inventory.clients.referrals import ReferralsClient
from etp_inventory.db import event_outbox
from etp_inventory.location.models import LocationKind
from etp_inventory.location.repository import LocationRepository
from etp_inventory.movement.models import MovementKind, ResupplyStatus, ResupplyTask
from etp_inventory.movement.repository import ResupplyRepository
from etp_inventory.movement.service import record
from etp_inventory.pack.models import PackStatus
from etp_inventory.pack.service import load as load_pack
from etp_inventory.use_report.exceptions import PackNotUsable, UsedInFuture, UseReportNotFound
from etp_inventory.use_report.models import CrimeReferenceStatus, UseReport
from etp_inventory.use_report.repository import UseReportRepository
from etp_inventory.use_report.schemas import UseReportCreate, VerificationRun
from vru_shared.auth import Principal
from vru_shared.events import Audience, publish
from vru_shared.http_client import DownstreamError, DownstreamUnavailable
from vru_shared.pagination import PageParams

logger = logging.getLogger("etp_inventory.use_reports")

CLOCK_SKEW = timedelta(minutes=5)


async def check_reference(referrals: ReferralsClient | None, crime_reference: str) -> CrimeReferenceStatus:
    """Ask referrals; when it cannot answer, the reference stays ``unverified`` (asked again later)."""
    if referrals is None:
        return CrimeReferenceStatus.UNVERIFIED
    try:
        result = await referrals.check_crime_reference(crime_reference)
    except DownstreamUnavailable:
        logger.info("referrals unavailable; crime reference left unverified")
        return CrimeReferenceStatus.UNVERIFIED
    except DownstreamError as error:
        logger.warning("referrals refused the reference check", extra={"status": error.status_code})
        return CrimeReferenceStatus.UNVERIFIED
    return CrimeReferenceStatus.VERIFIED if result.known else CrimeReferenceStatus.UNKNOWN


async def report_use(
    session: AsyncSession,
    *,
    principal: Principal,
    scope: Scope,
    data: UseReportCreate,
    referrals: ReferralsClient | None,
) -> UseReport:
    pack = await load_pack(session, scope=scope, pack_id=data.pack_id, for_update=True)
    location = pack.location
    if location.id != data.site_id or location.kind != LocationKind.SITE.value:
        raise PackNotUsable(f"Pack {pack.serial} is not at site {data.site_id}.")
    if pack.status != PackStatus.IN_STOCK.value:
        raise PackNotUsable(f"Pack {pack.serial} is {pack.status.replace('_', ' ')}, not in place at the site.")
    now = datetime.now(UTC)
    if data.used_at > now + CLOCK_SKEW:
        raise UsedInFuture("used_at is in the future.")
    status = await check_reference(referrals, data.crime_reference) if data.crime_reference else None
    report = UseReport(
        id=uuid4(),
        pack_id=pack.id,
        site_id=location.id,
        used_at=data.used_at,
        crime_reference=data.crime_reference,
        crime_reference_status=status.value if status else None,
        crime_reference_checked_at=now
        if status in (CrimeReferenceStatus.VERIFIED, CrimeReferenceStatus.UNKNOWN)
        else None,
        notes=data.notes,
        reported_by=principal.subject,
        reported_by_name=principal.name,
        version=1,
    )
    repo = UseReportRepository(session)
    await repo.add(report)
    await record(
        session,
        principal=principal,
        kind=MovementKind.USED,
        packs=[(pack.id, pack.serial)],
        origin=location,
        destination=None,
        reason=f"Use report {report.id}",
        reference_id=report.id,
        pack_values={"status": PackStatus.USED.value},
    )
    assert location.csp_id is not None
    await ResupplyRepository(session).add(
        ResupplyTask(id=uuid4(), site_id=location.id, csp_id=location.csp_id, use_report_id=report.id)
    )
    await publish(
        session,
        event_outbox,
        "pack.used",
        record_id=report.id,
        path=f"/v1/use-reports/{report.id}",
        # sites and packs belong to the unit and its CSPs, not to an agency; the site's guardians get a notice
        audience=Audience([], staff=True, people=await LocationRepository(session).guardian_people(location.id)),
        status=PackStatus.USED.value,
        district=location.district,
        extra={"pack_id": str(pack.id), "site_id": str(location.id)},
    )
    found = await repo.get(report.id)
    assert found is not None
    return found


async def list_reports(
    session: AsyncSession,
    *,
    scope: Scope,
    page: PageParams,
    district: str | None,
    status: CrimeReferenceStatus | None,
) -> Sequence[UseReport]:
    return await UseReportRepository(session).page_reports(page, scope, district=district, status=status)


async def get_report(session: AsyncSession, *, scope: Scope, report_id: UUID) -> UseReport:
    report = await UseReportRepository(session).get_visible(report_id, scope)
    if report is None:
        raise UseReportNotFound(f"There is no use report {report_id} that you can see.")
    return report


async def verify_pending(session: AsyncSession, *, referrals: ReferralsClient, limit: int = 200) -> VerificationRun:
    """Ask referrals again about every ``unverified`` crime reference (stopping when it cannot answer)."""
    verified = unknown = waiting = 0
    now = datetime.now(UTC)
    repo = UseReportRepository(session)
    reports = await repo.unverified(limit)
    for position, report in enumerate(reports):
        assert report.crime_reference is not None
        try:
            result = await referrals.check_crime_reference(report.crime_reference)
        except DownstreamUnavailable:
            waiting += len(reports) - position
            break
        except DownstreamError:
            waiting += 1
            continue
        status = CrimeReferenceStatus.VERIFIED if result.known else CrimeReferenceStatus.UNKNOWN
        await repo.update(report, {"crime_reference_status": status.value, "crime_reference_checked_at": now})
        if result.known:
            verified += 1
        else:
            unknown += 1
    return VerificationRun(checked=verified + unknown, verified=verified, unknown=unknown, unverified=waiting)


async def list_tasks(
    session: AsyncSession, *, scope: Scope, page: PageParams, district: str | None, status: ResupplyStatus | None
) -> Sequence[ResupplyTask]:
    return await ResupplyRepository(session).page_tasks(page, scope, district=district, status=status)
