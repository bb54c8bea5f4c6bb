"""Who may use the referrals service, by role (DESIGN §7). Guardians and CSP officers have no business here."""

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
READ_STATISTICS = require(Role.ANALYST, Role.DIRECTOR, Role.PROGRAMME_OFFICER, Role.SERVICE)


def district_scope(principal: Principal) -> frozenset[str] | None:
    """The district codes whose casework the caller may see, or None for all (analysts, the director).

    A coordinator sees the districts of their token's ``districts`` claim (none if it is empty)."""
    if principal.has_role(Role.ANALYST, Role.DIRECTOR):
        return None
    return principal.districts


#: Submitting crime reports: analysts, or an API client holding the ``incidents:ingest`` scope.
INGEST_INCIDENTS = require_role_or_scopes(Role.ANALYST, scopes=[INGEST_SCOPE])
