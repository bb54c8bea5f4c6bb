"""Development data: link the dev partner agencies to the identity service's dev agencies.

The identity service seeds its development agencies with ids ``uuid5(SEED_NAMESPACE, "agency:<code>")``
(``identity.seed.seed_id``); the same ids are computed here, so the referrals
service does not import the identity service. Idempotent: run it after every migration. Never in production
— there, an admin links each partner agency with ``PATCH /v1/partner-agencies/{code}``.
"""

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from referrals.reference.repository import PartnerAgencyRepository

#: ``identity.seed.SEED_NAMESPACE``: the identity service's development seed ids.
IDENTITY_SEED_NAMESPACE = uuid.UUID("b7e0c3a4-1d2f-4c6e-9a8b-5f4e3d2c1b0a")

#: Partner agency code here → the identity service's development agency code.
DEV_LINKS = {
    "childrens-social-work-services": "childrens-social-work-services",
    "youth-justice-service": "youth-justice-service",
    "substance-misuse-service": "young-peoples-substance-misuse-service",
    "probation-service": "national-probation-service",
}


def identity_agency_id(code: str) -> uuid.UUID:
    return uuid.uuid5(IDENTITY_SEED_NAMESPACE, f"agency:{code}")


async def seed_development(session: AsyncSession) -> int:
    """Link the development partner agencies; returns how many changed (0 when already linked)."""
    partners = PartnerAgencyRepository(session)
    changed = 0
    for partner_code, agency_code in DEV_LINKS.items():
        wanted = identity_agency_id(agency_code)
        partner = await partners.get_by(code=partner_code)
        if partner is None or partner.identity_agency_id == wanted:
            continue
        holder = await partners.for_identity_agency(wanted)
        if holder is not None:
            await partners.update(holder, {"identity_agency_id": None})
        await partners.update(partner, {"identity_agency_id": wanted})
        changed += 1
    return changed
