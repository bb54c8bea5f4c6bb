"""Journey 1, the analyst, in a real browser: uploading the day's crime-report CSV and seeing what it did,
then working the possible-duplicates queue (split one pair, merge another)."""

from __future__ import annotations

import random
import re
import string
from datetime import UTC, datetime, timedelta

import httpx
from playwright.sync_api import FilePayload, Locator, Page, expect

from tests.conftest import auth, password_token
from tests.web.conftest import Web

HEADER = (
    "crime_reference,occurred_at,district,category,weapon_knife,weapon_firearm,location,role,police_person_id,"
    "given_name,family_name,date_of_birth,age,home_district"
)


def unique_name() -> str:
    """A family name no other test (nor the matcher's near-miss rules) will meet: letters only."""
    return "Brow" + "".join(random.choices(string.ascii_lowercase, k=8))


def day_file(tag: str, first: str, second: str) -> bytes:
    """Four reports of yesterday: three valid (two near-miss pairs of young people among them) and one with an
    unknown district."""
    when = (datetime.now(UTC) - timedelta(days=1)).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    rows = [
        f'46/{tag}1/26,{when},swale,robbery,true,false,"High St, Sittingbourne",victim,,Kai,{first},2009-05-01,,swale',
        f"46/{tag}2/26,{when},medway,violence-with-injury,false,false,Chatham,victim,,Kay,{first},2009-05-01,,medway",
        f"46/{tag}2/26,{when},medway,violence-with-injury,false,false,Chatham,suspect,,Rio,{second},2008-02-02,,medway",
        f"46/{tag}3/26,{when},swale,robbery,false,false,Sheerness,victim,,Rio,{second},2008-02-03,,swale",
        f"46/{tag}4/26,{when},sheppey,robbery,false,false,Minster,victim,,Ada,{first},2009-06-01,,swale",
    ]
    return ("\n".join([HEADER, *rows]) + "\n").encode()


def csv_file(name: str, content: bytes) -> FilePayload:
    return {"name": name, "mimeType": "text/csv", "buffer": content}


def queue_row(web: Web, family_name: str, given_name: str) -> Locator:
    """The queue's row for this young person, following "Next" through the pages until it appears."""
    page = web.page
    while True:
        row = page.get_by_role("row").filter(has_text=f"{given_name} {family_name}")
        if row.count():
            return row.first
        following = page.get_by_role("link", name=re.compile("Next"))
        assert following.count(), f"{given_name} {family_name} is not in the queue"
        following.click()


def in_the_queue(page: Page, family_name: str) -> bool:
    return page.get_by_role("row").filter(has_text=family_name).count() > 0


