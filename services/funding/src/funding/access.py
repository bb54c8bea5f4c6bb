"""Who may use the funding service, by role (DESIGN §7).

Commissioning is the unit's own business: guardians, CSP officers and partner agencies have no role here.
"""

from vru_shared.auth import Role, require

#: VRU staff who commission, analyse, coordinate or audit, and other VRU services: may read reference data.
READ_REFERENCE = require(
    Role.DIRECTOR,
    Role.PROGRAMME_OFFICER,
    Role.ANALYST,
    Role.COORDINATOR,
    Role.AUDITOR,
    Role.ADMIN,
    Role.SERVICE,
)
