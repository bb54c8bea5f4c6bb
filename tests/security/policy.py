"""The declared access policy of every operation of every service (DESIGN §7, docs/*.md "who may do what").

One entry per OpenAPI operation, ``(METHOD, path template)`` → who may call it. The suite builds each
service's OpenAPI document, and fails when an operation has no entry here or an entry names an operation
that no longer exists — so a new route is covered as soon as it is added. See ``docs/security.md``.

Outcomes per principal at the route level (``test_policy_matrix.py``):

- ``PUBLIC``: anyone, no token needed.
- otherwise a set of principal names: those get past the route's check (no 401/403; with a made-up id or
  an empty body that is a 404 or 422), everyone else with a valid token gets **403**, and a missing,
  expired, foreign-signed, wrong-audience or malformed token gets **401**.

Object-level outcomes (what an allowed principal may see of another district's or agency's records: 404)
are in ``objects.py``.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

# --------------------------------------------------------------------------------------------------
# Principals: each role, district and agency combination the design defines (tokens from TestIssuer)

#: The identity agencies of two partner agencies (linked in the referrals world to CSWS and Youth Justice).
AGENCY_A = uuid.UUID("7a1e3c55-0000-4000-8000-00000000000a")
AGENCY_B = uuid.UUID("7a1e3c55-0000-4000-8000-00000000000b")
VRU_AGENCY = uuid.UUID("7a1e3c55-0000-4000-8000-000000000001")


@dataclass(frozen=True)
class Principal:
    """A caller: the claims of its token."""

    name: str
    roles: tuple[str, ...] = ()
    districts: tuple[str, ...] = ()
    scopes: tuple[str, ...] = ()
    agency: uuid.UUID | None = VRU_AGENCY
    kind: str = "person"
    sub: str = field(default="")

    def claims(self) -> dict[str, Any]:
        return {
            "roles": list(self.roles),
            "districts": list(self.districts),
            "scopes": list(self.scopes),
            "agency": self.agency,
            "kind": self.kind,
            "sub": self.sub or f"security-{self.name}",
            "name": f"Security test {self.name} (example.org)",
        }


PRINCIPALS: dict[str, Principal] = {
    p.name: p
    for p in (
        Principal("analyst", ("analyst",)),
        Principal("coordinator", ("coordinator",), districts=("medway", "swale")),
        Principal("coordinator_tc", ("coordinator",), districts=("thanet", "canterbury")),
        Principal("director", ("director",)),
        Principal("programme_officer", ("programme_officer",)),
        Principal("partner", ("partner_agency",), agency=AGENCY_A),
        Principal("partner_other", ("partner_agency",), agency=AGENCY_B),
        Principal("csp_medway", ("csp_officer",), districts=("medway",)),
        Principal("csp_swale", ("csp_officer",), districts=("swale",)),
        # A guardian's sub is their person id in identity, where the world makes them guardians.
        Principal("guardian", ("guardian",), sub="7a1e3c55-0000-4000-8000-0000000000a1"),
        Principal("guardian_other", ("guardian",), sub="7a1e3c55-0000-4000-8000-0000000000a2"),
        Principal("auditor", ("auditor",)),
        Principal("admin", ("admin",)),
        Principal("service", ("service",), kind="client"),
        Principal("police_feed", scopes=("incidents:ingest",), kind="client"),
        Principal("funding_reader", scopes=("funding:read",), kind="client"),
        Principal("funding_spender", scopes=("funding:spend",), kind="client"),
        Principal("nobody", ()),
    )
}

# --------------------------------------------------------------------------------------------------
# Groups


def _group(*names: str) -> frozenset[str]:
    unknown = set(names) - set(PRINCIPALS)
    if unknown:
        raise ValueError(f"unknown principals {sorted(unknown)}")
    return frozenset(names)


PUBLIC = "public"
Access = frozenset[str] | str

EVERYONE_WITH_A_TOKEN = frozenset(PRINCIPALS)
COORDINATORS = _group("coordinator", "coordinator_tc")
PARTNERS = _group("partner", "partner_other")
CSP_OFFICERS = _group("csp_medway", "csp_swale")
GUARDIANS = _group("guardian", "guardian_other")

ADMIN = _group("admin")
AUDITOR = _group("auditor")

# referrals (docs/referrals.md "Who may do what")
RF_REFERENCE = (
    _group("analyst", "director", "programme_officer", "auditor", "admin", "service") | COORDINATORS | PARTNERS
)
RF_CASEWORK_READ = _group("analyst", "director") | COORDINATORS
RF_CASEWORK_WORK = _group("analyst") | COORDINATORS
RF_SHARED_READ = RF_CASEWORK_READ | PARTNERS
RF_SHARED_WORK = RF_CASEWORK_WORK | PARTNERS
RF_INGEST = _group("analyst", "police_feed")
RF_STATISTICS = _group("analyst", "director", "programme_officer", "service") | COORDINATORS

# funding (docs/funding.md "Authentication and who may do what")
FD_STAFF = (
    _group("director", "programme_officer", "analyst", "auditor", "admin", "service", "funding_reader") | COORDINATORS
)
FD_GRANTS = FD_STAFF | CSP_OFFICERS
FD_PUBLISHED = FD_GRANTS | PARTNERS
FD_COMMISSION = _group("director", "programme_officer")
FD_SPEND = _group("director", "programme_officer", "service", "funding_spender")

# etp_inventory (docs/etp_inventory.md "Authentication and who may do what")
ETP_STAFF = _group("programme_officer", "director", "admin")
#: Those who assign guardians to pack sites, and the ETP inventory service checking an assignment.
ID_GUARDIAN_LOOKUP = ETP_STAFF | CSP_OFFICERS | _group("service")
ETP_LOCAL = ETP_STAFF | CSP_OFFICERS
ETP_FIELD = ETP_LOCAL | GUARDIANS
ETP_ALERTS = ETP_LOCAL | _group("service")
ETP_SUMMARIES = ETP_LOCAL | PARTNERS | COORDINATORS | _group("analyst", "auditor", "service")
ETP_REFERENCE = ETP_LOCAL | GUARDIANS | COORDINATORS | _group("analyst", "auditor", "service")

# notifications (docs/notifications.md "Subscriptions API"): a partner agency's own subscriptions, any for admin
NT_MANAGE = PARTNERS | ADMIN
#: Notification preferences are a person's own (an API client has none).
NT_PEOPLE = frozenset(name for name, p in PRINCIPALS.items() if p.kind == "person")

# --------------------------------------------------------------------------------------------------
# The table

POLICY: dict[str, dict[tuple[str, str], Access]] = {
    "identity": {
        ("POST", "/oauth/token"): PUBLIC,
        ("GET", "/.well-known/jwks.json"): PUBLIC,
        ("GET", "/.well-known/openid-configuration"): PUBLIC,
        ("GET", "/v1/revocations"): _group("service"),
        ("POST", "/v1/agencies"): ADMIN,
        ("GET", "/v1/agencies"): EVERYONE_WITH_A_TOKEN,
        ("GET", "/v1/agencies/{agency_id}"): EVERYONE_WITH_A_TOKEN,
        ("PATCH", "/v1/agencies/{agency_id}"): ADMIN,
        ("POST", "/v1/people"): ADMIN,
        ("GET", "/v1/people"): ADMIN,
        ("GET", "/v1/people/{person_id}"): ADMIN,
        ("PATCH", "/v1/people/{person_id}"): ADMIN,
        ("POST", "/v1/people/{person_id}/unlock"): ADMIN,
        ("GET", "/v1/guardians"): ID_GUARDIAN_LOOKUP,
        ("GET", "/v1/guardians/{person_id}"): ID_GUARDIAN_LOOKUP,
        ("GET", "/v1/contacts"): _group("service"),
        ("POST", "/v1/clients"): ADMIN,
        ("GET", "/v1/clients"): ADMIN,
        ("GET", "/v1/clients/{client_uuid}"): ADMIN,
        ("PATCH", "/v1/clients/{client_uuid}"): ADMIN,
        ("POST", "/v1/clients/{client_uuid}/secret"): ADMIN,
        ("POST", "/v1/signing-keys"): ADMIN,
        ("GET", "/v1/signing-keys"): ADMIN,
        ("GET", "/v1/signing-keys/{kid}"): ADMIN,
    },
    "referrals": {
        ("GET", "/v1/districts"): RF_REFERENCE,
        ("GET", "/v1/districts/{code}"): RF_REFERENCE,
        ("GET", "/v1/coordinator-areas"): RF_REFERENCE,
        ("GET", "/v1/coordinator-areas/{code}"): RF_REFERENCE,
        ("GET", "/v1/offence-categories"): RF_REFERENCE,
        ("GET", "/v1/offence-categories/{code}"): RF_REFERENCE,
        ("GET", "/v1/forums"): RF_REFERENCE,
        ("GET", "/v1/forums/{code}"): RF_REFERENCE,
        ("GET", "/v1/partner-agencies"): RF_REFERENCE,
        ("GET", "/v1/partner-agencies/{code}"): RF_REFERENCE,
        ("PATCH", "/v1/partner-agencies/{code}"): _group("admin", "analyst"),
        ("PUT", "/v1/partner-agencies/{code}/projects/{project_id}"): _group("admin", "analyst"),
        ("GET", "/v1/partner-agencies/{code}/projects"): _group("admin", "analyst"),
        ("DELETE", "/v1/partner-agencies/{code}/projects/{project_id}"): _group("admin", "analyst"),
        ("POST", "/v1/imports/incidents"): RF_INGEST,
        ("POST", "/v1/imports/incidents.csv"): RF_INGEST,
        ("GET", "/v1/incidents"): RF_CASEWORK_READ,
        ("GET", "/v1/incidents/export"): RF_CASEWORK_READ,
        ("GET", "/v1/incidents/reference-check"): _group("analyst", "service"),
        ("GET", "/v1/incidents/{incident_id}"): RF_CASEWORK_READ,
        ("POST", "/v1/incidents/{incident_id}/screening"): _group("analyst"),
        ("GET", "/v1/subjects"): RF_CASEWORK_READ,
        ("GET", "/v1/subjects/possible-duplicates"): _group("analyst"),
        ("GET", "/v1/subjects/{subject_id}"): RF_CASEWORK_READ,
        ("POST", "/v1/subjects/{subject_id}/duplicates/{other_id}/confirm"): _group("analyst"),
        ("POST", "/v1/subjects/{subject_id}/duplicates/{other_id}/split"): _group("analyst"),
        ("GET", "/v1/reviews"): RF_CASEWORK_READ,
        ("GET", "/v1/reviews/export"): RF_CASEWORK_READ,
        ("GET", "/v1/reviews/{review_id}"): RF_CASEWORK_READ,
        ("POST", "/v1/reviews/{review_id}/transitions"): RF_CASEWORK_WORK,
        ("GET", "/v1/referrals"): RF_SHARED_READ,
        ("GET", "/v1/referrals/export"): RF_SHARED_READ,
        ("GET", "/v1/referrals/funded-projects"): RF_CASEWORK_WORK,
        ("POST", "/v1/referrals"): RF_CASEWORK_WORK,
        ("GET", "/v1/referrals/{referral_id}"): RF_SHARED_READ,
        ("PATCH", "/v1/referrals/{referral_id}"): RF_SHARED_WORK,
        ("POST", "/v1/referrals/{referral_id}/transitions"): RF_SHARED_WORK,
        ("GET", "/v1/meetings"): RF_CASEWORK_READ,
        ("POST", "/v1/meetings"): RF_CASEWORK_WORK,
        ("GET", "/v1/meetings/{meeting_id}"): RF_CASEWORK_READ,
        ("PATCH", "/v1/meetings/{meeting_id}"): RF_CASEWORK_WORK,
        ("GET", "/v1/meetings/{meeting_id}/agenda"): RF_CASEWORK_READ,
        ("POST", "/v1/meetings/{meeting_id}/decisions"): RF_CASEWORK_WORK,
        ("GET", "/v1/actions/overdue-summary"): RF_CASEWORK_READ,
        ("GET", "/v1/actions"): RF_SHARED_READ,
        ("GET", "/v1/actions/{action_id}"): RF_SHARED_READ,
        ("PATCH", "/v1/actions/{action_id}"): RF_SHARED_WORK,
        ("GET", "/v1/support-plans"): RF_CASEWORK_READ,
        ("POST", "/v1/support-plans"): RF_CASEWORK_WORK,
        ("GET", "/v1/support-plans/{plan_id}"): RF_CASEWORK_READ,
        ("PATCH", "/v1/support-plans/{plan_id}"): RF_CASEWORK_WORK,
        ("POST", "/v1/support-plans/{plan_id}/interventions"): RF_CASEWORK_WORK,
        ("GET", "/v1/interventions/{intervention_id}"): RF_CASEWORK_READ,
        ("PATCH", "/v1/interventions/{intervention_id}"): RF_CASEWORK_WORK,
        ("GET", "/v1/statistics/incidents"): RF_STATISTICS,
        ("GET", "/v1/statistics/incidents/export"): RF_STATISTICS,
        ("GET", "/v1/audit-log"): AUDITOR,
        ("GET", "/v1/audit-log/verify"): AUDITOR,
        ("GET", "/v1/audit-log/export"): AUDITOR,
        ("GET", "/v1/subject-access/{subject_id}"): AUDITOR,
        ("GET", "/v1/retention/review-list"): AUDITOR,
        ("POST", "/v1/retention/erasures"): AUDITOR,
    },
    "funding": {
        ("GET", "/v1/financial-years"): FD_STAFF,
        ("GET", "/v1/financial-years/{code}"): FD_STAFF,
        ("GET", "/v1/funds"): FD_STAFF,
        ("POST", "/v1/funds"): FD_COMMISSION,
        ("GET", "/v1/funds/{fund_id}"): FD_STAFF,
        ("GET", "/v1/funding-streams"): FD_STAFF,
        ("POST", "/v1/funding-streams"): FD_COMMISSION,
        ("GET", "/v1/funding-streams/{code}"): FD_STAFF,
        ("GET", "/v1/budget-lines"): FD_STAFF,
        ("POST", "/v1/budget-lines"): FD_COMMISSION,
        ("GET", "/v1/budget-lines/{budget_line_id}"): FD_STAFF,
        ("PATCH", "/v1/budget-lines/{budget_line_id}"): FD_COMMISSION,
        ("POST", "/v1/budget-lines/{budget_line_id}/spend"): FD_SPEND,
        ("GET", "/v1/budget-lines/{budget_line_id}/spend"): FD_STAFF,
        ("GET", "/v1/spend/{spend_id}"): FD_STAFF,
        ("GET", "/v1/organisations"): FD_STAFF,
        ("POST", "/v1/organisations"): FD_COMMISSION,
        ("GET", "/v1/organisations/{organisation_id}"): FD_STAFF,
        ("POST", "/v1/organisations/{organisation_id}/due-diligence-checks"): FD_COMMISSION,
        ("GET", "/v1/organisations/{organisation_id}/due-diligence-checks"): FD_STAFF,
        ("GET", "/v1/organisations/{organisation_id}/due-diligence-checks/{check_id}"): FD_STAFF,
        ("GET", "/v1/projects"): FD_STAFF,
        ("POST", "/v1/projects"): FD_COMMISSION,
        ("GET", "/v1/projects/{project_id}"): FD_STAFF,
        ("GET", "/v1/projects/referral-destinations"): FD_STAFF,
        ("POST", "/v1/projects/{project_id}/referrals"): _group("service"),
        ("GET", "/v1/projects/{project_id}/referrals"): FD_GRANTS,
        ("GET", "/v1/projects/{project_id}/referrals/{referral_id}"): FD_GRANTS,
        ("GET", "/v1/evaluations"): FD_STAFF,
        ("POST", "/v1/evaluations"): FD_COMMISSION,
        ("GET", "/v1/evaluations/{evaluation_id}"): FD_STAFF,
        ("GET", "/v1/grants"): FD_GRANTS,
        ("POST", "/v1/grants"): FD_COMMISSION,
        ("GET", "/v1/grants/{grant_id}"): FD_GRANTS,
        ("PATCH", "/v1/grants/{grant_id}"): FD_COMMISSION,
        ("POST", "/v1/grants/{grant_id}/transitions"): FD_COMMISSION,
        ("POST", "/v1/grants/{grant_id}/disbursements"): FD_COMMISSION,
        ("GET", "/v1/grants/{grant_id}/disbursements"): FD_GRANTS,
        ("GET", "/v1/disbursements/{disbursement_id}"): FD_GRANTS,
        ("POST", "/v1/disbursements/{disbursement_id}/transitions"): FD_COMMISSION,
        ("GET", "/v1/monitoring-returns"): FD_GRANTS,
        ("GET", "/v1/monitoring-returns/{return_id}"): FD_GRANTS,
        ("POST", "/v1/monitoring-returns/{return_id}/submission"): FD_COMMISSION,
        ("POST", "/v1/monitoring-returns/{return_id}/amendments"): FD_COMMISSION,
        ("GET", "/v1/monitoring-returns/{return_id}/versions"): FD_GRANTS,
        ("GET", "/v1/monitoring-returns/{return_id}/versions/{version}"): FD_GRANTS,
        ("POST", "/v1/allocations"): FD_COMMISSION,
        ("GET", "/v1/allocations"): FD_GRANTS,
        ("GET", "/v1/allocations/{allocation_id}"): FD_GRANTS,
        ("GET", "/v1/allocations/{allocation_id}/export"): FD_GRANTS,
        ("POST", "/v1/allocations/{allocation_id}/commit"): FD_COMMISSION,
        ("GET", "/v1/reports/totals"): FD_STAFF,
        ("GET", "/v1/reports/totals/export"): FD_STAFF,
        ("GET", "/v1/exports/360giving.json"): FD_PUBLISHED,
        ("GET", "/v1/exports/360giving.csv"): FD_PUBLISHED,
    },
    "etp_inventory": {
        ("GET", "/v1/component-types"): ETP_REFERENCE,
        ("GET", "/v1/component-types/{code}"): ETP_REFERENCE,
        ("GET", "/v1/kit-types"): ETP_REFERENCE,
        ("POST", "/v1/kit-types"): ETP_STAFF,
        ("GET", "/v1/kit-types/{code}"): ETP_REFERENCE,
        ("POST", "/v1/purchases"): ETP_STAFF,
        ("GET", "/v1/purchases"): ETP_STAFF,
        ("GET", "/v1/purchases/{purchase_id}"): ETP_STAFF,
        ("GET", "/v1/locations"): ETP_FIELD,
        ("GET", "/v1/locations/{location_id}"): ETP_FIELD,
        ("GET", "/v1/csps"): ETP_SUMMARIES,
        ("GET", "/v1/csps/{district}"): ETP_SUMMARIES,
        ("PATCH", "/v1/csps/{district}"): ETP_STAFF,
        ("POST", "/v1/sites"): ETP_LOCAL,
        ("GET", "/v1/sites"): ETP_FIELD,
        ("GET", "/v1/sites/{site_id}"): ETP_FIELD,
        ("PATCH", "/v1/sites/{site_id}"): ETP_LOCAL,
        ("PUT", "/v1/sites/{site_id}/guardians/{subject}"): ETP_LOCAL,
        ("DELETE", "/v1/sites/{site_id}/guardians/{subject}"): ETP_LOCAL,
        ("GET", "/v1/packs"): ETP_FIELD,
        ("GET", "/v1/packs/{pack_id}"): ETP_FIELD,
        ("PUT", "/v1/packs/{pack_id}/components/{code}"): ETP_LOCAL,
        ("POST", "/v1/movements/allocations"): ETP_STAFF,
        ("POST", "/v1/movements/deployments"): ETP_LOCAL,
        ("POST", "/v1/movements/returns"): ETP_LOCAL,
        ("POST", "/v1/movements/write-offs"): ETP_LOCAL,
        ("GET", "/v1/movements"): ETP_FIELD,
        ("POST", "/v1/checks"): ETP_FIELD,
        ("GET", "/v1/checks"): ETP_FIELD,
        ("GET", "/v1/checks/due"): ETP_FIELD,
        ("POST", "/v1/use-reports"): ETP_FIELD,
        ("GET", "/v1/use-reports"): ETP_FIELD,
        ("GET", "/v1/use-reports/{report_id}"): ETP_FIELD,
        ("POST", "/v1/use-reports/crime-reference-checks"): ETP_STAFF,
        ("GET", "/v1/resupply-tasks"): ETP_LOCAL,
        ("GET", "/v1/alerts"): ETP_ALERTS,
        ("GET", "/v1/alerts/expiring"): ETP_ALERTS,
        ("GET", "/v1/alerts/overdue-checks"): ETP_ALERTS,
        ("GET", "/v1/alerts/low-stock"): ETP_SUMMARIES,
        ("GET", "/v1/public/packs.geojson"): PUBLIC,
        ("GET", "/v1/public/packs/nearest"): PUBLIC,
        ("GET", "/v1/public/sites.csv"): PUBLIC,
    },
    "notifications": {
        ("POST", "/v1/webhook-subscriptions"): NT_MANAGE,
        ("GET", "/v1/webhook-subscriptions"): NT_MANAGE,
        ("GET", "/v1/webhook-subscriptions/{subscription_id}"): NT_MANAGE,
        ("PATCH", "/v1/webhook-subscriptions/{subscription_id}"): NT_MANAGE,
        ("DELETE", "/v1/webhook-subscriptions/{subscription_id}"): NT_MANAGE,
        ("POST", "/v1/webhook-subscriptions/{subscription_id}/secret"): NT_MANAGE,
        ("GET", "/v1/webhook-subscriptions/{subscription_id}/deliveries"): NT_MANAGE,
        ("POST", "/v1/webhook-subscriptions/{subscription_id}/deliveries/redeliver-failed"): NT_MANAGE,
        ("POST", "/v1/webhook-subscriptions/{subscription_id}/deliveries/{delivery_id}/redeliver"): NT_MANAGE,
        ("POST", "/v1/events"): _group("service"),
        ("GET", "/v1/notification-preferences/me"): NT_PEOPLE,
        ("PUT", "/v1/notification-preferences/me"): NT_PEOPLE,
        ("GET", "/v1/notification-preferences/{person_id}"): ADMIN,
    },
}

#: Routes deliberately left out of the OpenAPI documents, per service: (METHOD, path) → access.
#: A hidden route is a route nobody reviews in the docs; a new one fails the suite until it is listed here.
HIDDEN_ROUTES: dict[str, dict[tuple[str, str], str]] = {
    service: {
        ("GET", "/healthz"): PUBLIC,
        ("GET", "/readyz"): PUBLIC,
        ("GET", "/metrics"): PUBLIC,
        ("GET", "/problems/{status}"): PUBLIC,
    }
    for service in POLICY
}
HIDDEN_ROUTES["identity"] |= {("GET", "/openapi.json"): PUBLIC}


def allowed(service: str, method: str, path: str, principal: str) -> bool:
    access = POLICY[service][(method, path)]
    return access == PUBLIC or principal in access


# --------------------------------------------------------------------------------------------------
# The table as docs/security.md shows it (`.venv/bin/python -m tests.security.policy` prints it)

#: How each principal reads in the docs: by role (or scope), not by the district or agency it was given.
AUDIENCES = {
    "analyst": "analyst",
    "coordinator": "coordinator",
    "coordinator_tc": "coordinator",
    "director": "director",
    "programme_officer": "programme officer",
    "partner": "partner agency",
    "partner_other": "partner agency",
    "csp_medway": "CSP officer",
    "csp_swale": "CSP officer",
    "guardian": "guardian",
    "guardian_other": "guardian",
    "auditor": "auditor",
    "admin": "admin",
    "service": "service",
    "police_feed": "`incidents:ingest`",
    "funding_reader": "`funding:read`",
    "funding_spender": "`funding:spend`",
    "nobody": "a token without roles",
}


def describe(access: Access) -> str:
    if access == PUBLIC:
        return "anyone, no token"
    if access == EVERYONE_WITH_A_TOKEN:
        return "any valid token"
    audiences = dict.fromkeys(AUDIENCES[name] for name in PRINCIPALS if name in access)
    return ", ".join(audiences)


def render_table() -> str:
    lines: list[str] = []
    for service, operations in POLICY.items():
        lines += [
            "",
            f"**{service}** ({len(operations)} operations)",
            "",
            "| Operation | Who may call it |",
            "|---|---|",
        ]
        for (method, path), access in operations.items():
            lines.append(f"| `{method} {path}` | {describe(access)} |")
    return "\n".join(lines[1:])


if __name__ == "__main__":
    print(render_table())