def test_the_analyst_imports_the_days_file_and_works_the_possible_duplicates(web: Web) -> None:
    tag = "".join(random.choices(string.digits, k=6))
    first, second = unique_name(), unique_name()
    content = day_file(tag, first, second)
    page = web.sign_in("analyst@example.org")
    page.get_by_role("link", name="Crime reports").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Upload the day's crime reports")
    web.accessible("imports-upload")

    # No file chosen: the form says so.
    page.get_by_role("button", name="Upload and import").click()
    expect(page.get_by_role("alert")).to_contain_text("Select the crime-report CSV file")
    expect(page).to_have_title(re.compile(r"^Error: "))
    web.accessible("imports-upload-error")

    # A file the API cannot read at all: nothing imported, the reason on the form.
    page.get_by_label("Crime-report CSV file").set_input_files(
        files=csv_file("wrong.csv", b"crime_reference,when\n46/1/26,yesterday\n")
    )
    page.get_by_role("button", name="Upload and import").click()
    expect(page.get_by_role("alert")).to_contain_text("The file could not be read: The header row is not valid")
    expect(page.get_by_role("link", name=re.compile("The header row is not valid"))).to_have_attribute("href", "#file")

    page.get_by_label("Crime-report CSV file").set_input_files(files=csv_file(f"reports-{tag}.csv", content))
    page.get_by_role("button", name="Upload and import").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Import result")
    expect(page.get_by_role("region", name="Important")).to_contain_text("1 report was rejected")
    summary = page.locator(".govuk-summary-list")
    for key, value in (
        ("Reports received", "4"),
        ("New incidents", "3"),
        ("Incidents updated", "0"),
        ("Screened in (in a Serious Violence Review)", "3"),
        ("Rejected", "1"),
    ):
        row = summary.locator(".govuk-summary-list__row").filter(has=page.get_by_text(key, exact=True))
        expect(row.locator(".govuk-summary-list__value")).to_have_text(value)
    rejected = page.get_by_role("table", name="Rejected rows")
    expect(rejected.get_by_role("row").nth(1)).to_contain_text(f"46/{tag}4/26")
    expect(rejected).to_contain_text("sheppey")
    web.accessible("imports-result")

    # The same file again: nothing new, nothing duplicated.
    page.get_by_role("link", name="Upload another file").click()
    page.get_by_label("Crime-report CSV file").set_input_files(files=csv_file("again.csv", content))
    page.get_by_role("button", name="Upload and import").click()
    expect(page.get_by_text("File: again.csv")).to_be_visible()
    already = page.locator(".govuk-summary-list__row").filter(has=page.get_by_text("Already held, unchanged"))
    expect(already.locator(".govuk-summary-list__value")).to_have_text("3")

    # The possible duplicates: Kay (newer) may be Kai; Rio born a day later may be Rio.
    page.get_by_role("link", name="Check the possible duplicates").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Possible duplicates")
    row = queue_row(web, first, "Kay")
    expect(row).to_contain_text(f"Kai {first}")
    expect(row).to_contain_text("same date of birth, similar name")
    web.accessible("duplicates-queue")

    row.get_by_role("link", name=f"Compare and decide for Kay {first}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Are these the same young person?")
    expect(page.get_by_role("table", name=f"Incidents of Kay {first}")).to_contain_text(f"46/{tag}2/26")
    expect(page.get_by_role("table", name=f"Incidents of Kai {first}")).to_contain_text(f"46/{tag}1/26")
    web.accessible("duplicates-compare")
    page.get_by_role("button", name="Save decision").click()
    expect(page.get_by_role("alert")).to_contain_text("Select whether these records are the same young person")
    web.accessible()
    page.get_by_role("group", name="Your decision").get_by_label("Different young people: keep both records").check()
    page.get_by_role("button", name="Save decision").click()
    expect(page.get_by_role("alert", name="Success")).to_contain_text("The two records were kept apart.")
    web.accessible("duplicates-decided")

    row = queue_row(web, second, "Rio")
    expect(row).to_contain_text("same name, date of birth a day apart")
    decide_url = row.get_by_role("link").get_attribute("href")
    row.get_by_role("link", name=f"Compare and decide for Rio {second}").click()
    page.get_by_label("The same young person: merge the records").check()
    page.get_by_role("button", name="Save decision").click()
    expect(page.get_by_role("alert", name="Success")).to_contain_text("merged into one young person")
    web.go("/duplicates")
    assert not in_the_queue(page, first)
    assert not in_the_queue(page, second)

    # Deciding it again (a second tab, a stale page): the page says it was already decided.
    assert decide_url
    web.go(decide_url)
    expect(page.get_by_text("not awaiting a decision")).to_be_visible()
    expect(page.get_by_role("button", name="Save decision")).to_have_count(0)


def test_a_possible_duplicate_decided_meanwhile_by_someone_else_is_said_so(web: Web, gateway: httpx.Client) -> None:
    family = unique_name()
    when = (datetime.now(UTC) - timedelta(days=1)).replace(microsecond=0).isoformat()
    token = password_token(gateway, "analyst@example.org")
    reports = [
        {
            "crime_reference": f"46/{random.randrange(10**7)}/26",
            "occurred_at": when,
            "district": "medway",
            "category": "robbery",
            "people": [{"role": "victim", "given_name": "Ola", "family_name": family, "date_of_birth": born}],
        }
        for born in ("2010-01-10", "2010-01-11")
    ]
    imported = gateway.post("/v1/imports/incidents", json={"reports": reports}, headers=auth(token))
    assert imported.json()["created"] == 2, imported.text

    page = web.sign_in("analyst@example.org", then="/duplicates")
    queue_row(web, family, "Ola").get_by_role("link", name=f"Compare and decide for Ola {family}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Are these the same young person?")
    newer, earlier = page.url.rsplit("/", 2)[-2:]
    # Another analyst splits them while this page is open.
    split = gateway.post(f"/v1/subjects/{newer}/duplicates/{earlier}/split", headers=auth(token))
    assert split.status_code == 200, split.text

    page.get_by_label("The same young person: merge the records").check()
    page.get_by_role("button", name="Save decision").click()
    expect(page.get_by_role("alert")).to_contain_text("This possible duplicate was already dismissed")
    expect(page.get_by_text("Someone may have decided it already")).to_be_visible()
    expect(page.get_by_role("button", name="Save decision")).to_have_count(0)
    web.accessible("duplicates-conflict")
    # Nothing was merged: both records stand.
    for subject_id in (newer, earlier):
        record = gateway.get(f"/v1/subjects/{subject_id}", headers=auth(token)).json()
        assert record["merged_into_id"] is None


def test_only_analysts_are_offered_imports_and_duplicates(web: Web) -> None:
    web.sign_in("coordinator.medway-swale@example.org")
    navigation = web.page.get_by_role("navigation", name="Sections")
    expect(navigation.get_by_role("link", name="Crime reports")).to_have_count(0)
    expect(navigation.get_by_role("link", name="Possible duplicates")).to_have_count(0)
    for path in ("/imports", "/duplicates"):
        response = web.page.goto(web.base + path)
        assert response is not None
        assert response.status == 403, path  # the API refuses, and the page says so
        expect(web.page.get_by_role("heading", level=1)).to_have_text("You cannot do this")
    web.accessible()
