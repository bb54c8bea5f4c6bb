"""newsletter seed: funding streams, the Home Office VRU fund and its budget lines for 2019/20 and 2020/21,
organisations (the 13 district councils hosting the Community Safety Units, and the funded organisations),
and the projects named in the autumn 2020 newsletter with one grant each.

The newsletter names projects but gives no amounts and no register numbers: every amount, budget and
org-id identifier here is MADE UP and the rows are marked ``illustrative``.

Revision ID: 284e76ce53ce
Revises: c283291f9434
Create Date: 2026-11-21 20:15:26.139571+00:00
"""

import uuid
from collections.abc import Sequence
from datetime import date

import sqlalchemy as sa
from alembic import op

revision: str = "284e76ce53ce"
down_revision: str | None = "c283291f9434"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The same namespace as the financial years: ids are uuid5("<kind>:<code>") in every environment.
NAMESPACE = uuid.UUID("3b8e6f0a-9c4d-4e2b-8a71-5f0d2c6e9b13")
SEED = "seed:newsletter-autumn-2020"
NOTE = "Illustrative record seeded from the VRU's autumn 2020 newsletter; the amount is made up."


def stable_id(kind: str, code: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, f"{kind}:{code}")


STREAMS = {
    "vulnerable-childrens-charities": (
        "Vulnerable Children's Charities fund",
        "Diversionary activities offered to communities through local charities: sport, practical skills, "
        "emotional and wellbeing support.",
    ),
    "ace": ("Adverse Childhood Experiences (ACE) awareness", "ACE Ambassador schemes and an ACE-informed workforce."),
    "schools": ("Schools", "Work with schools to enhance pupils' self-esteem and bring schools and parents together."),
    "prisons-custody": ("Prisons and police custody", "Support for those in prisons and police custody."),
    "youth-justice": ("Youth justice", "Youth justice services and first-aid training for young people."),
    "knife-awareness": (
        "Knife Awareness Campaign",
        "Community Safety Units' knife-awareness work; allocation by the number of knife incidents per area.",
    ),
    "equipment": (
        "Equipment",
        "Rapid deployment CCTV, emergency trauma packs, tags for Integrated Offender Management.",
    ),
}

FUND = "home-office-vru-grant"

#: (year, stream): budget in pounds (MADE UP).
BUDGET_LINES = {
    ("2019-20", "equipment"): 150_000,
    ("2020-21", "vulnerable-childrens-charities"): 250_000,
    ("2020-21", "ace"): 60_000,
    ("2020-21", "schools"): 60_000,
    ("2020-21", "prisons-custody"): 120_000,
    ("2020-21", "youth-justice"): 40_000,
    ("2020-21", "knife-awareness"): 150_000,
    ("2020-21", "equipment"): 50_000,
}

DISTRICT_COUNCILS = {
    "ashford": ("GB-LAE-ASH", "Ashford Borough Council"),
    "canterbury": ("GB-LAE-CAN", "Canterbury City Council"),
    "dartford": ("GB-LAE-DAR", "Dartford Borough Council"),
    "dover": ("GB-LAE-DOV", "Dover District Council"),
    "folkestone-hythe": ("GB-LAE-FOL", "Folkestone & Hythe District Council"),
    "gravesham": ("GB-LAE-GRA", "Gravesham Borough Council"),
    "maidstone": ("GB-LAE-MAI", "Maidstone Borough Council"),
    "medway": ("GB-LAE-MDW", "Medway Council"),
    "sevenoaks": ("GB-LAE-SEV", "Sevenoaks District Council"),
    "swale": ("GB-LAE-SWL", "Swale Borough Council"),
    "thanet": ("GB-LAE-THA", "Thanet District Council"),
    "tonbridge-malling": ("GB-LAE-TON", "Tonbridge and Malling Borough Council"),
    "tunbridge-wells": ("GB-LAE-TUN", "Tunbridge Wells Borough Council"),
}

