from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import (
    JSON,
    ColumnElement,
    RowMapping,
    Select,
    String,
    Text,
    any_,
    bindparam,
    case,
    cast,
    exists,
    insert,
    literal_column,
    select,
)
from sqlalchemy import Uuid as SqlUuid
from sqlalchemy.dialects.postgresql import ARRAY, array
from sqlalchemy.orm import aliased, joinedload, selectinload

from referrals.access import CaseworkScope
from referrals.audit.repository import audit_parameters, with_audit_row, with_bound_audit_row
from referrals.reference.models import District, Forum, PartnerAgency
from referrals.reference.repository import district_ids, for_agency, provided_by_agency
from referrals.referral.models import (
    OPEN_STATUSES,
    FundingCount,
    FundingCountStatus,
    Referral,
    ReferralEvent,
    ReferralStatus,
)
from referrals.review.models import ReviewSubject
from referrals.subject.models import Subject
from vru_shared.db import one_statement_rows
from vru_shared.pagination import PageParams
from vru_shared.repository import Repository, ScopedRepository, json_list, json_object


def _referral_read(scoped: bool) -> Select[Any]:
    """A referral in VRU staff's full view (``ReferralRead``) with its subject, district, destination, events and
    funding count, and its audit row (the referral and its subject): one statement built once, rows straight into
    the response model (issue 17). Scoped: a coordinator's, the referrals of the bound ``districts``."""
    district, forum, partner = aliased(District), aliased(Forum), aliased(PartnerAgency)
    subject = aliased(Subject)
    destination = case(
        (
            Referral.forum_id.is_not(None),
            json_object({"kind": literal_column("'forum'"), "code": forum.code, "name": forum.name}),
        ),
        (
            Referral.project_id.is_not(None),
            json_object(
                {
                    "kind": literal_column("'project'"),
                    "code": Referral.project_code,
                    "name": Referral.project_name,
                    "project_id": Referral.project_id,
                }
            ),
        ),
        else_=json_object({"kind": literal_column("'partner_agency'"), "code": partner.code, "name": partner.name}),
    )
    events = (
        select(
            json_list(
                {
                    "kind": ReferralEvent.kind,
                    "from_status": ReferralEvent.from_status,
                    "to_status": ReferralEvent.to_status,
                    "note": ReferralEvent.note,
                    "actor_name": ReferralEvent.actor_name,
                    "at": ReferralEvent.at,
                },
                ReferralEvent.at,
                ReferralEvent.id,
            )
        )
        .where(ReferralEvent.referral_id == Referral.id)
        .scalar_subquery()
    )
    funding_count = (
        select(
            json_object(
                {
                    "status": FundingCount.status,
                    "attempts": FundingCount.attempts,
                    "last_error": FundingCount.last_error,
                    "grant_id": FundingCount.grant_id,
                    "period": FundingCount.period,
                    "delivered_at": FundingCount.delivered_at,
                }
            )
        )
        .where(FundingCount.referral_id == Referral.id)
        .scalar_subquery()
    )
    where = [Referral.id == bindparam("referral_id", type_=SqlUuid())]
    if scoped:
        districts = bindparam("districts", type_=ARRAY(String()))
        where.append(Referral.district_id.in_(select(District.id).where(District.code == any_(districts))))
    read = (
        select(
            Referral.id,
            Referral.status,
            cast(json_object({"code": district.code}), JSON).label("district"),
            cast(destination, JSON).label("destination"),
            Referral.reason,
            Referral.lawful_basis,
            Referral.consent,
            Referral.sharing_note,
            Referral.agency_reference,
            Referral.status_reason,
            Referral.outcome,
            Referral.created_by_name,
            Referral.created_at,
            Referral.updated_at,
            Referral.sent_at,
            Referral.closed_at,
            Referral.version,
            cast(
                json_object(
                    {
                        "id": subject.id,
                        "given_name": subject.given_name,
                        "family_name": subject.family_name,
                        "date_of_birth": subject.date_of_birth,
                    }
                ),
                JSON,
            ).label("subject"),
            Referral.review_id,
            cast(events, JSON).label("events"),
            cast(funding_count, JSON).label("funding_count"),
        )
        .select_from(Referral)
        .join(subject, subject.id == Referral.subject_id)
        .join(district, district.id == Referral.district_id)
        .outerjoin(forum, forum.id == Referral.forum_id)
        .outerjoin(partner, partner.id == Referral.partner_agency_id)
        .where(*where)
    )
    ids = select(array([cast(Referral.id, Text), cast(Referral.subject_id, Text)])).where(*where)
    return with_bound_audit_row(read, ids)


#: Built and compiled once: for analysts and the director (every referral), and for coordinators (their districts).
REFERRAL_READ = {False: _referral_read(scoped=False), True: _referral_read(scoped=True)}


