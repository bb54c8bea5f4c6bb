"""Journey 7, the auditor (the data protection officer), in a real browser: the audit log with its filters,
verifying the chain, the CSV export, and a young person's subject-access export."""

from __future__ import annotations

import random
import re
import string
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
from playwright.sync_api import expect
from web.formats import uk_datetime
from web.rendering import environment

from tests.conftest import auth, password_token
from tests.web.conftest import Web


def a_young_person(gateway: httpx.Client) -> tuple[str, str, str]:
    """A young person of this test's own, imported by the analyst and read once on their page: (id, name, crime
    reference)."""
    token = password_token(gateway, "analyst@example.org")
    family = "Audit" + "".join(random.choices(string.ascii_lowercase, k=8))
    reference = "46/" + "".join(random.choices(string.digits, k=7)) + "/26"
    when = (datetime.now(UTC) - timedelta(days=2)).replace(microsecond=0).isoformat()
    report = {
        "crime_reference": reference,
        "occurred_at": when,
        "district": "swale",
        "category": "robbery",
        "weapon_knife": True,
        "location": "Sittingbourne",
        "people": [{"role": "victim", "given_name": "Noor", "family_name": family, "date_of_birth": "2010-03-14"}],
    }
    imported = gateway.post("/v1/imports/incidents", json={"reports": [report]}, headers=auth(token))
    assert imported.status_code == 200, imported.text
    assert imported.json()["created"] == 1, imported.text
    (incident,) = gateway.get("/v1/incidents", params={"crime_reference": reference}, headers=auth(token)).json()[
        "items"
    ]
    people = gateway.get(f"/v1/incidents/{incident['id']}", headers=auth(token)).json()["people"]
    subject_id = str(people[0]["subject_id"])
    assert gateway.get(f"/v1/subjects/{subject_id}", headers=auth(token)).status_code == 200
    return subject_id, f"Noor {family}", reference


def test_the_auditor_reads_filters_verifies_and_exports_the_log(
    web: Web, gateway: httpx.Client, tmp_path: Path
) -> None:
    subject_id, _, reference = a_young_person(gateway)
    page = web.sign_in("auditor@example.org")
    page.get_by_role("link", name="Audit log").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Audit log")
    expect(page.get_by_role("table", name=re.compile("^Audit log entries"))).to_be_visible()
    web.accessible("audit-log")

    # Who touched this young person's record: the import created it, the analyst read their page.
    page.get_by_label("Record id").fill(subject_id)
    page.get_by_role("button", name="Apply filters").click()
    entries = page.get_by_role("table", name=re.compile("^Audit log entries"))
    expect(entries.get_by_role("row").filter(has_text="young person's page")).to_have_count(1)
    expect(entries.get_by_role("row").filter(has_text="incident intake")).not_to_have_count(0)
    read = entries.get_by_role("row").filter(has_text="young person's page")
    expect(read).to_contain_text("Read")
    expect(read).to_contain_text("analyst")
    expect(read).to_contain_text("Kent & Medway Violence Reduction Unit")  # the actor's agency, by name

    # Narrower: only reads, of young people, from today; then by who did it (the analyst's id, from the entry).
    page.get_by_label("Action").select_option("read")
    page.get_by_label("Kind of record").select_option("subject")
    today = datetime.now(UTC).astimezone()
    from_group = page.get_by_role("group", name="From")
    from_group.get_by_label("Day").fill(str(today.day))
    from_group.get_by_label("Month").fill(str(today.month))
    from_group.get_by_label("Year").fill(str(today.year))
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"action=read"))
    rows = entries.get_by_role("row")
    expect(rows).to_have_count(2)  # the header and the one read
    read.get_by_role("link").first.click()  # the actor: every entry of the analyst
    expect(page).to_have_url(re.compile(r"actor="))
    expect(page.get_by_label("Who (their id)")).not_to_have_value("")
    expect(entries.get_by_role("row").filter(has_text="analyst")).not_to_have_count(0)
    expect(entries.get_by_role("row").filter(has_text="auditor")).to_have_count(0)

    # A date that is not a date is said so, by the field.
    web.go("/audit")
    to_group = page.get_by_role("group", name="To (including that day)")
    to_group.get_by_label("Day").fill("31")
    to_group.get_by_label("Month").fill("2")
    to_group.get_by_label("Year").fill("2026")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_role("alert")).to_contain_text("The end date must be a real date")
    expect(page).to_have_title(re.compile(r"^Error: "))
    web.accessible("audit-log-error")

    # Verify the chain.
    web.go("/audit")
    page.get_by_role("link", name="Check that the log has not been changed").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("The audit log is intact")
    expect(page.get_by_text("Entries checked")).to_be_visible()
    web.accessible("audit-verify")

    # The CSV export, downloaded through the front end with the auditor's own token.
    web.go("/audit")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the log as CSV").click()
    saved = tmp_path / "audit-log.csv"
    download.value.save_as(saved)
    assert download.value.suggested_filename == "audit-log.csv"
    lines = saved.read_text().splitlines()
    assert lines[0].startswith("id,occurred_at,actor_subject,actor_name,actor_kind")
    assert any(subject_id in line and "young person's page" in line for line in lines)
    assert reference not in saved.read_text()  # ids and purposes, never the crime report itself