#: key: (org-id — MADE UP, name, kind)
ORGANISATIONS = {
    "kent-county-council": ("GB-LAE-KEN", "Kent County Council", "council"),
    "kent-police": ("GB-GOR-PF0045", "Kent Police", "police"),
    "box-it-out": ("GB-COH-90000001", "Box It Out CIC", "cic"),
    "sateda": ("GB-CHC-9000002", "SATEDA", "charity"),
    "sheppey-matters": ("GB-CHC-9000003", "Sheppey Matters", "charity"),
    "olympia-boxing": ("GB-COH-90000004", "Olympia Boxing Club CIC", "cic"),
    "brogdale-cic": ("GB-COH-90000005", "Brogdale CIC", "cic"),
    "sanctuary-housing": ("GB-COH-90000006", "Sanctuary Housing", "housing"),
    "changing-minds": ("GB-CHC-9000007", "Changing Minds", "charity"),
    "young-lives-foundation": ("GB-CHC-9000008", "Young Lives Foundation", "charity"),
    "street-soccer": ("GB-COH-90000009", "StreetSoccer CIC", "cic"),
    "forward-trust": ("GB-CHC-9000010", "The Forward Trust", "charity"),
    "refocus": ("GB-COH-90000011", "Refocus CIC", "cic"),
    "switch-cafe": ("GB-CHC-9000012", "Switch Café", "charity"),
    "kenward-trust": ("GB-CHC-9000013", "Kenward Trust", "charity"),
    "my-place": ("GB-CHC-9000014", "My Place", "charity"),
    "st-giles-trust": ("GB-CHC-9000015", "St Giles Trust", "charity"),
    "the-shed": ("GB-CHC-9000016", "The Shed", "charity"),
    "smart-project": ("GB-CHC-9000017", "The SMART Project", "charity"),
    "primal-roots": ("GB-COH-90000018", "Primal Roots CIC", "cic"),
}

NORTH = ["dartford", "gravesham", "medway", "swale"]
EAST = ["canterbury", "thanet"]
WEST = ["maidstone", "sevenoaks", "tonbridge-malling", "tunbridge-wells"]
SOUTH = ["ashford", "dover", "folkestone-hythe"]
ALL = sorted(DISTRICT_COUNCILS)

