"""Who may use the referrals service, by role (DESIGN §7). Guardians and CSP officers have no business here."""

from dataclasses import dataclass
from uuid import UUID

from vru_shared.auth import Principal, Role, require, require_role_or_scopes

#: VRU staff and partner agencies: may read reference data.
READ_REFERENCE = require(
    Role.ANALYST,
    Role.COORDINATOR,
    Role.DIRECTOR,
    Role.PROGRAMME_OFFICER,
    Role.PARTNER_AGENCY,
    Role.AUDITOR,
    Role.ADMIN,
    Role.SERVICE,
)

#: The auditor (and only the auditor) reads and exports the data-protection audit log.
AUDITOR = require(Role.AUDITOR)

#: The scope of the police crime feed's API client: it may submit incident reports and nothing else.
INGEST_SCOPE = "incidents:ingest"

#: Casework on incidents, young people and reviews. Coordinators are further limited to their districts
#: (a filter in each repository query); partner agencies see nothing here unless shared with them.
READ_CASEWORK = require(Role.ANALYST, Role.COORDINATOR, Role.DIRECTOR)

#: Moving a review through its lifecycle: analysts anywhere, coordinators in their districts.
WORK_REVIEWS = require(Role.ANALYST, Role.COORDINATOR)

#: Screening by hand and resolving possible duplicate young people: analysts.
ANALYST = require(Role.ANALYST)

#: Aggregate incident counts (no personal data); the funding service calls with its own service token.
#: Coordinators count their own districts only (:func:`statistics_districts`).
READ_STATISTICS = require(Role.ANALYST, Role.DIRECTOR, Role.PROGRAMME_OFFICER, Role.COORDINATOR, Role.SERVICE)


def statistics_districts(principal: Principal) -> frozenset[str] | None:
    """The districts whose incidents the caller may count: a coordinator's own (their token's ``districts``),
    everyone else's all (``None``)."""
    if principal.has_role(Role.ANALYST, Role.DIRECTOR, Role.PROGRAMME_OFFICER, Role.SERVICE):
        return None
    return principal.districts


def district_scope(principal: Principal) -> frozenset[str] | None:
    """The district codes whose casework the caller may see, or None for all (analysts, the director).

    A coordinator sees the districts of their token's ``districts`` claim (none if it is empty)."""
    if principal.has_role(Role.ANALYST, Role.DIRECTOR):
        return None
    return principal.districts


#: Submitting crime reports: analysts, or an API client holding the ``incidents:ingest`` scope.
INGEST_INCIDENTS = require_role_or_scopes(Role.ANALYST, scopes=[INGEST_SCOPE])


#: Referrals: VRU staff read them (coordinators in their districts); a partner agency reads those sent to it,
#: or to a funded project it delivers (a project's provider organisation).
READ_REFERRALS = require(Role.ANALYST, Role.COORDINATOR, Role.DIRECTOR, Role.PARTNER_AGENCY)

#: Making, editing, sending and withdrawing referrals; meetings, decisions and support plans: VRU casework staff.
WORK_CASEWORK = require(Role.ANALYST, Role.COORDINATOR)

#: Answering a referral (accept, reject, start, complete) and updating it: VRU staff or the receiving agency.
RESPOND_REFERRALS = require(Role.ANALYST, Role.COORDINATOR, Role.PARTNER_AGENCY)

#: Meeting actions: VRU staff, and a partner agency for the actions its agency owns.
READ_ACTIONS = require(Role.ANALYST, Role.COORDINATOR, Role.DIRECTOR, Role.PARTNER_AGENCY)
WORK_ACTIONS = require(Role.ANALYST, Role.COORDINATOR, Role.PARTNER_AGENCY)

#: Subject access and retention (the data protection officer holds the ``auditor`` role).
DATA_PROTECTION = require(Role.AUDITOR)

#: Linking a partner agency to the identity service's agency.
LINK_PARTNERS = require(Role.ADMIN, Role.ANALYST)

#: "Is this crime reference known?" (the ETP inventory service validating a pack's use report).
REFERENCE_CHECK = require(Role.SERVICE, Role.ANALYST)


@dataclass(frozen=True, slots=True)
class CaseworkScope:
    """What casework a caller may see. Staff: the districts (``None`` = all). A partner agency: only what was
    sent to the partner agency linked to its token's ``agency``, or to a funded project that partner agency
    delivers (``agency`` None: nothing)."""

    districts: frozenset[str] | None
    partner: bool = False
    agency: UUID | None = None


def casework_scope(principal: Principal) -> CaseworkScope:
    if principal.has_role(Role.ANALYST, Role.DIRECTOR):
        return CaseworkScope(None)
    if principal.has_role(Role.COORDINATOR):
        return CaseworkScope(principal.districts)
    if principal.has_role(Role.PARTNER_AGENCY):
        return CaseworkScope(frozenset(), partner=True, agency=principal.agency_id)
    return CaseworkScope(frozenset())
