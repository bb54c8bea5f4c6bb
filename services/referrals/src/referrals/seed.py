"""Development data: link the dev partner agencies to the identity service's dev agencies.

The identity service seeds its development agencies with ids ``uuid5(SEED_NAMESPACE, "agency:<code>")``
(``identity.seed.seed_id``); the same ids are computed here, so the referrals
service does not import the identity service. Idempotent: run it after every migration. Never in production
— there, an admin links each partner agency with ``PATCH /v1/partner-agencies/{code}``.
"""

import uuid

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from referrals.reference.models import PartnerAgency

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
    changed = 0
    for partner_code, agency_code in DEV_LINKS.items():
        wanted = identity_agency_id(agency_code)
        current = (
            await session.execute(select(PartnerAgency.identity_agency_id).where(PartnerAgency.code == partner_code))
        ).one_or_none()
        if current is None or current[0] == wanted:
            continue
        await session.execute(
            update(PartnerAgency)
            .where(PartnerAgency.identity_agency_id == wanted, PartnerAgency.code != partner_code)
            .values(identity_agency_id=None, version=PartnerAgency.version + 1)
        )
        await session.execute(
            update(PartnerAgency)
            .where(PartnerAgency.code == partner_code)
            .values(identity_agency_id=wanted, version=PartnerAgency.version + 1)
        )
        changed += 1
    await session.flush()
    return changed
