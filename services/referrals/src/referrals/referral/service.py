"""Referrals: drafting, the lawful basis, sending (a disclosure to the receiving agency), the receiving side's
answers and updates, and what each audience sees."""

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from referrals.access import CaseworkScope
from referrals.audit.schemas import AuditAction
from referrals.audit.service import record
from referrals.clients.funding import CountRefused, FundingClient
from referrals.reference.models import Forum, PartnerAgency
from referrals.reference.repository import ReferenceRepository
from referrals.referral.exceptions import (
    DuplicateReferral,
    InvalidReferral,
    LawfulBasisMissing,
    NotAFundedProject,
    NotTheReferrer,
    ReferralNotEditable,
    ReferralNotFound,
    ReferralTransitionNotAllowed,
    SubjectMerged,
)
from referrals.referral.models import (
    RESPONSES,
    TRANSITIONS,
    Consent,
    FundingCount,
    FundingCountStatus,
    LawfulBasis,
    Referral,
    ReferralEventKind,
    ReferralStatus,
)
from referrals.referral.repository import ReferralRepository, ReferralRow
from referrals.referral.schemas import (
    Destination,
    FundedProjectRead,
    FundedProjects,
    FundingCountRead,
    ReferralCreate,
    ReferralEventRead,
    ReferralRead,
    ReferralSubject,
    ReferralSummary,
    ReferralTransition,
    ReferralUpdate,
    SharedReferralRead,
    SharedReferralSummary,
    SharedSubject,
)
from referrals.review.repository import ReviewRepository
from referrals.subject.exceptions import SubjectNotFound
from referrals.versioning import expected_version, update_versioned
from vru_shared.auth import Principal
from vru_shared.etag import check_if_match
from vru_shared.http_client import DownstreamUnavailable
from vru_shared.pagination import PageParams

logger = logging.getLogger("referrals.funding_counts")

#: Fields only the referrer may change, and only while the referral is a draft.
REFERRER_FIELDS = frozenset({"reason", "lawful_basis", "consent", "sharing_note"})
TERMINAL = frozenset(s for s, nexts in TRANSITIONS.items() if not nexts)


def destination_of(r: Referral, forum: Forum | None, partner: PartnerAgency | None) -> Destination:
    if forum is not None:
        return Destination(kind="forum", code=forum.code, name=forum.name)
    if r.project_id is not None:
        assert r.project_code is not None
        assert r.project_name is not None
        return Destination(kind="project", code=r.project_code, name=r.project_name, project_id=r.project_id)
    assert partner is not None
    return Destination(kind="partner_agency", code=partner.code, name=partner.name)


def _fields(row: ReferralRow) -> dict[str, object]:
    r = row.referral
    return {
        "id": r.id,
        "status": ReferralStatus(r.status),
        "district": row.district,
        "destination": destination_of(row.referral, row.forum, row.partner),
        "reason": r.reason,
        "lawful_basis": LawfulBasis(r.lawful_basis) if r.lawful_basis else None,
        "consent": Consent(r.consent) if r.consent else None,
        "sharing_note": r.sharing_note,
        "agency_reference": r.agency_reference,
        "status_reason": r.status_reason,
        "outcome": r.outcome,
        "referred_by": r.created_by_name,
        "created_at": r.created_at,
        "updated_at": r.updated_at,
        "sent_at": r.sent_at,
        "closed_at": r.closed_at,
        "version": r.version,
    }


def summary(row: ReferralRow, scope: CaseworkScope) -> ReferralSummary | SharedReferralSummary:
    s = row.subject
    if scope.partner:
        shared = SharedSubject(given_name=s.given_name, family_name=s.family_name, date_of_birth=s.date_of_birth)
        return SharedReferralSummary(**_fields(row), subject=shared)
    subject = ReferralSubject(
        id=s.id, given_name=s.given_name, family_name=s.family_name, date_of_birth=s.date_of_birth
    )
    return ReferralSummary(**_fields(row), subject=subject, review_id=row.referral.review_id)


