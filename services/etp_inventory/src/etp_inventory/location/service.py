from collections.abc import Sequence
from datetime import UTC, datetime
from uuid import UUID, uuid4

from sqlalchemy.ext.asyncio import AsyncSession

from etp_inventory.access import Scope
from etp_inventory.location.exceptions import (
    CspNotFound,
    GuardianNotAssigned,
    LocationNotFound,
    LockCodeRequired,
    NotYourDistrict,
    SiteNotFound,
)
from etp_inventory.location.models import CabinetType, Location, LocationKind
from etp_inventory.location.repository import LocationRepository
from etp_inventory.location.schemas import (
    GuardianAssign,
    GuardianRead,
    LocationRead,
    SiteCreate,
    SiteRead,
    SiteUpdate,
)
from etp_inventory.stock import StockRepository
from vru_shared.auth import Principal
from vru_shared.etag import check_if_match
from vru_shared.pagination import PageParams


def require_district(scope: Scope, district: str | None) -> None:
    """Changes need the caller to manage the district (the central store: staff only)."""
    if not scope.sees_district(district):
        mine = ", ".join(sorted(scope.districts)) or "none"
        raise NotYourDistrict(f"You manage stock and sites in these districts only: {mine}.")


# --- locations and their stock ------------------------------------------------------------------------


async def _location_reads(session: AsyncSession, locations: Sequence[Location]) -> list[LocationRead]:
    stock = await StockRepository(session).on_hand([r.id for r in locations])
    return [
        LocationRead(id=r.id, kind=LocationKind(r.kind), district=r.district, name=r.name, on_hand=stock[r.id])
        for r in locations
    ]


async def list_locations(
    session: AsyncSession, *, scope: Scope, page: PageParams, kind: LocationKind | None, district: str | None
) -> list[LocationRead]:
    return await _location_reads(
        session, await LocationRepository(session).page(page, scope, kind=kind, district=district)
    )


async def get_location(session: AsyncSession, *, scope: Scope, location_id: UUID) -> LocationRead:
    location = await LocationRepository(session).get(location_id, scope)
    if location is None:
        raise LocationNotFound(f"There is no location {location_id} that you can see.")
    (read,) = await _location_reads(session, [location])
    return read


# --- sites ---------------------------------------------------------------------------------------------


async def _site_reads(
    repo: LocationRepository, session: AsyncSession, scope: Scope, sites: Sequence[Location]
) -> list[SiteRead]:
    guardians = await repo.guardians_of([s.id for s in sites])
    stock = await StockRepository(session).on_hand([s.id for s in sites])
    out = []
    for site in sites:
        subjects = {g.subject for g in guardians[site.id]}
        out.append(
            SiteRead(
                id=site.id,
                district=str(site.district),
                csp_id=site.csp_id or site.id,
                name=site.name,
                address=str(site.address),
                postcode=str(site.postcode),
                latitude=float(site.latitude or 0.0),
                longitude=float(site.longitude or 0.0),
                access_hours=site.access_hours,
                cabinet_type=CabinetType(site.cabinet_type or CabinetType.INDOORS),
                lock_code=site.lock_code if scope.lock_code_visible(site.district, subjects) else None,
                is_public=site.is_public,
                contact_name=site.contact_name,
                contact_phone=site.contact_phone,
                contact_email=site.contact_email,
                guardians=[GuardianRead.model_validate(g) for g in guardians[site.id]],
                on_hand=stock[site.id],
                version=site.version,
                created_at=site.created_at,
                updated_at=site.updated_at,
            )
        )
    return out


async def list_sites(
    session: AsyncSession, *, scope: Scope, page: PageParams, district: str | None, is_public: bool | None
) -> list[SiteRead]:
    repo = LocationRepository(session)
    sites = await repo.page_sites(page, scope, district=district, is_public=is_public)
    return await _site_reads(repo, session, scope, sites)


async def load_site(session: AsyncSession, *, scope: Scope, site_id: UUID, for_update: bool = False) -> Location:
    site = await LocationRepository(session).get(site_id, scope, kind=LocationKind.SITE, for_update=for_update)
    if site is None:
        raise SiteNotFound(f"There is no site {site_id} that you can see.")
    return site


async def get_site(session: AsyncSession, *, scope: Scope, site_id: UUID) -> SiteRead:
    repo = LocationRepository(session)
    site = await load_site(session, scope=scope, site_id=site_id)
    (read,) = await _site_reads(repo, session, scope, [site])
    return read


async def create_site(session: AsyncSession, *, scope: Scope, data: SiteCreate) -> SiteRead:
    require_district(scope, data.district)
    repo = LocationRepository(session)
    csp = await repo.csp(data.district)
    if csp is None:  # pragma: no cover - every district has its CSP (seeded)
        raise CspNotFound(f"There is no CSP for '{data.district}'.")
    site = Location(
        id=uuid4(),
        kind=LocationKind.SITE.value,
        district=data.district,
        csp_id=csp.id,
        name=data.name,
        address=data.address,
        postcode=data.postcode,
        latitude=data.latitude,
        longitude=data.longitude,
        access_hours=data.access_hours,
        cabinet_type=data.cabinet_type.value,
        lock_code=data.lock_code,
        is_public=data.is_public,
        contact_name=data.contact_name,
        contact_phone=data.contact_phone,
        contact_email=data.contact_email,
        version=1,
    )
    await repo.insert(site)
    await session.refresh(site)
    (read,) = await _site_reads(repo, session, scope, [site])
    return read


async def update_site(
    session: AsyncSession, *, scope: Scope, site_id: UUID, data: SiteUpdate, if_match: str | None
) -> SiteRead:
    repo = LocationRepository(session)
    site = await load_site(session, scope=scope, site_id=site_id, for_update=True)
    require_district(scope, str(site.district))
    check_if_match(if_match, site.version)
    changes = data.model_dump(exclude_unset=True)
    if "cabinet_type" in changes:
        changes["cabinet_type"] = CabinetType(changes["cabinet_type"]).value
    changed = False
    for field, value in changes.items():
        if getattr(site, field) != value:
            setattr(site, field, value)
            changed = True
    if site.cabinet_type == CabinetType.LOCKED_CABINET.value and not site.lock_code:
        raise LockCodeRequired("A locked cabinet needs its lock_code.")
    if changed:
        site.version += 1
        site.updated_at = datetime.now(UTC)
        await repo.flush()
    (read,) = await _site_reads(repo, session, scope, [site])
    return read


async def assign_guardian(
    session: AsyncSession, *, scope: Scope, principal: Principal, site_id: UUID, subject: str, data: GuardianAssign
) -> tuple[SiteRead, bool]:
    repo = LocationRepository(session)
    site = await load_site(session, scope=scope, site_id=site_id, for_update=True)
    require_district(scope, str(site.district))
    created = await repo.assign_guardian(site.id, subject, name=data.name, by=principal.subject)
    site.version += 1
    site.updated_at = datetime.now(UTC)
    await repo.flush()
    (read,) = await _site_reads(repo, session, scope, [site])
    return read, created


async def remove_guardian(session: AsyncSession, *, scope: Scope, site_id: UUID, subject: str) -> None:
    repo = LocationRepository(session)
    site = await load_site(session, scope=scope, site_id=site_id, for_update=True)
    require_district(scope, str(site.district))
    if not await repo.remove_guardian(site.id, subject):
        raise GuardianNotAssigned(f"{subject} is not a guardian of site {site_id}.")
    site.version += 1
    site.updated_at = datetime.now(UTC)
    await repo.flush()
