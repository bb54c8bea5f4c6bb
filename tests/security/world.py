"""Records owned by one district or agency, made through the API as the unit's people would, for the
object-level checks (OWASP API1 BOLA): who may learn each record's id, and who must get 404 instead.

- referrals: casework in Swale (the Medway & Swale coordinator's) and in Thanet (the Thanet & Canterbury
  coordinator's); a referral sent to Children's Social Work Services (agency A), a draft to it, a forum
  referral, meeting actions owned by agency A and by the Youth Justice Service (agency B).
- funding: the seeded Sheppey grant (Swale) with a disbursement and a monitoring return, a Medway grant, an
  allocation across Swale and Thanet.
- etp_inventory: a Medway site with its guardian, packs, a check, a use report and its resupply task; a
  Swale site with a pack.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx

from identity.person.models import Person
from tests.security.inprocess import Services
from tests.security.oas import Operation, sample
from tests.security.policy import AGENCY_A, AGENCY_B, ETP_STAFF, ETP_SUMMARIES, FD_STAFF, PARTNERS, PRINCIPALS
from vru_dev.kits.etp_inventory import purchase_body, site_body

CSWS = "childrens-social-work-services"
YJS = "youth-justice-service"
MAM = "mam-medway-swale"
SHEPPEY_GRANT = "31b4e9d6-db41-5ada-9069-3e011b58f61c"  # seeded: active, Swale
KNIFE_LINE_2020 = "8cc3a269-e9dd-5f2f-86e5-a4d11f13974d"  # seeded: £150,000.00, nothing awarded

#: A lock code, contact and crime reference that only their audiences may ever receive.
LOCK_CODE = "LOCK-SECRET-7731"
CONTACT_PHONE = "01634 999731"
CONTACT_EMAIL = "hidden.site.contact@example.org"


#: The list operation that shows records of a kind (to whoever may see them).
LISTS = {
    "incident": "/v1/incidents",
    "review": "/v1/reviews",
    "subject": "/v1/subjects",
    "referral": "/v1/referrals",
    "meeting": "/v1/meetings",
    "action": "/v1/actions",
    "support plan": "/v1/support-plans",
    "grant": "/v1/grants",
    "monitoring return": "/v1/monitoring-returns",
    "allocation": "/v1/allocations",
    "site": "/v1/sites",
    "pack": "/v1/packs",
    "check": "/v1/checks",
    "use report": "/v1/use-reports",
    "resupply task": "/v1/resupply-tasks",
    "webhook subscription": "/v1/webhook-subscriptions",
}


@dataclass(frozen=True)
class Record:
    """One object: its kind, its id, who may learn that id, where to read it back and which list shows it."""

    kind: str
    id: str
    visible_to: frozenset[str]
    read_path: str | None = None
    listed_at: str | None = None
    #: Whether responses are searched for the id (not for ids that are ordinary words, like a district code).
    scan: bool = True


@dataclass
class World:
    service: str
    records: dict[str, Record] = field(default_factory=dict)
    #: Values for path parameters that are not records (reference codes).
    values: dict[str, str] = field(default_factory=dict)

    def add(
        self,
        name: str,
        kind: str,
        id_: str,
        visible_to: frozenset[str],
        read_path: str | None = None,
        *,
        scan: bool = True,
    ) -> None:
        self.records[name] = Record(kind, str(id_), visible_to, read_path, LISTS.get(kind), scan)

    def id(self, name: str) -> str:
        return self.records[name].id


def ok(response: httpx.Response, *statuses: int) -> Any:
    assert response.status_code in (statuses or (200, 201)), (response.request.url, response.status_code, response.text)
    return response.json() if response.content else None


# --------------------------------------------------------------------------------------------------
# referrals

#: Who may learn the ids of casework in a district (besides the coordinator of that district).
_CASEWORK_EVERYWHERE = frozenset({"analyst", "director", "auditor"})


def _report(
    reference: str, district: str, given_name: str, family_name: str, police_person_id: str | None = None
) -> dict[str, Any]:
    return {
        "crime_reference": reference,
        "occurred_at": "2026-10-14T22:40:00Z",
        "district": district,
        "category": "drug-supply-linked",
        "weapon_knife": True,
        "location": "High Street",
        "people": [
            {
                "role": "victim",
                "given_name": given_name,
                "family_name": family_name,
                "date_of_birth": "2010-03-14",
                "police_person_id": police_person_id or f"KP-{reference.replace('/', '')}",
            }
        ],
    }


async def referrals_world(s: Services) -> World:
    world = World("referrals")
    call = s.call
    reports = [
        _report("46/990001/26", "swale", "Alex", "Securityswale"),
        _report("46/990002/26", "swale", "Sam", "Securitydraft"),
        _report("46/990003/26", "thanet", "Jo", "Securitythanet"),
        # one young person known in both areas: what gathers their records (their page, their review) must
        # show each coordinator only their own districts' incidents, crime references and referrals
        _report("46/990004/26", "swale", "Kit", "Securityboth", "KP-SECURITY-BOTH"),
        _report("46/990005/26", "thanet", "Kit", "Securityboth", "KP-SECURITY-BOTH"),
    ]
    imported = ok(
        await call("referrals", "POST", "/v1/imports/incidents", "police_feed", json_body={"reports": reports})
    )
    assert imported["created"] == 5, imported
    ms = _CASEWORK_EVERYWHERE | {"coordinator"}
    tc = _CASEWORK_EVERYWHERE | {"coordinator_tc"}
    for key, reference, visible in (
        ("swale", "46/990001/26", ms),
        ("draft", "46/990002/26", ms),
        ("thanet", "46/990003/26", tc),
    ):
        listed = ok(await call("referrals", "GET", "/v1/incidents", "analyst", params={"crime_reference": reference}))
        incident = ok(await call("referrals", "GET", f"/v1/incidents/{listed['items'][0]['id']}", "analyst"))
        world.add(f"incident_{key}", "incident", incident["id"], visible, f"/v1/incidents/{incident['id']}")
        world.add(f"review_{key}", "review", incident["review_id"], visible, f"/v1/reviews/{incident['review_id']}")
        subject = incident["people"][0]["subject_id"]
        world.add(f"subject_{key}", "subject", subject, visible, f"/v1/subjects/{subject}")
    for key, reference, visible in (("both_swale", "46/990004/26", ms), ("both_thanet", "46/990005/26", tc)):
        listed = ok(await call("referrals", "GET", "/v1/incidents", "analyst", params={"crime_reference": reference}))
        incident = ok(await call("referrals", "GET", f"/v1/incidents/{listed['items'][0]['id']}", "analyst"))
        world.add(f"incident_{key}", "incident", incident["id"], visible, f"/v1/incidents/{incident['id']}")
        world.add(f"crime_reference_{key}", "crime reference", reference, visible)
        review, subject = incident["review_id"], incident["people"][0]["subject_id"]
    # the young person's open review draws in both districts: both coordinators work it
    world.add("review_both", "review", review, ms | tc, f"/v1/reviews/{review}")
    world.add("subject_both", "subject", subject, ms | tc, f"/v1/subjects/{subject}")

    for code, agency in ((CSWS, AGENCY_A), (YJS, AGENCY_B)):
        path = f"/v1/partner-agencies/{code}"
        etag = (await call("referrals", "GET", path, "admin")).headers["etag"]
        ok(
            await call(
                "referrals",
                "PATCH",
                path,
                "admin",
                json_body={"identity_agency_id": str(agency)},
                headers={"If-Match": etag},
            )
        )

    def referral_body(subject: str, review: str, **destination: str) -> dict[str, Any]:
        return {
            "subject_id": world.id(subject),
            "review_id": world.id(review),
            "reason": "Exploited into drug running; returned from London.",
            "lawful_basis": "public_task",
            "consent": "given",
            **destination,
        }

    async def send(referral: dict[str, Any]) -> dict[str, Any]:
        path = f"/v1/referrals/{referral['id']}/transitions"
        moved: dict[str, Any] = ok(await call("referrals", "POST", path, "coordinator", json_body={"to": "sent"}))
        return moved

    shared = await send(
        ok(
            await call(
                "referrals",
                "POST",
                "/v1/referrals",
                "coordinator",
                json_body=referral_body("subject_swale", "review_swale", partner_agency=CSWS),
            )
        )
    )
    world.add("referral_shared", "referral", shared["id"], ms | {"partner"}, f"/v1/referrals/{shared['id']}")
    draft = ok(
        await call(
            "referrals",
            "POST",
            "/v1/referrals",
            "coordinator",
            json_body=referral_body("subject_draft", "review_draft", partner_agency=CSWS),
        )
    )
    world.add("referral_draft", "referral", draft["id"], ms, f"/v1/referrals/{draft['id']}")
    forum = await send(
        ok(
            await call(
                "referrals",
                "POST",
                "/v1/referrals",
                "coordinator",
                json_body=referral_body("subject_swale", "review_swale", forum=MAM),
            )
        )
    )
    world.add("referral_forum", "referral", forum["id"], ms, f"/v1/referrals/{forum['id']}")
    thanet = ok(
        await call(
            "referrals",
            "POST",
            "/v1/referrals",
            "coordinator_tc",
            json_body=referral_body("subject_thanet", "review_thanet", forum="dcsm-thanet"),
        )
    )
    world.add("referral_thanet", "referral", thanet["id"], tc, f"/v1/referrals/{thanet['id']}")
    for key, who, visible, destination in (
        ("both_swale", "coordinator", ms, {"forum": MAM}),
        ("both_thanet", "coordinator_tc", tc, {"forum": "dcsm-thanet", "district": "thanet"}),
    ):
        made = ok(
            await call(
                "referrals",
                "POST",
                "/v1/referrals",
                who,
                json_body=referral_body("subject_both", "review_both", **destination),
            )
        )
        world.add(f"referral_{key}", "referral", made["id"], visible, f"/v1/referrals/{made['id']}")

    meeting = ok(
        await call(
            "referrals",
            "POST",
            "/v1/meetings",
            "coordinator",
            json_body={"forum": MAM, "held_at": "2026-11-24T10:00:00Z", "attending_agencies": [CSWS, YJS]},
        )
    )
    # The agencies owning its actions learn the meeting's id (and date) with their actions; nothing more of it.
    world.add("meeting", "meeting", meeting["id"], ms | PARTNERS, f"/v1/meetings/{meeting['id']}")
    due = str(date.today() + timedelta(days=14))
    decision = ok(
        await call(
            "referrals",
            "POST",
            f"/v1/meetings/{meeting['id']}/decisions",
            "coordinator",
            json_body={
                "referral_id": forum["id"],
                "decision": "Safety plan agreed.",
                "actions": [
                    {"owner_agency": CSWS, "description": "Submit the NRM referral.", "due_on": due},
                    {"owner_agency": YJS, "description": "Arrange the electronic tag.", "due_on": due},
                ],
            },
        )
    )
    actions = {a["owner_agency"]["code"]: a["id"] for a in decision["actions"]}
    world.add("action_a", "action", actions[CSWS], ms | {"partner"}, f"/v1/actions/{actions[CSWS]}")
    world.add("action_b", "action", actions[YJS], ms | {"partner_other"}, f"/v1/actions/{actions[YJS]}")

    plan = ok(
        await call(
            "referrals",
            "POST",
            "/v1/support-plans",
            "coordinator",
            json_body={"subject_id": world.id("subject_swale"), "summary": "Safety network after exploitation."},
        )
    )
    world.add("plan", "support plan", plan["id"], ms, f"/v1/support-plans/{plan['id']}")
    intervention = ok(
        await call(
            "referrals",
            "POST",
            f"/v1/support-plans/{plan['id']}/interventions",
            "coordinator",
            json_body={"kind": "mentoring", "provider": "Riverside Youth Trust (fictional)", "starts_on": "2026-11-25"},
        )
    )["id"]
    world.add("intervention", "intervention", intervention, ms, f"/v1/interventions/{intervention}")
    world.values |= {
        "code": "swale",
        "other_id": world.id("subject_draft"),
        # A path whose {code} is a partner agency's, not a district's (path_values: "<path>:<name>" first).
        "/v1/partner-agencies/{code}/projects:code": "box-it-out",
    }
    return world


def referrals_requests(world: World) -> dict[tuple[str, str], dict[str, Any]]:
    """A valid body for each write on one record (only the record's scope may stop it)."""
    due = str(date.today() + timedelta(days=21))
    return {
        ("POST", "/v1/incidents/{incident_id}/screening"): {"decision": "out", "reason": "Security test screening."},
        ("POST", "/v1/subjects/{subject_id}/duplicates/{other_id}/confirm"): {},
        ("POST", "/v1/subjects/{subject_id}/duplicates/{other_id}/split"): {},
        ("POST", "/v1/reviews/{review_id}/transitions"): {"to": "in_review"},
        ("PATCH", "/v1/referrals/{referral_id}"): {"note": "Security test note."},
        ("POST", "/v1/referrals/{referral_id}/transitions"): {"to": "accepted"},
        ("PATCH", "/v1/meetings/{meeting_id}"): {"minutes": "Security test minutes."},
        ("POST", "/v1/meetings/{meeting_id}/decisions"): {
            "referral_id": world.id("referral_forum"),
            "decision": "Security test decision.",
            "actions": [{"owner_agency": CSWS, "description": "Security test action.", "due_on": due}],
        },
        ("PATCH", "/v1/actions/{action_id}"): {"status": "done", "note": "Security test."},
        ("PATCH", "/v1/support-plans/{plan_id}"): {"summary": "Security test summary."},
        ("POST", "/v1/support-plans/{plan_id}/interventions"): {
            "kind": "mentoring",
            "provider": "Security test provider",
            "starts_on": "2026-12-01",
        },
        ("PATCH", "/v1/interventions/{intervention_id}"): {"status": "active"},
        ("PATCH", "/v1/partner-agencies/{code}"): {"identity_agency_id": None},
        ("POST", "/v1/retention/erasures"): {"subject_id": world.id("subject_swale"), "reason": "erasure_request"},
    }


# --------------------------------------------------------------------------------------------------
# identity and funding


async def identity_world(s: Services) -> World:
    """The identity service's records are the unit's own (admin only): nothing is limited by district."""
    return World("identity")


async def funding_world(s: Services) -> World:
    world = World("funding")
    call = s.call
    swale = FD_STAFF | {"csp_swale"}
    sheppey = ok(await call("funding", "GET", f"/v1/grants/{SHEPPEY_GRANT}", "programme_officer"))
    grant = ok(
        await call(
            "funding",
            "POST",
            "/v1/grants",
            "programme_officer",
            json_body={
                "title": "Security test Swale mentoring",
                "description": "Weekly mentoring in Sittingbourne.",
                "recipient_organisation_id": sheppey["recipient_organisation_id"],
                "budget_line_id": KNIFE_LINE_2020,
                "amount_applied_pence": 1_000_000,
                "currency": "GBP",
                "districts": ["swale"],
                "planned_start_on": "2020-07-01",
                "planned_end_on": "2021-03-31",
            },
        )
    )
    for step, who in (
        ("submitted", "programme_officer"),
        ("in_review", "programme_officer"),
        ("approved", "director"),
        ("active", "programme_officer"),
    ):
        grant = ok(
            await call(
                "funding",
                "POST",
                f"/v1/grants/{grant['id']}/transitions",
                who,
                json_body={"to": step},
                headers={"If-Match": f'"v{grant["version"]}"'},
            )
        )
    world.add("grant_swale", "grant", grant["id"], swale, f"/v1/grants/{grant['id']}")
    grants = ok(
        await call("funding", "GET", "/v1/grants", "programme_officer", params={"district": "medway", "limit": 200})
    )
    medway = next(g for g in grants["items"] if g["districts"] == ["medway"])
    world.add("grant_medway", "grant", medway["id"], FD_STAFF | {"csp_medway"}, f"/v1/grants/{medway['id']}")
    scheduled = ok(
        await call(
            "funding",
            "POST",
            f"/v1/grants/{grant['id']}/disbursements",
            "programme_officer",
            json_body={"instalments": 2, "frequency": "quarterly", "first_due_on": "2020-07-01"},
        )
    )
    items = scheduled["items"] if isinstance(scheduled, dict) else scheduled
    disbursement = items[0]["id"]
    world.add("disbursement", "disbursement", disbursement, swale, f"/v1/disbursements/{disbursement}")
    returns = ok(
        await call("funding", "GET", "/v1/monitoring-returns", "programme_officer", params={"grant_id": grant["id"]})
    )["items"]
    assert returns, "an active grant has monitoring returns"
    ok(
        await call(
            "funding",
            "POST",
            f"/v1/monitoring-returns/{returns[0]['id']}/submission",
            "programme_officer",
            json_body={"people_served": 5, "sessions_delivered": 2, "outcomes": "Security test figures."},
        )
    )  # submitted, so its version 1 is there to read
    world.add("return", "monitoring return", returns[0]["id"], swale, f"/v1/monitoring-returns/{returns[0]['id']}")
    allocation = ok(
        await call(
            "funding",
            "POST",
            "/v1/allocations",
            "programme_officer",
            json_body={
                "title": "Security test allocation",
                "budget_line_id": KNIFE_LINE_2020,
                "pot_pence": 300_000,
                "currency": "GBP",
                "basis": "weights",
                "weights": {"swale": 2, "thanet": 1},
            },
        )
    )
    world.add("allocation", "allocation", allocation["id"], swale, f"/v1/allocations/{allocation['id']}")
    world.values |= {
        "budget_line_id": KNIFE_LINE_2020,
        "project_id": sheppey["project_id"],
        "version": "1",
        "organisation_id": sheppey["recipient_organisation_id"],
    }
    return world


def no_requests(world: World) -> dict[tuple[str, str], dict[str, Any]]:
    """Only the unit's staff write here (no writes on another district's or agency's records to try)."""
    return {}


# --------------------------------------------------------------------------------------------------
# etp_inventory


async def guardians_in_identity(s: Services) -> None:
    """The policy's guardians as identity knows them (active, role ``guardian``, their ``sub`` as person id):
    only such a person can be assigned to a site."""
    agency = ok(
        await s.call(
            "identity",
            "POST",
            "/v1/agencies",
            "admin",
            json_body={"code": "security-guardians", "name": "Security guardians (fictional)", "kind": "charity"},
        )
    )
    async with s.apps["identity"].state.sessionmaker() as session, session.begin():
        for name in ("guardian", "guardian_other"):
            sub = PRINCIPALS[name].sub
            session.add(
                Person(
                    id=uuid.UUID(sub),
                    email=f"{name.replace('_', '.')}@security.example.org",
                    display_name=f"Security {name.replace('_', ' ')}",
                    agency_id=uuid.UUID(agency["id"]),
                    roles=["guardian"],
                    districts=[],
                )
            )


async def etp_world(s: Services) -> World:
    world = World("etp_inventory")
    call = s.call
    await guardians_in_identity(s)
    staff = "programme_officer"
    lot = purchase_body("SECURITY-LOT", 6, budget_line_id=KNIFE_LINE_2020)
    ok(await call("etp_inventory", "POST", "/v1/purchases", staff, json_body=lot))
    for district in ("medway", "swale"):
        ok(
            await call(
                "etp_inventory",
                "POST",
                "/v1/movements/allocations",
                staff,
                json_body={"csp": district, "quantity": 3},
            )
        )
    medway = ETP_STAFF | {"csp_medway", "guardian", "service"}
    swale = ETP_STAFF | {"csp_swale", "service"}
    site = ok(
        await call(
            "etp_inventory",
            "POST",
            "/v1/sites",
            "csp_medway",
            json_body=site_body(
                "Security test bus station",
                lock_code=LOCK_CODE,
                contact_phone=CONTACT_PHONE,
                contact_email=CONTACT_EMAIL,
                is_public=True,
            ),
        )
    )
    # A public site's id is open data (the public map and sites.csv name it): not searched for in responses.
    world.add("site_medway", "site", site["id"], medway, f"/v1/sites/{site['id']}", scan=False)
    guardian = PRINCIPALS["guardian"].claims()["sub"]
    ok(
        await call(
            "etp_inventory",
            "PUT",
            f"/v1/sites/{site['id']}/guardians/{guardian}",
            "csp_medway",
            json_body={"name": "Security guardian"},
        )
    )
    deployed = ok(
        await call(
            "etp_inventory",
            "POST",
            "/v1/movements/deployments",
            "csp_medway",
            json_body={"site_id": site["id"], "quantity": 2},
        )
    )
    used, checked = (p["id"] for p in deployed["packs"])
    world.add("pack_used", "pack", used, medway, f"/v1/packs/{used}")
    world.add("pack_medway", "pack", checked, medway, f"/v1/packs/{checked}")
    check = ok(
        await call(
            "etp_inventory",
            "POST",
            "/v1/checks",
            "guardian",
            json_body={"pack_id": checked, "seal_intact": True, "contents_present": True, "expiry_seen": True},
        )
    )
    world.add("check", "check", check["id"], medway)
    report = ok(
        await call(
            "etp_inventory",
            "POST",
            "/v1/use-reports",
            "guardian",
            json_body={
                "pack_id": used,
                "site_id": site["id"],
                "used_at": (datetime.now(UTC) - timedelta(hours=1)).isoformat(),
                "notes": "Security test: tourniquet applied.",
            },
        )
    )
    world.add("use_report", "use report", report["id"], medway, f"/v1/use-reports/{report['id']}")
    world.add("resupply_task", "resupply task", report["resupply_task_id"], medway)

    other = ok(
        await call(
            "etp_inventory",
            "POST",
            "/v1/sites",
            "csp_swale",
            json_body=site_body(
                "Security test Swale depot", district="swale", is_public=False, lock_code="LOCK-SWALE-5521"
            ),
        )
    )
    world.add("site_swale", "site", other["id"], swale, f"/v1/sites/{other['id']}")
    swale_packs = ok(
        await call(
            "etp_inventory",
            "POST",
            "/v1/movements/deployments",
            "csp_swale",
            json_body={"site_id": other["id"], "quantity": 1},
        )
    )
    pack = swale_packs["packs"][0]["id"]
    world.add("pack_swale", "pack", pack, swale, f"/v1/packs/{pack}")
    locations = ok(await call("etp_inventory", "GET", "/v1/locations", staff, params={"limit": 200}))["items"]
    for key in ("medway", "swale"):
        site_id = world.id(f"site_{key}")
        location = next(loc for loc in locations if loc["id"] == site_id)
        site = world.records[f"site_{key}"]
        world.add(f"location_{key}", "location", location["id"], site.visible_to, scan=site.scan)
    world.add("csp_medway_summary", "csp", "medway", ETP_SUMMARIES - {"csp_swale"}, "/v1/csps/medway", scan=False)
    world.values |= {"code": "tourniquet", "subject": guardian}
    return world


def etp_requests(world: World) -> dict[tuple[str, str], dict[str, Any]]:
    far = str(date.today() + timedelta(days=900))
    return {
        ("PATCH", "/v1/sites/{site_id}"): {"access_hours": "Security test hours"},
        ("PUT", "/v1/sites/{site_id}/guardians/{subject}"): {"name": "Security test guardian"},
        ("DELETE", "/v1/sites/{site_id}/guardians/{subject}"): {},
        ("PUT", "/v1/packs/{pack_id}/components/{code}"): {"expires_on": far, "reason": "Security test."},
        ("PATCH", "/v1/csps/{district}"): {"minimum_stock": 9},
    }


#: Each path parameter: the records it takes in the object checks, or None for parameters whose objects are not
#: limited by district, agency or site (reference data, the unit's own records): the route check covers those.
#: A new parameter name fails the suite until it is classified here.
PARAMS: dict[str, dict[str, tuple[str, ...] | None]] = {
    "identity": {"agency_id": None, "person_id": None, "client_uuid": None, "kid": None},
    "referrals": {
        "code": None,
        "incident_id": ("incident_swale", "incident_thanet", "incident_both_thanet"),
        "subject_id": ("subject_swale", "subject_thanet", "subject_both"),
        "other_id": None,
        "review_id": ("review_swale", "review_thanet", "review_both"),
        "referral_id": (
            "referral_shared",
            "referral_draft",
            "referral_forum",
            "referral_thanet",
            "referral_both_thanet",
        ),
        "meeting_id": ("meeting",),
        "action_id": ("action_a", "action_b"),
        "plan_id": ("plan",),
        "intervention_id": ("intervention",),
        "project_id": None,  # the funding service's project a partner agency delivers (admins and analysts link)
    },
    "funding": {
        "code": None,
        "fund_id": None,
        "budget_line_id": None,
        "spend_id": None,
        "organisation_id": None,
        "project_id": None,
        "evaluation_id": None,
        "referral_id": None,
        "grant_id": ("grant_swale", "grant_medway"),
        "disbursement_id": ("disbursement",),
        "return_id": ("return",),
        "version": None,  # a version of the return named by return_id (scoped by it)
        "check_id": None,  # an organisation's due-diligence check: reference data for every reader
        "allocation_id": ("allocation",),
    },
    "etp_inventory": {
        "code": None,
        "purchase_id": None,
        "subject": None,
        "district": ("csp_medway_summary",),
        "location_id": ("location_medway", "location_swale"),
        "site_id": ("site_medway", "site_swale"),
        "pack_id": ("pack_medway", "pack_swale"),
        "report_id": ("use_report",),
    },
    "notifications": {
        "subscription_id": ("subscription_a", "subscription_b"),
        "delivery_id": ("delivery_a",),
        # an administrator's view of anyone's notification preferences: no object-level rule
        "person_id": None,
    },
}

# --------------------------------------------------------------------------------------------------
# notifications


async def notifications_world(s: Services) -> World:
    """A webhook subscription of agency A's (with a delivery queued to it) and one of agency B's: each agency
    manages only its own; the unit's administrator every one."""
    world = World("notifications")
    for name, principal in (("subscription_a", "partner"), ("subscription_b", "partner_other")):
        created = ok(
            await s.call(
                "notifications",
                "POST",
                "/v1/webhook-subscriptions",
                principal,
                json_body={"url": "http://127.0.0.1:9/hooks", "event_types": ["referral.sent"]},
            ),
            201,
        )
        world.add(
            name,
            "webhook subscription",
            created["id"],
            frozenset({principal, "admin"}),
            f"/v1/webhook-subscriptions/{created['id']}",
        )
    record = uuid.uuid4()
    event = {
        "id": str(uuid.uuid4()),
        "type": "referral.sent",
        "occurred_at": datetime.now(UTC).isoformat(),
        "data": {"id": str(record), "status": "sent", "links": {"self": f"/v1/referrals/{record}"}},
        "audience": {"agencies": [str(AGENCY_A)], "staff": False},
    }
    ok(await s.call("notifications", "POST", "/v1/events", "service", json_body={"events": [event]}))
    subscription = world.id("subscription_a")
    [delivery] = ok(
        await s.call("notifications", "GET", f"/v1/webhook-subscriptions/{subscription}/deliveries", "partner")
    )["items"]
    world.add("delivery_a", "webhook delivery", delivery["id"], frozenset({"partner", "admin"}))
    return world


def notifications_requests(world: World) -> dict[tuple[str, str], dict[str, Any]]:
    return {
        ("PATCH", "/v1/webhook-subscriptions/{subscription_id}"): {"description": "Security test"},
        ("DELETE", "/v1/webhook-subscriptions/{subscription_id}"): {},
        ("POST", "/v1/webhook-subscriptions/{subscription_id}/secret"): {},
        ("POST", "/v1/webhook-subscriptions/{subscription_id}/deliveries/redeliver-failed"): {},
        ("POST", "/v1/webhook-subscriptions/{subscription_id}/deliveries/{delivery_id}/redeliver"): {},
    }


WORLDS = {
    "identity": identity_world,
    "referrals": referrals_world,
    "funding": funding_world,
    "etp_inventory": etp_world,
    "notifications": notifications_world,
}
REQUESTS = {
    "identity": no_requests,
    "referrals": referrals_requests,
    "funding": no_requests,
    "etp_inventory": etp_requests,
    "notifications": notifications_requests,
}


@dataclass(frozen=True)
class BodyCase:
    """A write naming another district's, agency's or site's record in its body (not its path)."""

    method: str
    path: str
    principal: str
    body: dict[str, Any]
    #: The statuses the design gives: 404 (not found for them) or 403 (not their district).
    expected: frozenset[int]


def body_cases(world: World) -> list[BodyCase]:
    ids = world.id
    deny = frozenset({404})
    if world.service == "referrals":
        return [
            BodyCase(
                "POST",
                "/v1/referrals",
                "coordinator",
                {
                    "subject_id": ids("subject_thanet"),
                    "review_id": ids("review_thanet"),
                    "forum": MAM,
                    "reason": "Security test: another area's young person.",
                },
                deny,
            ),
            BodyCase(
                "POST",
                "/v1/referrals",
                "coordinator_tc",
                {
                    "subject_id": ids("subject_swale"),
                    "district": "thanet",
                    "forum": "dcsm-thanet",
                    "reason": "Security test: another area's young person.",
                },
                deny,
            ),
            BodyCase(
                "POST",
                "/v1/support-plans",
                "coordinator_tc",
                {"subject_id": ids("subject_swale"), "summary": "Security test plan."},
                deny,
            ),
            BodyCase(
                "POST",
                "/v1/meetings",
                "coordinator",
                {"forum": "dcsm-thanet", "held_at": "2026-11-24T10:00:00Z"},
                frozenset({403}),
            ),
            BodyCase(
                "POST",
                f"/v1/meetings/{ids('meeting')}/decisions",
                "coordinator",
                {"referral_id": ids("referral_thanet"), "decision": "Security test decision.", "actions": []},
                frozenset({404, 409}),
            ),
        ]
    if world.service == "etp_inventory":
        used_at = (datetime.now(UTC) - timedelta(minutes=5)).isoformat()
        check = {"seal_intact": False, "contents_present": False, "expiry_seen": False}
        return [
            BodyCase(
                "POST", "/v1/movements/deployments", "csp_swale", {"site_id": ids("site_medway"), "quantity": 1}, deny
            ),
            BodyCase(
                "POST", "/v1/movements/deployments", "csp_medway", {"site_id": ids("site_swale"), "quantity": 1}, deny
            ),
            BodyCase(
                "POST",
                "/v1/movements/returns",
                "csp_swale",
                {"pack_id": ids("pack_medway"), "reason": "Security test."},
                deny,
            ),
            BodyCase(
                "POST",
                "/v1/movements/write-offs",
                "csp_swale",
                {"pack_id": ids("pack_medway"), "kind": "lost", "reason": "Security test."},
                deny,
            ),
            BodyCase("POST", "/v1/checks", "guardian_other", {"pack_id": ids("pack_medway"), **check}, deny),
            BodyCase("POST", "/v1/checks", "csp_swale", {"pack_id": ids("pack_medway"), **check}, deny),
            BodyCase("POST", "/v1/checks", "guardian", {"pack_id": ids("pack_swale"), **check}, deny),
            BodyCase(
                "POST",
                "/v1/use-reports",
                "guardian_other",
                {"pack_id": ids("pack_medway"), "site_id": ids("site_medway"), "used_at": used_at},
                deny,
            ),
            BodyCase(
                "POST",
                "/v1/use-reports",
                "csp_medway",
                {"pack_id": ids("pack_swale"), "site_id": ids("site_swale"), "used_at": used_at},
                deny,
            ),
            BodyCase(
                "POST",
                "/v1/sites",
                "csp_swale",
                site_body("Security test site in another district", district="medway"),
                frozenset({403}),
            ),
        ]
    return []


def path_values(op: Operation, world: World) -> dict[str, str]:
    """Values for ``op``'s path parameters: the first record each takes, else a reference value or a new id."""
    values: dict[str, str] = {}
    for name in op.path_params:
        records = PARAMS[op.service].get(name)
        if records:
            values[name] = world.records[records[0]].id
        else:
            values[name] = world.values.get(f"{op.path}:{name}", world.values.get(name, str(uuid.uuid4())))
    return values


#: Values for required query parameters, by name (a sample from the schema when not listed).
QUERY_VALUES: dict[str, Any] = {
    "district": "swale",
    "latitude": 51.38,
    "longitude": 0.52,
    "crime_reference": "46/990001/26",
    "within_days": 30,
    "email": "guardian@security.example.org",
}


def required_query(op: Operation) -> dict[str, Any]:
    """Values for ``op``'s required query parameters."""
    values: dict[str, Any] = {}
    for param in op.parameters("query"):
        if param.get("required"):
            values[param["name"]] = QUERY_VALUES.get(
                param["name"], sample(op.document, param["schema"], random.Random(0))
            )
    return values
