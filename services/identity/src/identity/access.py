"""Who may use the identity service's admin API (DESIGN §7). The token endpoint, JWKS, discovery document
and API docs are public."""

from vru_shared.auth import Role, require

#: Creating and changing agencies, people, API clients and signing keys; reading people and clients.
ADMIN = require(Role.ADMIN)

#: Any verified caller may read the list of agencies (partner systems show agency names).
READ_AGENCIES = require(any_authenticated=True)

#: The platform's own services (client credentials with the ``service`` role): the token revocation list.
SERVICES = require(Role.SERVICE)

#: The notifications service (and the platform's other services) looking up whom to send an e-mail notice to.
CONTACTS = require(Role.SERVICE)

#: Who assigns guardians to pack sites (the ETP inventory's staff and CSP officers), and the ETP inventory service
#: checking an assignment: look a guardian up by e-mail or id — their name and e-mail only.
GUARDIAN_LOOKUP = require(Role.ADMIN, Role.DIRECTOR, Role.PROGRAMME_OFFICER, Role.CSP_OFFICER, Role.SERVICE)
