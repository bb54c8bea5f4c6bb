"""A pack's readiness, in Python for one pack and as SQL conditions for lists and counts (the same rules).

In order: ``used`` (reported used); ``expired`` (its earliest component is past its date); ``needs_attention``
(the last check found a broken seal, missing contents or an unseen/out-of-date expiry, not yet put right);
``check_overdue`` (at a site, and no check within the configured interval since it was checked or arrived);
otherwise ``ready``. Packs taken out of service (damaged, lost, written off) have no readiness.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import ColumnElement, and_, func, not_, or_

from etp_inventory.location.models import LocationKind
from etp_inventory.pack.models import Pack, PackStatus, Readiness
from vru_shared.kent_medway import LONDON


@dataclass(frozen=True, slots=True)
class ReadinessRules:
    now: datetime
    check_interval_days: int

    @classmethod
    def at_now(cls, check_interval_days: int) -> "ReadinessRules":
        return cls(datetime.now(UTC), check_interval_days)

    @property
    def today(self) -> date:
        """Expiry dates are UK dates: a pack is in date through the whole of its expiry day in London."""
        return self.now.astimezone(LONDON).date()

    @property
    def interval(self) -> timedelta:
        return timedelta(days=self.check_interval_days)

    @property
    def checked_since(self) -> datetime:
        """A pack at a site last checked (or arrived) before this is overdue."""
        return self.now - self.interval

    def check_due_at(self, pack: Pack, location_kind: str) -> datetime | None:
        if pack.status != PackStatus.IN_STOCK.value or location_kind != LocationKind.SITE.value:
            return None
        return (pack.last_checked_at or pack.arrived_at) + self.interval

    def of(self, pack: Pack, location_kind: str) -> Readiness | None:
        if pack.status == PackStatus.USED.value:
            return Readiness.USED
        if pack.status == PackStatus.EXPIRED.value:
            return Readiness.EXPIRED
        if pack.status != PackStatus.IN_STOCK.value:
            return None
        if pack.expires_on is not None and pack.expires_on < self.today:
            return Readiness.EXPIRED
        if pack.needs_attention:
            return Readiness.NEEDS_ATTENTION
        due = self.check_due_at(pack, location_kind)
        if due is not None and due < self.now:
            return Readiness.CHECK_OVERDUE
        return Readiness.READY

    # --- the same rules in SQL, for packs in stock at sites ---------------------------------------------

    def sql_expired(self) -> ColumnElement[bool]:
        return and_(Pack.expires_on.is_not(None), Pack.expires_on < self.today)

    def sql_overdue(self) -> ColumnElement[bool]:
        return func.coalesce(Pack.last_checked_at, Pack.arrived_at) < self.checked_since

    def sql_is(self, readiness: Readiness, at_site: ColumnElement[bool] | None = None) -> ColumnElement[bool]:
        """Packs with this readiness. ``at_site`` says where a pack is at a site (checks are due there only);
        without it every pack is taken to be at a site."""
        in_stock = Pack.status == PackStatus.IN_STOCK.value
        expired = self.sql_expired()
        attention = Pack.needs_attention.is_(True)
        overdue = self.sql_overdue() if at_site is None else and_(at_site, self.sql_overdue())
        if readiness is Readiness.EXPIRED:
            return or_(Pack.status == PackStatus.EXPIRED.value, and_(in_stock, expired))
        if readiness is Readiness.NEEDS_ATTENTION:
            return and_(in_stock, not_(expired), attention)
        if readiness is Readiness.CHECK_OVERDUE:
            return and_(in_stock, not_(expired), not_(attention), overdue)
        if readiness is Readiness.READY:
            return and_(in_stock, not_(expired), not_(attention), not_(overdue))
        return Pack.status == PackStatus.USED.value

    def sql_in_date(self) -> ColumnElement[bool]:
        return or_(Pack.expires_on.is_(None), Pack.expires_on >= self.today)