class ReferralRepository(ScopedRepository[Referral, CaseworkScope]):
    model = Referral
    order = ("created_at", "id")

    def statement(self, *, one: bool = False) -> Select[Referral]:
        """A referral with everything its audiences read, read afresh (its events change beside it). ``one``:
        for a single referral, its few events joined into the same SELECT (a page loads them in one more)."""
        events = joinedload(Referral.events) if one else selectinload(Referral.events)
        return (
            select(Referral)
            .options(
                joinedload(Referral.subject),
                joinedload(Referral.district),
                joinedload(Referral.forum),
                joinedload(Referral.partner_agency),
                events,
                joinedload(Referral.funding_count),
            )
            .execution_options(populate_existing=True)
        )

    def visible(self, scope: CaseworkScope) -> ColumnElement[bool] | None:
        """Staff: by district (``None`` = all). A partner agency: the referrals *sent* to the partner agency
        linked to its identity agency, or to a funded project it delivers — never a draft, never another's."""
        if scope.partner:
            return Referral.sent_at.is_not(None) & (
                for_agency(Referral.partner_agency_id, scope.agency)
                | provided_by_agency(Referral.project_id, scope.agency)
            )
        return None if scope.districts is None else Referral.district_id.in_(district_ids(scope.districts))

    async def read_audited(
        self, referral_id: UUID, scope: CaseworkScope, audit: Mapping[str, object]
    ) -> Referral | None:
        """The referral if ``scope`` may see it, with its events and its audit entry (the referral and its
        subject): one statement. Nothing is audited when it is not visible."""
        read = array([cast(Referral.id, Text), cast(Referral.subject_id, Text)])
        ids = select(read).where(Referral.id == referral_id)
        details = self.statement(one=True)
        condition = self.visible(scope)
        if condition is not None:
            ids, details = ids.where(condition), details.where(condition)
        return await self.get(referral_id, base=with_audit_row(details, audit, ids))

    async def read_full_audited(
        self, referral_id: UUID, districts: frozenset[str] | None, audit: Mapping[str, object]
    ) -> RowMapping | None:
        """:meth:`read_audited` for VRU staff (``districts``: a coordinator's, ``None`` for all), as the row of
        :data:`REFERRAL_READ` for ``ReferralRead`` (its nested records JSON): one statement, built once."""
        parameters: dict[str, object] = {"referral_id": referral_id, **audit_parameters(audit)}
        if districts is not None:
            parameters["districts"] = sorted(districts)
        rows = await one_statement_rows(self.session, REFERRAL_READ[districts is not None], parameters)  # 1 round trip
        return rows[0] if rows else None

    async def find(
        self,
        page: PageParams,
        scope: CaseworkScope,
        *,
        status: ReferralStatus | None,
        subject_id: UUID | None,
        review_id: UUID | None,
        forum: str | None,
        partner_agency: str | None,
        district: str | None,
    ) -> Sequence[Referral]:
        """A page of what ``scope`` sees, newest first, filtered by what is given."""
        filters = []
        if status is not None:
            filters.append(Referral.status == status.value)
        if subject_id is not None:
            filters.append(Referral.subject_id == subject_id)
        if review_id is not None:
            filters.append(Referral.review_id == review_id)
        if forum is not None:
            filters.append(Referral.forum.has(Forum.code == forum))
        if partner_agency is not None:
            filters.append(Referral.partner_agency.has(PartnerAgency.code == partner_agency))
        if district is not None:
            filters.append(Referral.district.has(District.code == district))
        return await self.page_visible(page, scope, *filters, descending=True)

    async def open_to(
        self, subject_id: UUID, *, forum_id: UUID | None, partner_id: UUID | None, project_id: UUID | None = None
    ) -> Referral | None:
        stmt = select(Referral).where(
            Referral.subject_id == subject_id, Referral.status.in_([s.value for s in OPEN_STATUSES])
        )
        if forum_id is not None:
            stmt = stmt.where(Referral.forum_id == forum_id)
        elif project_id is not None:
            stmt = stmt.where(Referral.project_id == project_id)
        else:
            stmt = stmt.where(Referral.partner_agency_id == partner_id)
        return (await self.session.scalars(stmt.limit(1))).one_or_none()

    async def review_has_subject(self, review_id: UUID, subject_id: UUID) -> bool:
        stmt = select(exists().where(ReviewSubject.review_id == review_id, ReviewSubject.subject_id == subject_id))
        return bool((await self.session.execute(stmt)).scalar_one())

    async def add_event(self, values: dict[str, Any]) -> None:
        await self.session.execute(insert(ReferralEvent).execution_options(render_nulls=True).values(**values))


class FundingCountRepository(Repository[FundingCount]):
    """The funding outbox (link 4)."""

    model = FundingCount

    async def due(self, now: datetime, limit: int) -> Sequence[FundingCount]:
        """Pending counts due for an attempt, oldest first, locked (another sender process skips them)."""
        stmt = (
            select(FundingCount)
            .where(FundingCount.status == FundingCountStatus.PENDING.value, FundingCount.next_attempt_at <= now)
            .order_by(FundingCount.next_attempt_at, FundingCount.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        return (await self.session.scalars(stmt)).all()
