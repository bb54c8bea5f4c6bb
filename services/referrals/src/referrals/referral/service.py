"""Referrals: drafting, the lawful basis, sending (a disclosure to the receiving agency), the receiving side's
answers and updates, and what each audience sees."""

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from referrals.access import CaseworkScope
from referrals.audit.schemas import AuditAction
from referrals.audit.service import entry, record
from referrals.clients.funding import CountRefused, FundingClient
from referrals.db import event_outbox
from referrals.reference.repository import DistrictRepository, ForumRepository, PartnerAgencyRepository
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
from referrals.referral.repository import FundingCountRepository, ReferralRepository
from referrals.referral.schemas import (
    EXPORT_COLUMNS,
    SHARED_EXPORT_COLUMNS,
    FundedProjectRead,
    FundedProjects,
    ReferralCreate,
    ReferralRead,
    ReferralSummary,
    ReferralTransition,
    ReferralUpdate,
    SharedReferralRead,
    SharedReferralSummary,
)
from referrals.review.repository import ReviewRepository, VisibleSubjectRepository
from referrals.subject.exceptions import SubjectNotFound
from vru_shared.auth import Principal
from vru_shared.etag import check_if_match
from vru_shared.events import Audience, publish
from vru_shared.exports import Column, ExportFile, ExportFormat, export_purpose, keyset_batches, write_export
from vru_shared.http_client import DownstreamUnavailable
from vru_shared.pagination import PageParams

logger = logging.getLogger("referrals.funding_counts")

#: Fields only the referrer may change, and only while the referral is a draft.
REFERRER_FIELDS = frozenset({"reason", "lawful_basis", "consent", "sharing_note"})
TERMINAL = frozenset(s for s, nexts in TRANSITIONS.items() if not nexts)


def _view(
    scope: CaseworkScope,
) -> tuple[type[ReferralSummary | SharedReferralSummary], type[ReferralRead | SharedReferralRead]]:
    return (SharedReferralSummary, SharedReferralRead) if scope.partner else (ReferralSummary, ReferralRead)


async def _read(repo: ReferralRepository, referral_id: UUID, scope: CaseworkScope) -> ReferralRead | SharedReferralRead:
    """The referral read again (its events changed) as ``scope``'s audience sees it."""
    return _view(scope)[1].model_validate(await _visible(repo, referral_id, scope))


async def _audit_read(
    session: AsyncSession,
    principal: Principal,
    scope: CaseworkScope,
    referrals: Sequence[Referral],
    *,
    action: AuditAction = AuditAction.READ,
    filters: str = "",
) -> None:
    """Staff reads are reads; a partner agency's reads are disclosures to that agency, named in the purpose. The
    referrals' ids, then their young people's."""
    ids: list[UUID] = [r.id for r in referrals] + list(dict.fromkeys(r.subject_id for r in referrals))
    await _audit(session, principal, scope, ids, action=action, filters=filters)


async def _audit(
    session: AsyncSession,
    principal: Principal,
    scope: CaseworkScope,
    ids: Sequence[UUID | str],
    *,
    action: AuditAction,
    filters: str,
) -> None:
    purpose = await _read_purpose(session, scope)
    if action is AuditAction.EXPORT:
        purpose = f"referral export: {purpose}{filters}"
    await record(session, principal=principal, action=action, record_type="referral", record_ids=ids, purpose=purpose)


async def _read_purpose(session: AsyncSession, scope: CaseworkScope) -> str:
    if scope.partner:
        partner = await PartnerAgencyRepository(session).for_identity_agency(scope.agency)
        name = f"{partner.name} ({partner.code})" if partner else "an unlinked agency"
        return f"referral shared with {name}"
    return "referrals"


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
    referrals = await ReferralRepository(session).find(
        page,
        scope,
        status=status,
        subject_id=subject_id,
        review_id=review_id,
        forum=forum,
        partner_agency=partner_agency,
        district=district,
    )
    if referrals:
        await _audit_read(session, principal, scope, referrals[: page.limit])
    return [_view(scope)[0].model_validate(r) for r in referrals]