async def read_referral(
    repo: ReferralRepository, row: ReferralRow, scope: CaseworkScope
) -> ReferralRead | SharedReferralRead:
    events = [
        ReferralEventRead(
            kind=ReferralEventKind(e.kind),
            from_status=ReferralStatus(e.from_status) if e.from_status else None,
            to_status=ReferralStatus(e.to_status) if e.to_status else None,
            note=e.note,
            actor_name=e.actor_name,
            at=e.at,
        )
        for e in await repo.events_of(row.referral.id)
    ]
    base = summary(row, scope)
    if isinstance(base, SharedReferralSummary):
        return SharedReferralRead(**base.model_dump(exclude={"view"}), events=events)
    count = await repo.funding_count(row.referral.id) if row.referral.project_id is not None else None
    return ReferralRead(
        **base.model_dump(exclude={"view"}),
        events=events,
        funding_count=None
        if count is None
        else FundingCountRead(
            status=FundingCountStatus(count.status),
            attempts=count.attempts,
            last_error=count.last_error,
            grant_id=count.grant_id,
            period=count.period,
            delivered_at=count.delivered_at,
        ),
    )


async def _audit_read(
    session: AsyncSession,
    repo: ReferralRepository,
    principal: Principal,
    scope: CaseworkScope,
    rows: Sequence[ReferralRow],
) -> None:
    """Staff reads are reads; a partner agency's reads are disclosures to that agency, named in the purpose."""
    ids: list[UUID] = [r.referral.id for r in rows] + list(dict.fromkeys(r.subject.id for r in rows))
    if scope.partner:
        partner = await ReferenceRepository(repo.session).partner_for_identity_agency(scope.agency)
        name = f"{partner.name} ({partner.code})" if partner else "an unlinked agency"
        purpose = f"referral shared with {name}"
    else:
        purpose = "referrals"
    await record(
        session, principal=principal, action=AuditAction.READ, record_type="referral", record_ids=ids, purpose=purpose
    )


async def list_referrals(
    session: AsyncSession,
    *,
    principal: Principal,
    scope: CaseworkScope,
    page: PageParams,
    status: ReferralStatus | None,
    subject_id: UUID | None,
    review_id: UUID | None,
    forum: str | None,
    partner_agency: str | None,
    district: str | None,
) -> list[ReferralSummary | SharedReferralSummary]:
    repo = ReferralRepository(session)
    rows = await repo.page(
        page,
        scope,
        status=status,
        subject_id=subject_id,
        review_id=review_id,
        forum=forum,
        partner_agency=partner_agency,
        district=district,
    )
    if rows:
        await _audit_read(session, repo, principal, scope, rows[: page.limit])
    return [summary(row, scope) for row in rows]


async def _visible(
    repo: ReferralRepository, referral_id: UUID, scope: CaseworkScope, *, lock: bool = False
) -> ReferralRow:
    row = await repo.get(referral_id, scope, for_update=lock)
    if row is None:
        raise ReferralNotFound(f"There is no referral {referral_id} that you can see.")
    return row


async def get_referral(
    session: AsyncSession, *, principal: Principal, scope: CaseworkScope, referral_id: UUID
) -> ReferralRead | SharedReferralRead:
    repo = ReferralRepository(session)
    row = await _visible(repo, referral_id, scope)
    await _audit_read(session, repo, principal, scope, [row])
    return await read_referral(repo, row, scope)


async def list_funded_projects(
    session: AsyncSession, *, principal: Principal, district: str, funding: FundingClient
) -> FundedProjects:
    if await ReferenceRepository(session).get_district(district) is None:
        raise InvalidReferral(f"There is no district '{district}'.")
    projects = await funding.funded_projects(district, principal=principal)
    return FundedProjects(
        district=district,
        items=[
            FundedProjectRead(
                project_id=p.project_id,
                code=p.code,
                name=p.name,
                description=p.description,
                lead_organisation_name=p.lead_organisation_name,
                districts=p.districts,
            )
            for p in projects
        ],
    )