#: code: (year, name, lead organisation key or district council, area, districts, stream, grant in pounds — MADE UP)
PROJECTS: dict[str, tuple[str, str, str, str, list[str], str, int | None]] = {
    # 2019/20: equipment named in "Who and what do we fund?"
    "rapid-deployment-cctv": (
        "2019-20",
        "Rapid deployment CCTV for Community Safety Units",
        "kent-county-council",
        "countywide",
        ALL,
        "equipment",
        60_000,
    ),
    "emergency-trauma-packs": (
        "2019-20",
        "Emergency trauma packs for communities",
        "kent-police",
        "countywide",
        ALL,
        "equipment",
        25_000,
    ),
    "buddi-tags-iom": (
        "2019-20",
        "Buddi tags for Integrated Offender Management",
        "kent-police",
        "countywide",
        ALL,
        "equipment",
        30_000,
    ),
    # 2020/21: "Your VRU is funding, or supporting the PCC to fund…"
    "box-it-out": (
        "2020-21",
        "Box It Out",
        "box-it-out",
        "north-kent",
        ["medway"],
        "vulnerable-childrens-charities",
        15_000,
    ),
    "sateda": ("2020-21", "SATEDA", "sateda", "north-kent", ["swale"], "vulnerable-childrens-charities", 18_000),
    "sheppey-matters": (
        "2020-21",
        "Sheppey Matters",
        "sheppey-matters",
        "north-kent",
        ["swale"],
        "vulnerable-childrens-charities",
        12_000,
    ),
    "olympia-boxing": (
        "2020-21",
        "Olympia Boxing",
        "olympia-boxing",
        "north-kent",
        ["swale"],
        "vulnerable-childrens-charities",
        9_500,
    ),
    "brogdale-cic": (
        "2020-21",
        "Brogdale CIC",
        "brogdale-cic",
        "north-kent",
        ["swale"],
        "vulnerable-childrens-charities",
        11_000,
    ),
    "sanctuary-housing-ace": (
        "2020-21",
        "Sanctuary Housing ACE Awareness",
        "sanctuary-housing",
        "north-kent",
        NORTH,
        "ace",
        20_000,
    ),
    "medway-youth-justice": (
        "2020-21",
        "Medway Youth Justice",
        "medway",
        "north-kent",
        ["medway"],
        "youth-justice",
        25_000,
    ),
    "sittingbourne-street-games": (
        "2020-21",
        "Sittingbourne Street Games",
        "swale",
        "north-kent",
        ["swale"],
        "vulnerable-childrens-charities",
        8_000,
    ),
    "changing-minds": (
        "2020-21",
        "Changing Minds",
        "changing-minds",
        "east-kent",
        EAST,
        "vulnerable-childrens-charities",
        14_000,
    ),
    "young-lives-foundation": (
        "2020-21",
        "Young Lives Foundation",
        "young-lives-foundation",
        "east-kent",
        EAST,
        "vulnerable-childrens-charities",
        16_500,
    ),
    "canterbury-csu-protect-your-child": (
        "2020-21",
        "Canterbury CSU Protect Your Child",
        "canterbury",
        "east-kent",
        ["canterbury"],
        "schools",
        7_500,
    ),
    "street-soccer": (
        "2020-21",
        "StreetSoccer",
        "street-soccer",
        "countywide",
        ALL,
        "vulnerable-childrens-charities",
        22_000,
    ),
    "youth-resilience": ("2020-21", "Youth Resilience", "kent-county-council", "countywide", ALL, "schools", 30_000),
    "forward-trust-prisons": (
        "2020-21",
        "Forward Trust prisons project",
        "forward-trust",
        "countywide",
        ALL,
        "prisons-custody",
        35_000,
    ),
    "refocus": ("2020-21", "Refocus", "refocus", "countywide", ALL, "vulnerable-childrens-charities", 13_000),
    "switch-cafe": (
        "2020-21",
        "Switch Café",
        "switch-cafe",
        "west-kent",
        ["tonbridge-malling"],
        "vulnerable-childrens-charities",
        12_500,
    ),
    "tonbridge-csp-ace": (
        "2020-21",
        "Tonbridge CSP ACE Awareness",
        "tonbridge-malling",
        "west-kent",
        ["tonbridge-malling"],
        "ace",
        10_000,
    ),
    "kenward-trust": (
        "2020-21",
        "Kenward Trust",
        "kenward-trust",
        "west-kent",
        ["maidstone"],
        "vulnerable-childrens-charities",
        17_000,
    ),
    "my-place": ("2020-21", "My Place", "my-place", "west-kent", WEST, "vulnerable-childrens-charities", 10_500),
    "st-giles-police-custody": (
        "2020-21",
        "St Giles' Trust Police Custody service",
        "st-giles-trust",
        "countywide",
        ALL,
        "prisons-custody",
        40_000,
    ),
    "integrated-offender-management": (
        "2020-21",
        "Integrated Offender Management",
        "kent-police",
        "countywide",
        ALL,
        "prisons-custody",
        28_000,
    ),
    "youth-justice-first-aid": (
        "2020-21",
        "Youth Justice 1st Aid",
        "kent-county-council",
        "countywide",
        ALL,
        "youth-justice",
        6_000,
    ),
    "the-shed": ("2020-21", "The Shed", "the-shed", "south-kent", SOUTH, "vulnerable-childrens-charities", 9_000),
    "dover-beechange-ace": (
        "2020-21",
        "Dover BeeChange ACE Awareness",
        "dover",
        "south-kent",
        ["dover"],
        "ace",
        10_000,
    ),
    "smart-project": (
        "2020-21",
        "The SMART project",
        "smart-project",
        "south-kent",
        ["folkestone-hythe"],
        "vulnerable-childrens-charities",
        14_500,
    ),
    "target-engagement": ("2020-21", "Target Engagement", "kent-police", "south-kent", SOUTH, "schools", 12_000),
    "primal-roots": (
        "2020-21",
        "Primal Roots",
        "primal-roots",
        "south-kent",
        ["dover"],
        "vulnerable-childrens-charities",
        8_500,
    ),
    "ashford-ace-awareness": ("2020-21", "Ashford ACE awareness", "ashford", "south-kent", ["ashford"], "ace", 10_000),
    # The knife-awareness campaign: its grants to the CSUs come from a formula allocation, not seeded.
    "knife-awareness-campaign": (
        "2020-21",
        "Knife Awareness Campaign (Community Safety Units)",
        "kent-police",
        "countywide",
        ALL,
        "knife-awareness",
        None,
    ),
}

#: Per year: (project status, grant status, award date, planned start, planned end).
YEARS = {
    "2019-20": ("completed", "completed", date(2019, 11, 15), date(2019, 12, 1), date(2020, 3, 31)),
    "2020-21": ("active", "active", date(2020, 6, 1), date(2020, 7, 1), date(2021, 3, 31)),
}


def _table(name: str, *columns: str) -> sa.TableClause:
    return sa.table(name, *(sa.column(c) for c in columns), schema="funding")


def organisation_id(key: str) -> uuid.UUID:
    return stable_id("organisation", key)