async def export_referrals(
    session: AsyncSession,
    *,
    principal: Principal,
    scope: CaseworkScope,
    fmt: ExportFormat,
    status: ReferralStatus | None,
    subject_id: UUID | None,
    review_id: UUID | None,
    forum: str | None,
    partner_agency: str | None,
    district: str | None,
) -> ExportFile:
    """Every referral the list would show with these filters (its query, in batches), as a file in the caller's
    audience's view — a partner agency's has only the shared view's columns; one audit entry (for a partner
    agency, a disclosure naming it)."""
    repo = ReferralRepository(session)
    view = _view(scope)[0]
    subjects: dict[UUID, None] = {}

    async def fetch(page: PageParams) -> list[ReferralSummary | SharedReferralSummary]:
        referrals = await repo.find(
            page,
            scope,
            status=status,
            subject_id=subject_id,
            review_id=review_id,
            forum=forum,
            partner_agency=partner_agency,
            district=district,
        )
        # the young people's ids, for the audit entry (a partner's view has none: read them from the query)
        subjects.update(dict.fromkeys(r.subject_id for r in referrals[: page.limit]))
        return [view.model_validate(r) for r in referrals]

    # the view and the columns are chosen together, by scope.partner
    columns: Sequence[Column[Any]] = SHARED_EXPORT_COLUMNS if scope.partner else EXPORT_COLUMNS
    file = await write_export(
        columns,
        keyset_batches(fetch, lambda r: (r.created_at, r.id)),
        fmt=fmt,
        name="referrals",
        record_id=lambda r: r.id,
    )
    filters = export_purpose(
        "",
        format=fmt.value,
        status=status,
        subject_id=subject_id,
        review_id=review_id,
        forum=forum,
        partner_agency=partner_agency,
        district=district,
    )
    ids = [*file.record_ids, *map(str, subjects)]
    await _audit(session, principal, scope, ids, action=AuditAction.EXPORT, filters=filters)
    return file


async def _visible(
    repo: ReferralRepository, referral_id: UUID, scope: CaseworkScope, *, lock: bool = False
) -> Referral:
    referral = await repo.get_visible(referral_id, scope, for_update=lock)
    if referral is None:
        raise ReferralNotFound(f"There is no referral {referral_id} that you can see.")
    return referral


async def get_referral(
    session: AsyncSession, *, principal: Principal, scope: CaseworkScope, referral_id: UUID
) -> ReferralRead | SharedReferralRead:
    purpose = await _read_purpose(session, scope)
    audit = entry(principal, action=AuditAction.READ, record_type="referral", purpose=purpose)
    if not scope.partner:  # VRU staff: the full view, one statement built once (issue 17)
        row = await ReferralRepository(session).read_full_audited(referral_id, scope.districts, audit)
        if row is None:
            raise ReferralNotFound(f"There is no referral {referral_id} that you can see.")
        return ReferralRead.model_validate(dict(row))
    referral = await ReferralRepository(session).read_audited(referral_id, scope, audit)
    if referral is None:
        raise ReferralNotFound(f"There is no referral {referral_id} that you can see.")
    return _view(scope)[1].model_validate(referral)


async def list_funded_projects(
    session: AsyncSession, *, principal: Principal, district: str, funding: FundingClient
) -> FundedProjects:
    if await DistrictRepository(session).get_by(code=district) is None:
        raise InvalidReferral(f"There is no district '{district}'.")
    projects = await funding.funded_projects(district, principal=principal)
    return FundedProjects(district=district, items=[FundedProjectRead.model_validate(p.model_dump()) for p in projects])