async def create(
    session: AsyncSession, *, principal: Principal, scope: CaseworkScope, data: ReferralCreate, funding: FundingClient
) -> ReferralRead | SharedReferralRead:
    repo = ReferralRepository(session)
    reference = ReferenceRepository(session)
    subject = await ReviewRepository(session).subject(data.subject_id, scope.districts)
    if subject is None:
        raise SubjectNotFound(f"There is no subject {data.subject_id} that you can see.")
    if subject.merged_into_id is not None:
        raise SubjectMerged(f"This record was merged into subject {subject.merged_into_id}; refer that one.")
    district_id: UUID | None = None
    district_code = data.district
    if data.review_id is not None:
        found = await ReviewRepository(session).get(data.review_id, scope.districts)
        if found is None:
            raise InvalidReferral(f"There is no review {data.review_id} that you can see.")
        if not await repo.review_has_subject(data.review_id, subject.id):
            raise InvalidReferral("That young person is not part of that review.")
        district_id = found[0].district_id
        district_code = district_code or found[2]
        if data.district is None and scope.districts is not None and found[2] not in scope.districts:
            raise InvalidReferral(
                f"The review is led from '{found[2]}', not one of your districts: give the `district` the referral "
                "concerns."
            )
    if data.district is not None:
        district = await reference.get_district(data.district)
        if district is None:
            raise InvalidReferral(f"There is no district '{data.district}'.")
        if scope.districts is not None and data.district not in scope.districts:
            raise NotTheReferrer(f"You can refer only within your districts, not '{data.district}'.")
        district_id = district[0].id
    assert district_id is not None
    assert district_code is not None
    forum_id = partner_id = project_id = None
    project_code = project_name = None
    if data.forum is not None:
        forum = await reference.get_forum(data.forum)
        if forum is None:
            raise InvalidReferral(f"There is no forum '{data.forum}'.")
        forum_id = forum[0].id
    elif data.project is not None:
        funded = {p.project_id: p for p in await funding.funded_projects(district_code, principal=principal)}
        project = funded.get(data.project)
        if project is None:
            raise NotAFundedProject(
                f"Project {data.project} is not an active funded project serving '{district_code}' "
                f"(GET /v1/referrals/funded-projects?district={district_code})."
            )
        project_id, project_code, project_name = project.project_id, project.code, project.name
    else:
        partner = await reference.get_partner(data.partner_agency or "")
        if partner is None:
            raise InvalidReferral(f"There is no partner agency '{data.partner_agency}'.")
        partner_id = partner.id
    now = datetime.now(UTC)
    referral = Referral(
        subject_id=subject.id,
        review_id=data.review_id,
        district_id=district_id,
        forum_id=forum_id,
        partner_agency_id=partner_id,
        project_id=project_id,
        project_code=project_code,
        project_name=project_name,
        status=ReferralStatus.DRAFT.value,
        reason=data.reason,
        lawful_basis=data.lawful_basis.value if data.lawful_basis else None,
        consent=data.consent.value if data.consent else None,
        sharing_note=data.sharing_note,
        lawful_basis_recorded_by=principal.subject if data.lawful_basis else None,
        lawful_basis_recorded_at=now if data.lawful_basis else None,
        created_by=principal.subject,
        created_by_name=principal.name,
        version=1,
    )
    existing = await repo.open_to(subject.id, forum_id=forum_id, partner_id=partner_id, project_id=project_id)
    if existing is not None or not await repo.add(referral):
        existing = existing or await repo.open_to(
            subject.id, forum_id=forum_id, partner_id=partner_id, project_id=project_id
        )
        existing_id = existing.id if existing else None
        raise DuplicateReferral(
            f"Referral {existing_id} of this young person to the same destination is still open "
            f"({existing.status if existing else 'open'}); update that one instead.",
            extra={"existing_referral_id": str(existing_id)},
        )
    await _event(repo, referral.id, principal, ReferralEventKind.CREATED, to=ReferralStatus.DRAFT)
    await record(
        session,
        principal=principal,
        action=AuditAction.CREATE,
        record_type="referral",
        record_ids=[referral.id, subject.id],
        purpose="referral drafted",
    )
    return await read_referral(repo, await _visible(repo, referral.id, scope), scope)