def test_the_auditor_sees_everything_held_about_a_young_person(web: Web, gateway: httpx.Client) -> None:
    subject_id, name, reference = a_young_person(gateway)
    page = web.sign_in("auditor@example.org", then="/audit")
    page.get_by_role("link", name="Subject-access export for a young person").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Subject-access export")
    web.accessible("audit-subject-access-form")

    page.get_by_label("Young person's record id").fill("not-an-id")
    page.get_by_role("button", name="Show everything held").click()
    expect(page.get_by_role("alert")).to_contain_text("Enter the record id in the right format")
    web.accessible()
    page.get_by_label("Young person's record id").fill("3d2c1b0a-9f8e-4d7c-b6a5-948372615a0b")
    page.get_by_role("button", name="Show everything held").click()
    expect(page.get_by_role("alert")).to_contain_text("There is no young person with this record id")

    page.get_by_label("Young person's record id").fill(subject_id)
    page.get_by_role("button", name="Show everything held").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Everything held about {name}")
    expect(page.get_by_text("14 March 2010", exact=True)).to_be_visible()
    incidents = page.get_by_role("table", name="Incidents, as the police reported them")
    expect(incidents).to_contain_text(reference)
    expect(incidents).to_contain_text("Robbery (knife)")
    expect(page.get_by_role("heading", name=re.compile("^Review opened"))).to_have_count(1)
    audit = page.get_by_role("table", name="Audit log entries about these records")
    expect(audit.get_by_role("row").filter(has_text="young person's page")).to_have_count(1)
    expect(page.get_by_role("button", name="Print this page")).to_be_visible()
    web.accessible("audit-subject-access")
    page.emulate_media(media="print")  # printed: the content, without the service's frame or the button
    expect(page.get_by_role("navigation", name="Sections")).to_be_hidden()
    expect(page.get_by_role("button", name="Print this page")).to_be_hidden()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    page.emulate_media(media="screen")

    # From the log, the same page: each young person's entry links to everything held about them.
    web.go(f"/audit?record_id={subject_id}")
    page.get_by_role("link", name=f"everything held about {subject_id}").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Everything held about {name}")
    # The export was itself recorded: the log shows it.
    web.go(f"/audit?record_id={subject_id}&action=export")
    expect(page.get_by_role("table", name=re.compile("^Audit log entries")).get_by_role("row")).not_to_have_count(1)


def test_the_log_pages_through_older_entries(web: Web, gateway: httpx.Client) -> None:
    subject_id, _, _ = a_young_person(gateway)
    token = password_token(gateway, "analyst@example.org")
    for _ in range(54):  # 1 creation and 55 reads of this young person: two pages of 50
        assert gateway.get(f"/v1/subjects/{subject_id}", headers=auth(token)).status_code == 200
    page = web.sign_in("auditor@example.org", then=f"/audit?record_id={subject_id}")
    entries = page.get_by_role("table", name=re.compile("^Audit log entries"))
    expect(entries.get_by_role("row")).to_have_count(51)
    expect(page.get_by_role("link", name="Newest entries")).to_have_count(0)
    page.get_by_role("link", name="Older entries").click()
    expect(page).to_have_url(re.compile(r"record_id=.*&cursor="))
    expect(entries.get_by_role("row")).to_have_count(7)
    expect(entries.get_by_role("row").last).to_contain_text("incident intake")  # the oldest: its creation
    expect(page.get_by_role("link", name="Older entries")).to_have_count(0)
    web.accessible("audit-log-older")
    page.get_by_role("link", name="Newest entries").click()
    expect(entries.get_by_role("row")).to_have_count(51)


def test_a_broken_chain_is_shown_as_broken_with_each_break() -> None:
    """The verify page when the API reports breaks (a chain cannot be broken from a browser test)."""
    html = environment.get_template("audit/verify.html").render(
        person=None,
        path="/audit/verify",
        idle_minutes=30,
        result={
            "intact": False,
            "checked": 1042,
            "unsealed": 0,
            "anchored_position": 1040,
            "anchored_at": "2026-12-03T10:15:00Z",
            "breaks": [
                {"position": 17, "entry_id": 17, "reason": "entry changed after sealing"},
                {"position": None, "entry_id": None, "reason": "the chain ends before the anchored checkpoint"},
            ],
        },
    )
    assert '<h1 class="govuk-heading-l">The audit log is broken</h1>' in html
    assert "Breaks found (the first 2)" in html
    assert "entry changed after sealing" in html
    assert "the chain ends before the anchored checkpoint" in html
    assert "govuk-tag--red" in html
    assert f"entry 1040, written {uk_datetime('2026-12-03T10:15:00Z', seconds=True)}" in html
    assert "written 3 December 2026 at 10:15:00am" in html  # UK time: GMT in December