def upgrade() -> None:
    streams = _table("funding_streams", "id", "code", "name", "description")
    op.bulk_insert(
        streams,
        [{"id": stable_id("stream", c), "code": c, "name": n, "description": d} for c, (n, d) in STREAMS.items()],
    )
    funds = _table("funds", "id", "code", "name", "source", "description")
    op.bulk_insert(
        funds,
        [
            {
                "id": stable_id("fund", FUND),
                "code": FUND,
                "name": "Home Office Violence Reduction Unit grant",
                "source": "Home Office, awarded to the Police and Crime Commissioner for Kent",
                "description": "The money that created the unit in September 2019 and funds its projects.",
            }
        ],
    )
    lines = _table(
        "budget_lines",
        "id",
        "fund_id",
        "financial_year_id",
        "stream_id",
        "code",
        "name",
        "amount_pence",
        "currency",
        "illustrative",
        "version",
    )
    op.bulk_insert(
        lines,
        [
            {
                "id": stable_id("budget-line", f"{year}:{stream}"),
                "fund_id": stable_id("fund", FUND),
                "financial_year_id": stable_id("financial-year", year),
                "stream_id": stable_id("stream", stream),
                "code": stream,
                "name": f"{STREAMS[stream][0]} {year.replace('-', '/')}",
                "amount_pence": pounds * 100,
                "currency": "GBP",
                "illustrative": True,
                "version": 1,
            }
            for (year, stream), pounds in BUDGET_LINES.items()
        ],
    )
    organisations = _table("organisations", "id", "org_id", "name", "kind", "district", "csu", "illustrative")
    rows = [
        {
            "id": organisation_id(district),
            "org_id": org_id,
            "name": name,
            "kind": "council",
            "district": district,
            "csu": True,
            "illustrative": True,
        }
        for district, (org_id, name) in DISTRICT_COUNCILS.items()
    ]
    rows += [
        {
            "id": organisation_id(key),
            "org_id": org_id,
            "name": name,
            "kind": kind,
            "district": None,
            "csu": False,
            "illustrative": True,
        }
        for key, (org_id, name, kind) in ORGANISATIONS.items()
    ]
    op.bulk_insert(organisations, rows)
    projects = _table(
        "projects",
        "id",
        "code",
        "name",
        "description",
        "lead_organisation_id",
        "area",
        "districts",
        "stream_id",
        "financial_year_id",
        "status",
        "illustrative",
    )
    grants = _table(
        "grants",
        "id",
        "title",
        "description",
        "recipient_organisation_id",
        "project_id",
        "budget_line_id",
        "districts",
        "status",
        "currency",
        "amount_applied_pence",
        "amount_recommended_pence",
        "amount_awarded_pence",
        "planned_start_on",
        "planned_end_on",
        "award_date",
        "regrant",
        "created_by",
        "submitted_by",
        "decided_by",
        "illustrative",
        "version",
    )
    project_rows, grant_rows = [], []
    for code, (year, name, lead, area, districts, stream, pounds) in PROJECTS.items():
        project_status, grant_status, awarded_on, starts, ends = YEARS[year]
        project_rows.append(
            {
                "id": stable_id("project", code),
                "code": code,
                "name": name,
                "description": f"{name}: {STREAMS[stream][0]}. {NOTE}",
                "lead_organisation_id": organisation_id(lead),
                "area": area,
                "districts": districts,
                "stream_id": stable_id("stream", stream),
                "financial_year_id": stable_id("financial-year", year),
                "status": project_status,
                "illustrative": True,
            }
        )
        if pounds is None:
            continue
        grant_rows.append(
            {
                "id": stable_id("grant", code),
                "title": f"{name} {year.replace('-', '/')}",
                "description": f"{STREAMS[stream][1]} {NOTE}",
                "recipient_organisation_id": organisation_id(lead),
                "project_id": stable_id("project", code),
                "budget_line_id": stable_id("budget-line", f"{year}:{stream}"),
                "districts": districts,
                "status": grant_status,
                "currency": "GBP",
                "amount_applied_pence": pounds * 100,
                "amount_recommended_pence": pounds * 100,
                "amount_awarded_pence": pounds * 100,
                "planned_start_on": starts,
                "planned_end_on": ends,
                "award_date": awarded_on,
                "regrant": False,
                "created_by": SEED,
                "submitted_by": SEED,
                "decided_by": SEED,
                "illustrative": True,
                "version": 1,
            }
        )
    op.bulk_insert(projects, project_rows)
    op.bulk_insert(grants, grant_rows)


def _delete(table: str, ids: list[uuid.UUID]) -> None:
    op.get_bind().execute(
        sa.text(f"DELETE FROM funding.{table} WHERE id = ANY(:ids)"),  # noqa: S608 - table names are constants
        {"ids": ids},
    )


def downgrade() -> None:
    _delete("grants", [stable_id("grant", code) for code, p in PROJECTS.items() if p[6] is not None])
    _delete("projects", [stable_id("project", code) for code in PROJECTS])
    _delete("organisations", [organisation_id(k) for k in [*DISTRICT_COUNCILS, *ORGANISATIONS]])
    _delete("budget_lines", [stable_id("budget-line", f"{y}:{s}") for y, s in BUDGET_LINES])
    _delete("funds", [stable_id("fund", FUND)])
    _delete("funding_streams", [stable_id("stream", c) for c in STREAMS])
