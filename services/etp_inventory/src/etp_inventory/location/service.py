from collections.abc import Sequence
from datetime import UTC, datetime
from uuid import UUID, uuid4

from sqlalchemy.ext.asyncio import AsyncSession

from etp_inventory.access import Scope
from etp_inventory.clients.identity import IdentityClient
from etp_inventory.location.exceptions import (
    CspNotFound,
    GuardianNotAssigned,
    LocationNotFound,
    LockCodeRequired,
    NotAGuardian,
    NotYourDistrict,
    SiteNotFound,
)
from etp_inventory.location.models import CabinetType, Location, LocationKind
from etp_inventory.location.repository import LocationRepository
from etp_inventory.location.schemas import GuardianAssign, SiteCreate, SiteUpdate
from vru_shared.auth import Principal
from vru_shared.etag import check_if_match
from vru_shared.pagination import PageParams


def require_district(scope: Scope, district: str | None) -> None:
    """Changes need the caller to manage the district (the central store: staff only)."""
    if not scope.sees_district(district):
        mine = ", ".join(sorted(scope.districts)) or "none"
        raise NotYourDistrict(f"You manage stock and sites in these districts only: {mine}.")


# --- locations and their stock ------------------------------------------------------------------------


async def list_locations(
    session: AsyncSession, *, scope: Scope, page: PageParams, kind: LocationKind | None, district: str | None
) -> Sequence[Location]:
    return await LocationRepository(session).page_locations(page, scope, kind=kind, district=district)


async def get_location(session: AsyncSession, *, scope: Scope, location_id: UUID) -> Location:
    location = await LocationRepository(session).get_visible(location_id, scope)
    if location is None:
        raise LocationNotFound(f"There is no location {location_id} that you can see.")
    return location


# --- sites ---------------------------------------------------------------------------------------------


async def list_sites(
    session: AsyncSession, *, scope: Scope, page: PageParams, district: str | None, is_public: bool | None
) -> Sequence[Location]:
    return await LocationRepository(session).page_sites(page, scope, district=district, is_public=is_public)


async def get_site(session: AsyncSession, *, scope: Scope, site_id: UUID, for_update: bool = False) -> Location:
    repo = LocationRepository(session)
    site = await repo.get(site_id, for_update=for_update, base=repo.sites(scope))
    if site is None:
        raise SiteNotFound(f"There is no site {site_id} that you can see.")
    return site


async def create_site(session: AsyncSession, *, scope: Scope, data: SiteCreate) -> Location:
    require_district(scope, data.district)
    repo = LocationRepository(session)
    csp = await repo.csp(data.district)
    if csp is None:  # pragma: no cover - every district has its CSP (seeded)
        raise CspNotFound(f"There is no CSP for '{data.district}'.")
    site = Location(
        id=uuid4(),
        kind=LocationKind.SITE.value,
        csp_id=csp.id,
        **data.model_dump(mode="json"),
        version=1,
    )
    await repo.add(site)
    return await get_site(session, scope=scope, site_id=site.id)


async def update_site(
    session: AsyncSession, *, scope: Scope, site_id: UUID, data: SiteUpdate, if_match: str | None
) -> Location:
    site = await get_site(session, scope=scope, site_id=site_id, for_update=True)
    require_district(scope, str(site.district))
    check_if_match(if_match, site.version)
    changes = {f: v for f, v in data.model_dump(mode="json", exclude_unset=True).items() if getattr(site, f) != v}
    if changes.get("cabinet_type", site.cabinet_type) == CabinetType.LOCKED_CABINET.value and not changes.get(
        "lock_code", site.lock_code
    ):
        raise LockCodeRequired("A locked cabinet needs its lock_code.")
    if changes:
        await LocationRepository(session).update(site, {**changes, "updated_at": datetime.now(UTC)})
    return await get_site(session, scope=scope, site_id=site_id)


async def assign_guardian(
    session: AsyncSession,
    *,
    scope: Scope,
    principal: Principal,
    site_id: UUID,
    subject: str,
    data: GuardianAssign,
    identity: IdentityClient,
) -> tuple[Location, bool]:
    repo = LocationRepository(session)
    require_district(scope, str((await get_site(session, scope=scope, site_id=site_id)).district))
    # Asked before the site is locked: a slow identity service holds no row lock here.
    guardian = await identity.guardian(subject)
    if guardian is None:
        raise NotAGuardian(
            f"{subject} is not an active guardian's person id. Look the person up by e-mail "
            "(GET /v1/guardians?email=…); an administrator gives them the guardian role."
        )
    site = await get_site(session, scope=scope, site_id=site_id, for_update=True)
    name = data.name or guardian.display_name
    created = await repo.assign_guardian(site, subject, name=name, by=principal.subject)
    await repo.update(site, {"updated_at": datetime.now(UTC)})
    return await get_site(session, scope=scope, site_id=site_id), created


async def remove_guardian(session: AsyncSession, *, scope: Scope, site_id: UUID, subject: str) -> None:
    repo = LocationRepository(session)
    site = await get_site(session, scope=scope, site_id=site_id, for_update=True)
    require_district(scope, str(site.district))
    if not await repo.remove_guardian(site, subject):
        raise GuardianNotAssigned(f"{subject} is not a guardian of site {site_id}.")
    await repo.update(site, {"updated_at": datetime.now(UTC)})