async def create(
    session: AsyncSession, *, principal: Principal, scope: CaseworkScope, data: ReferralCreate, funding: FundingClient
) -> ReferralRead | SharedReferralRead:
    repo = ReferralRepository(session)
    subject = await VisibleSubjectRepository(session).get_visible(data.subject_id, scope.districts)
    if subject is None:
        raise SubjectNotFound(f"There is no subject {data.subject_id} that you can see.")
    if subject.merged_into_id is not None:
        raise SubjectMerged(f"This record was merged into subject {subject.merged_into_id}; refer that one.")
    district_id: UUID | None = None
    district_code = data.district
    if data.review_id is not None:
        review = await ReviewRepository(session).get_visible(data.review_id, scope.districts)
        if review is None:
            raise InvalidReferral(f"There is no review {data.review_id} that you can see.")
        if not await repo.review_has_subject(data.review_id, subject.id):
            raise InvalidReferral("That young person is not part of that review.")
        district_id = review.district_id
        district_code = district_code or review.district
        if data.district is None and scope.districts is not None and review.district not in scope.districts:
            raise InvalidReferral(
                f"The review is led from '{review.district}', not one of your districts: give the `district` the "
                "referral concerns."
            )
    if data.district is not None:
        district = await DistrictRepository(session).get_by(code=data.district)
        if district is None:
            raise InvalidReferral(f"There is no district '{data.district}'.")
        if scope.districts is not None and data.district not in scope.districts:
            raise NotTheReferrer(f"You can refer only within your districts, not '{data.district}'.")
        district_id = district.id
    assert district_id is not None
    assert district_code is not None
    forum_id = partner_id = project_id = None
    project_code = project_name = None
    if data.forum is not None:
        forum = await ForumRepository(session).get_by(code=data.forum)
        if forum is None:
            raise InvalidReferral(f"There is no forum '{data.forum}'.")
        forum_id = forum.id
    elif data.project is not None:
        funded = {p.project_id: p for p in await funding.funded_projects(district_code, principal=principal)}
        project = funded.get(data.project)
        if project is None:
            raise NotAFundedProject(
                f"Project {data.project} is not a referral destination in '{district_code}' today: a project takes "
                "referrals while a grant funds it (approved or active, its planned period covering today) and it "
                f"serves the district (GET /v1/referrals/funded-projects?district={district_code})."
            )
        project_id, project_code, project_name = project.project_id, project.code, project.name
    else:
        partner = await PartnerAgencyRepository(session).get_by(code=data.partner_agency or "")
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
    )
    existing = await repo.open_to(subject.id, forum_id=forum_id, partner_id=partner_id, project_id=project_id)
    if existing is not None or not await repo.add(referral):
        existing = existing or await repo.open_to(
            subject.id, forum_id=forum_id, partner_id=partner_id, project_id=project_id
        )
        # named only to whoever may read it (else the 409 would disclose another district's referral)
        if existing is not None and await repo.get_visible(existing.id, scope) is not None:
            raise DuplicateReferral(
                f"Referral {existing.id} of this young person to the same destination is still open "
                f"({existing.status}); update that one instead.",
                extra={"existing_referral_id": str(existing.id)},
            )
        raise DuplicateReferral(
            "A referral of this young person to the same destination is still open (made in a district you do "
            "not cover); ask its coordinator, or an analyst, to update that one instead."
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
    return await _read(repo, referral.id, scope)


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


async def _by(session: AsyncSession, scope: CaseworkScope, purpose: str) -> str:
    """The purpose, naming the partner agency when it acted."""
    return await PartnerAgencyRepository(session).named_for(scope.agency, purpose) if scope.partner else purpose


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
    referral = await _visible(repo, referral_id, scope, lock=True)
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
        await FundingCountRepository(session).add(
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
    await _announce(session, referral)
    if data.to is ReferralStatus.SENT:
        await record(
            session,
            principal=principal,
            action=AuditAction.DISCLOSE,
            record_type="referral",
            record_ids=[referral.id, referral.subject_id],
            purpose="referral sent to {name} ({code})".format_map(referral.destination),
        )
    else:
        await record(
            session,
            principal=principal,
            action=AuditAction.UPDATE,
            record_type="referral",
            record_ids=[referral.id, referral.subject_id],
            purpose=await _by(session, scope, f"referral {data.to.value.replace('_', ' ')}"),
        )
    return await _read(repo, referral.id, scope)


def _author(referral: Referral) -> list[UUID]:
    """The identity person who made the referral (none when an API client did)."""
    try:
        return [UUID(referral.created_by)]
    except ValueError:
        return []


async def _announce(session: AsyncSession, referral: Referral) -> None:
    """``referral.<status>`` for partners' webhooks, in this transaction (docs/notifications.md). The receiving
    partner agency hears of it only once it was sent (never of a draft); the unit's staff subscriptions always."""
    partner = referral.partner_agency
    shared = partner is not None and partner.identity_agency_id is not None and referral.sent_at is not None
    await publish(
        session,
        event_outbox,
        f"referral.{referral.status}",
        record_id=referral.id,
        path=f"/v1/referrals/{referral.id}",
        audience=Audience(
            [partner.identity_agency_id] if shared and partner and partner.identity_agency_id else [],
            people=_author(referral),  # e-mail or SMS notices of the answer (docs/notifications.md)
        ),
        status=referral.status,
        district=referral.district.code,
        extra={
            "partner_agency": partner.code if partner is not None else None,
            "forum": referral.forum.code if referral.forum is not None else None,
            "project_id": str(referral.project_id) if referral.project_id is not None else None,
        },
    )


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
    referral = await _visible(repo, referral_id, scope)
    check_if_match(if_match, referral.version)
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
    await repo.update(referral, values | {"updated_at": datetime.now(UTC)})
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
        purpose=await _by(session, scope, "referral updated"),
    )
    return await _read(repo, referral.id, scope)


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
    repo = FundingCountRepository(session)
    delivered = refused = failed = 0
    for count in await repo.due(now, batch):
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