async def _event(
    repo: ReferralRepository,
    referral_id: UUID,
    principal: Principal,
    kind: ReferralEventKind,
    *,
    frm: ReferralStatus | None = None,
    to: ReferralStatus | None = None,
    note: str | None = None,
) -> None:
    await repo.add_event(
        {
            "referral_id": referral_id,
            "kind": kind.value,
            "from_status": frm.value if frm else None,
            "to_status": to.value if to else None,
            "note": note,
            "actor": principal.subject,
            "actor_name": principal.name,
            "actor_agency_id": principal.agency_id,
        }
    )


async def _by(repo: ReferralRepository, scope: CaseworkScope, purpose: str) -> str:
    """The purpose, naming the partner agency when it acted."""
    if not scope.partner:
        return purpose
    partner = await ReferenceRepository(repo.session).partner_for_identity_agency(scope.agency)
    return f"{purpose} by {partner.name} ({partner.code})" if partner else purpose


def _receiver(row: ReferralRow) -> str:
    destination = destination_of(row.referral, row.forum, row.partner)
    return f"{destination.name} ({destination.code})"


async def transition(
    session: AsyncSession,
    *,
    principal: Principal,
    scope: CaseworkScope,
    referral_id: UUID,
    data: ReferralTransition,
    if_match: str | None,
) -> ReferralRead | SharedReferralRead:
    repo = ReferralRepository(session)
    row = await _visible(repo, referral_id, scope, lock=True)
    referral = row.referral
    if if_match is not None:
        check_if_match(if_match, referral.version)
    if scope.partner and data.to not in RESPONSES:
        raise NotTheReferrer(
            "Only the referrer sends or withdraws a referral; you may accept, reject, start or complete it."
        )
    current = ReferralStatus(referral.status)
    allowed = TRANSITIONS[current]
    if data.to not in allowed:
        options = ", ".join(sorted(allowed)) or "none (it is closed)"
        raise ReferralTransitionNotAllowed(
            f"A referral in status '{current}' cannot move to '{data.to}'. Allowed next: {options}.",
            extra={"current_status": current.value, "allowed": sorted(allowed)},
        )
    if data.to is ReferralStatus.SENT and (referral.lawful_basis is None or referral.consent is None):
        raise LawfulBasisMissing("Record the lawful basis for sharing (and consent) before sending the referral.")
    now = datetime.now(UTC)
    referral.status = data.to.value
    referral.version += 1
    referral.updated_at = now
    if data.to is ReferralStatus.SENT:
        referral.sent_at = now
    if data.reason:
        referral.status_reason = data.reason
    if data.outcome:
        referral.outcome = data.outcome
    if data.to in TERMINAL:
        referral.closed_at = now
    await repo.flush()
    if data.to is ReferralStatus.ACCEPTED and referral.project_id is not None:
        # Counted into the grant's figures by the funding service — later, from the outbox, so the acceptance
        # stands even while funding is down.
        await repo.add_funding_count(
            FundingCount(referral_id=referral.id, project_id=referral.project_id, accepted_at=now)
        )
    await _event(
        repo,
        referral.id,
        principal,
        ReferralEventKind.TRANSITION,
        frm=current,
        to=data.to,
        note=data.reason or data.outcome,
    )
    if data.to is ReferralStatus.SENT:
        await record(
            session,
            principal=principal,
            action=AuditAction.DISCLOSE,
            record_type="referral",
            record_ids=[referral.id, referral.subject_id],
            purpose=f"referral sent to {_receiver(row)}",
        )
    else:
        await record(
            session,
            principal=principal,
            action=AuditAction.UPDATE,
            record_type="referral",
            record_ids=[referral.id, referral.subject_id],
            purpose=await _by(repo, scope, f"referral {data.to.value.replace('_', ' ')}"),
        )
    return await read_referral(repo, row, scope)


