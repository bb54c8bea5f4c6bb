"""Who may use the ETP inventory service (DESIGN §7), and what each caller may see.

- The unit's staff (programme officer, director, admin) manage everything.
- CSP officers manage their own district's stock and sites (their token's ``districts``).
- Guardians see and work on their own sites: the sites assigned to their token subject.
- Partner agencies (and analysts, coordinators, auditors) read summaries only.
- Anyone, without a token, reads the public map of ready packs at public sites.

Object-level rules are filters in the repository queries (``visible()`` of a scoped repository), so a list
never leaks; the lock code of a site is shown only to its owning CSP's officers and its guardians (also
decided in the query).
"""

from dataclasses import dataclass

from vru_shared.auth import Principal, Role, require

STAFF_ROLES = (Role.PROGRAMME_OFFICER, Role.DIRECTOR, Role.ADMIN)

#: Everyone who handles, funds, oversees or audits packs, and other VRU services: may read reference data.
READ_REFERENCE = require(
    Role.CSP_OFFICER,
    Role.GUARDIAN,
    Role.PROGRAMME_OFFICER,
    Role.DIRECTOR,
    Role.ANALYST,
    Role.COORDINATOR,
    Role.AUDITOR,
    Role.ADMIN,
    Role.SERVICE,
)

#: The unit's own work: kit types, purchases, allocation to CSPs, re-checking crime references.
STAFF = require(*STAFF_ROLES)

#: Stock and sites: staff everywhere, CSP officers in their district.
LOCAL = require(*STAFF_ROLES, Role.CSP_OFFICER)

#: Packs in the field: staff, CSP officers (their district), guardians (their sites).
FIELD = require(*STAFF_ROLES, Role.CSP_OFFICER, Role.GUARDIAN)

#: Alerts, for the front end and partner systems: staff, CSP officers (their district), VRU services.
ALERTS = require(*STAFF_ROLES, Role.CSP_OFFICER, Role.SERVICE)

#: Read-only summaries per CSP (counts, no sites, no lock codes): also partner agencies and VRU analysts.
SUMMARIES = require(
    *STAFF_ROLES,
    Role.CSP_OFFICER,
    Role.PARTNER_AGENCY,
    Role.ANALYST,
    Role.COORDINATOR,
    Role.AUDITOR,
    Role.SERVICE,
)


@dataclass(frozen=True, slots=True)
class Scope:
    """What a caller may see: everything, or the sites and stock of some districts, or some sites."""

    everything: bool
    #: As a CSP officer: these districts' CSPs and sites.
    districts: frozenset[str]
    #: As a guardian: the sites assigned to this subject.
    guardian: str | None

    def sees_district(self, district: str | None) -> bool:
        return self.everything or (district is not None and district in self.districts)


def scope_of(principal: Principal) -> Scope:
    everything = principal.has_role(*STAFF_ROLES, Role.SERVICE)
    districts = principal.districts if principal.has_role(Role.CSP_OFFICER) else frozenset()
    guardian = principal.subject if principal.has_role(Role.GUARDIAN) else None
    return Scope(everything=everything, districts=frozenset(districts), guardian=guardian)


def summary_scope(principal: Principal) -> frozenset[str] | None:
    """Districts whose summaries the caller sees: a CSP officer (only) their own; everyone else all."""
    if principal.has_role(
        *STAFF_ROLES, Role.PARTNER_AGENCY, Role.ANALYST, Role.COORDINATOR, Role.AUDITOR, Role.SERVICE
    ):
        return None
    return principal.districts
