"""Who may use the funding service (DESIGN §7, issue 5 "Access").

- The director and the programme officer write (funds, budgets, organisations, projects, grants,
  allocations) and read everything.
- Other VRU staff (analysts, coordinators, the auditor, admins) and other VRU services read.
- CSP officers read the grants and allocations of their own districts (a filter in each repository query,
  from the token's ``districts``).
- Partner agencies read only published grant data: the 360Giving export.
- API clients are authorised by scope: ``funding:read`` to read, ``funding:spend`` to record spend.
- The referrals service (role ``service``) reports the referrals funded projects accepted.
"""

from vru_shared.auth import Principal, Role, require, require_role_or_scopes
from vru_shared.events import Audience

READ_SCOPE = "funding:read"
SPEND_SCOPE = "funding:spend"

_STAFF = (Role.DIRECTOR, Role.PROGRAMME_OFFICER, Role.ANALYST, Role.COORDINATOR, Role.AUDITOR, Role.ADMIN, Role.SERVICE)

#: Reference data (years, funds, streams, budget lines, organisations, projects): VRU staff and services.
READ_REFERENCE = require_role_or_scopes(*_STAFF, scopes=[READ_SCOPE])

#: Grants, disbursements, monitoring returns and allocations: staff, services, and CSP officers (own districts).
READ_GRANTS = require_role_or_scopes(*_STAFF, Role.CSP_OFFICER, scopes=[READ_SCOPE])

#: Commissioning: the director and the programme officer.
COMMISSION = require(Role.DIRECTOR, Role.PROGRAMME_OFFICER)

#: Recording spend against a budget line (the ETP inventory's pack purchases).
RECORD_SPEND = require_role_or_scopes(Role.SERVICE, Role.PROGRAMME_OFFICER, Role.DIRECTOR, scopes=[SPEND_SCOPE])

#: Counting a young person a funded project accepted into its grant's monitoring figures: the referrals service.
COUNT_REFERRALS = require(Role.SERVICE)

#: Published grant data (360Giving): everyone above, and partner agencies.
READ_PUBLISHED = require_role_or_scopes(*_STAFF, Role.CSP_OFFICER, Role.PARTNER_AGENCY, scopes=[READ_SCOPE])

#: Approving a grant: the director or the programme officer, never the person who submitted it.
APPROVERS = frozenset({Role.DIRECTOR.value, Role.PROGRAMME_OFFICER.value})


#: The districts whose grants and allocations a caller may see (a CSP officer's), or None for all.
DistrictScope = frozenset[str] | None


def district_scope(principal: Principal) -> DistrictScope:
    """The districts whose grants and allocations the caller may see; None for all.

    A CSP officer (and only a CSP officer) is limited to the districts in their token."""
    if principal.has_role(*(r.value for r in _STAFF)) or principal.has_scopes(READ_SCOPE):
        return None
    return principal.districts


#: Who hears of a grant approved, a disbursement paid or an allocation committed (webhooks, docs/notifications.md):
#: the unit's staff subscriptions only. Partner agencies read published grant data (the 360Giving export), never
#: ``/v1/grants/{id}``, ``/v1/disbursements/{id}`` or ``/v1/allocations/{id}``, which an event's ``links.self``
#: names; a funded organisation is not an identity agency; CSP officers read by district, not by subscription.
EVENT_AUDIENCE = Audience([], staff=True)