async def update(
    session: AsyncSession,
    *,
    principal: Principal,
    scope: CaseworkScope,
    referral_id: UUID,
    data: ReferralUpdate,
    if_match: str | None,
) -> ReferralRead | SharedReferralRead:
    repo = ReferralRepository(session)
    row = await _visible(repo, referral_id, scope)
    referral = row.referral
    version = expected_version(if_match, referral.version)
    fields = data.model_fields_set
    status = ReferralStatus(referral.status)
    if scope.partner and fields & REFERRER_FIELDS:
        raise NotTheReferrer("The receiving agency may set agency_reference and add notes; the rest is the referrer's.")
    if status in TERMINAL:
        raise ReferralNotEditable(f"The referral is {status.value}; it can no longer change.")
    if fields & REFERRER_FIELDS and status is not ReferralStatus.DRAFT:
        raise ReferralNotEditable(
            "The reason and lawful basis are fixed once the referral is sent; "
            "withdraw it and refer again to change them."
        )
    values: dict[str, object] = {
        name: getattr(data, name).value if name in ("lawful_basis", "consent") else getattr(data, name)
        for name in fields - {"note"}
    }
    if "lawful_basis" in fields or "consent" in fields:
        basis = data.lawful_basis if "lawful_basis" in fields else referral.lawful_basis
        consent = data.consent if "consent" in fields else referral.consent
        if (basis is not None and consent is None) or (basis is None and consent is not None):
            raise InvalidReferral("Record lawful_basis and consent together.")
        if basis == LawfulBasis.CONSENT and consent != Consent.GIVEN:
            raise InvalidReferral("Consent as the lawful basis needs consent 'given'.")
        values["lawful_basis_recorded_by"] = principal.subject
        values["lawful_basis_recorded_at"] = datetime.now(UTC)
    await update_versioned(session, Referral, referral.id, version, values)
    changed = sorted(fields - {"note"})
    if changed:
        await _event(repo, referral.id, principal, ReferralEventKind.UPDATED, note="changed: " + ", ".join(changed))
    if data.note:
        await _event(repo, referral.id, principal, ReferralEventKind.NOTE, note=data.note)
    await record(
        session,
        principal=principal,
        action=AuditAction.UPDATE,
        record_type="referral",
        record_ids=[referral.id, referral.subject_id],
        purpose=await _by(repo, scope, "referral updated"),
    )
    return await read_referral(repo, await _visible(repo, referral.id, scope), scope)


# --- the funding outbox (link 4) ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DeliveryRun:
    delivered: int = 0
    refused: int = 0
    failed: int = 0


def retry_delay(attempts: int, *, base_seconds: float, max_seconds: float) -> timedelta:
    """Exponential backoff after ``attempts`` failed attempts: base, 2×base, 4×base … capped at max."""
    return timedelta(seconds=min(max_seconds, base_seconds * 2 ** max(0, attempts - 1)))


async def deliver_funding_counts(
    session: AsyncSession,
    *,
    funding: FundingClient,
    now: datetime,
    batch: int = 50,
    base_delay_seconds: float = 5.0,
    max_delay_seconds: float = 300.0,
) -> DeliveryRun:
    """Send the due counts to funding. Each is sent with the same Idempotency-Key every time (and funding is
    unique on the referral id), so a count whose answer was lost is never counted twice. Stops at the first
    failure to reach funding: the rest wait for the next round."""
    repo = ReferralRepository(session)
    delivered = refused = failed = 0
    for count in await repo.due_funding_counts(now, batch):
        count.attempts += 1
        try:
            counted = await funding.count_accepted_referral(
                project_id=count.project_id, referral_id=count.referral_id, accepted_at=count.accepted_at
            )
        except CountRefused as exc:
            logger.warning("funding refused a count", extra={"referral_id": str(count.referral_id), "why": exc.detail})
            count.status = FundingCountStatus.REFUSED.value
            count.last_error = str(exc)
            refused += 1
            continue
        except DownstreamUnavailable as exc:
            count.last_error = exc.detail
            count.next_attempt_at = now + retry_delay(
                count.attempts, base_seconds=base_delay_seconds, max_seconds=max_delay_seconds
            )
            failed += 1
            break
        count.status = FundingCountStatus.DELIVERED.value
        count.delivered_at = now
        count.funding_record_id = counted.id
        count.grant_id = counted.grant_id
        count.period = counted.period
        count.last_error = None
        delivered += 1
    await repo.flush()
    return DeliveryRun(delivered, refused, failed)
