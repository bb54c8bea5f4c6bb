"""What each role finds on the start page and in the navigation. A link is shown only where the API would let
the person in (the API decides; this only avoids offering what it would refuse)."""

from __future__ import annotations

from dataclasses import dataclass

from web.session.service import SignedIn


@dataclass(frozen=True)
class Section:
    title: str
    href: str
    description: str
    roles: frozenset[str]


SECTIONS = (
    Section(
        "Crime reports",
        "/imports",
        "Upload the day's crime-report file and see what it created.",
        frozenset({"analyst"}),
    ),
    Section(
        "Possible duplicates",
        "/duplicates",
        "Young people who may be recorded twice: confirm or split.",
        frozenset({"analyst"}),
    ),
    Section(
        "Reviews",
        "/reviews",
        "The review queue: overdue first, by district and stage.",
        frozenset({"analyst", "coordinator", "director"}),
    ),
    Section(
        "Young people",
        "/young-people",
        "Find a young person by name, date of birth, police id or crime reference.",
        frozenset({"analyst", "coordinator", "director"}),
    ),
    Section(
        "Referrals",
        "/referrals",
        "Referrals: drafting and sending, and for partner agencies, the inbox: accept, reject, record the outcome.",
        frozenset({"partner_agency", "coordinator", "analyst", "director"}),
    ),
    Section(
        "Meetings and actions",
        "/meetings",
        "Forum agendas, decisions, actions and what is overdue.",
        frozenset({"coordinator", "analyst", "director", "partner_agency"}),
    ),
    Section(
        "Funding",
        "/funding",
        "Funds, budget lines, grants and approvals, allocations, disbursements, the 360Giving export.",
        frozenset({"programme_officer", "director"}),
    ),
    Section(
        "Trauma packs",
        "/packs",
        "Packs, sites and alerts; guardians' checks.",
        frozenset({"csp_officer", "guardian", "programme_officer"}),
    ),
    Section(
        "Audit log",
        "/audit",
        "Who did what with personal data; verify the log; subject-access exports.",
        frozenset({"auditor"}),
    ),
)


def sections_for(person: SignedIn) -> list[Section]:
    return [s for s in SECTIONS if not s.roles.isdisjoint(person.roles)]
