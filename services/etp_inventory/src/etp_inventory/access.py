"""Who may use the ETP inventory service, by role (DESIGN §7).

Packs are the unit's and the Community Safety Partnerships' business: partner agencies have no role here.
Anonymous callers will get the public map of ready packs only (a later issue).
"""

from vru_shared.auth import Role, require

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
