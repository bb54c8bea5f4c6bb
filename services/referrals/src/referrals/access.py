"""Who may use the referrals service, by role (DESIGN §7). Guardians and CSP officers have no business here."""

from vru_shared.auth import AUTH_MARKER, CurrentPrincipal, Principal, Role, require
from vru_shared.problems import Forbidden

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


async def _ingest_incidents(principal: CurrentPrincipal) -> Principal:
    if principal.has_role(Role.ANALYST) or principal.has_scopes(INGEST_SCOPE):
        return principal
    raise Forbidden(f"Submitting incident reports needs the analyst role or the `{INGEST_SCOPE}` scope.")


setattr(_ingest_incidents, AUTH_MARKER, True)

#: Submitting crime reports: analysts, or an API client holding the ``incidents:ingest`` scope.
INGEST_INCIDENTS = _ingest_incidents
