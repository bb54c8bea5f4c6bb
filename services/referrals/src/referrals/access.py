"""Who may use the referrals service, by role (DESIGN §7). Guardians and CSP officers have no business here."""

from vru_shared.auth import Role, require

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
