"""Journey 5 in a real browser: the programme officer previews a knife-incident allocation (the explanation table
and the chart of shares), commits it and starts the review of a grant it made; the director approves it (four
eyes: the officer is never offered the approval), schedules its payments and pays the first; the 360Giving export
is downloaded."""

from __future__ import annotations

import csv
import io
import re
import uuid

import httpx
from playwright.sync_api import expect

from tests.conftest import auth, client_token, password_token
from tests.web.conftest import Web

#: A day no other test counts knife incidents on.
DAY = "2019-05-17"
COUNTS = {"medway": 3, "swale": 1}


def knife_incidents(gateway: httpx.Client) -> None:
    run = uuid.uuid4().hex[:8]
    reports = [
        {
            "crime_reference": f"WEB-FUND-{run}/{district}/{n}",
            "occurred_at": f"{DAY}T12:00:00Z",
            "district": district,
            "category": "knife-sharp-instrument",
            "weapon_knife": True,
            "people": [{"role": "victim", "given_name": "Casey", "family_name": "Webtest", "age": 30}],
        }
        for district, count in COUNTS.items()
        for n in range(count)
    ]
    feed = client_token(gateway, "police-crime-feed", "dev-only-police-feed-secret")
    imported = gateway.post("/v1/imports/incidents", json={"reports": reports}, headers=auth(feed))
    assert imported.status_code == 200, imported.text


def budget_line(gateway: httpx.Client, run: str) -> str:
    """A fund and a £50,000.00 budget line of this test's own for 2020/21."""
    officer = auth(password_token(gateway, "programme.officer@example.org"))
    body = {"code": f"web-{run}", "name": f"Web test fund {run}", "source": "Home Office"}
    fund = gateway.post("/v1/funds", json=body, headers=officer)
    assert fund.status_code == 201, fund.text
    line = gateway.post(
        "/v1/budget-lines",
        json={
            "fund_id": fund.json()["id"],
            "financial_year": "2020-21",
            "stream": "knife-awareness",
            "code": f"web-{run}",
            "name": f"Knife awareness (web test {run})",
            "amount_pence": 5_000_000,
            "currency": "GBP",
        },
        headers=officer,
    )
    assert line.status_code == 201, line.text
    return str(line.json()["name"])


def test_allocation_preview_commit_four_eyes_approval_disbursements_and_export(web: Web, gateway: httpx.Client) -> None:
    run = uuid.uuid4().hex[:8]
    knife_incidents(gateway)
    line_name = budget_line(gateway, run)
    title = f"Knife Awareness web test {run}"

    # The programme officer: the funding overview, then a preview of the allocation.
    page = web.sign_in("programme.officer@example.org", then="/funding")
    expect(page.get_by_role("heading", level=1)).to_have_text("Funding")
    expect(page.get_by_role("table", name=re.compile("budget"))).to_contain_text(line_name)
    web.accessible("funding")
    page.get_by_role("link", name="Allocations").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Allocations")
    web.accessible("funding-allocations")
    page.get_by_role("button", name="Preview a new allocation").click()
    web.accessible()

    # A form with mistakes comes back with each one shown at its field.
    page.get_by_role("button", name="Preview the allocation").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Enter a title for the allocation")
    expect(page).to_have_title(re.compile(r"^Error: "))
    web.accessible("funding-allocation-errors")

    page.get_by_label("Title").fill(title)
    lines = page.get_by_label("Budget line")
    lines.select_option(lines.locator("option", has_text=line_name).get_attribute("value"))
    page.get_by_label("Amount to share out").fill("10,000")
    start = page.get_by_role("group", name="Count knife incidents from")
    end = page.get_by_role("group", name="Up to and including")
    for group, (d, m, y) in ((start, DAY.split("-")[::-1]), (end, DAY.split("-")[::-1])):
        group.get_by_label("Day").fill(d)
        group.get_by_label("Month").fill(m)
        group.get_by_label("Year").fill(y)
    page.get_by_role("button", name="Preview the allocation").click()

    # The preview: every figure explained, the chart with its text alternative, nothing granted yet.
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.get_by_text("Preview", exact=True)).to_be_visible()
    table = page.get_by_role("table", name="How each share was worked out")
    expect(table.get_by_role("row", name=re.compile(r"^Medway"))).to_contain_text("£7,500.00")
    expect(table.get_by_role("row", name=re.compile(r"^Swale"))).to_contain_text("£2,500.00")
    expect(table.get_by_role("row", name=re.compile(r"^Total"))).to_contain_text("£10,000.00")
    chart = page.get_by_role("img", name="Each district's share of £10,000.00")
    expect(chart).to_be_visible()
    assert chart.locator("rect").count() == 13
    expect(page.locator("#chart-desc")).to_contain_text("Medway: £7,500.00 (75.0%)")
    web.accessible("funding-allocation-preview")

    page.get_by_role("button", name="Commit the allocation").click()
    expect(page.get_by_role("alert", name="Success")).to_contain_text("The allocation was committed")
    expect(page.get_by_role("button", name="Commit the allocation")).to_have_count(0)
    web.accessible("funding-allocation-committed")

    # The grants it made: submitted, to each district's Community Safety Unit.
    page.get_by_role("link", name="See the grants").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Grants")
    grants = page.get_by_role("table", name=re.compile("grants"))
    expect(grants.get_by_role("row")).to_have_count(3)  # the header and the two districts with incidents
    web.accessible("funding-grants")
    page.get_by_label("Status").select_option("approved")  # htmx swaps the table in
    expect(page.get_by_role("table", name=re.compile("Approved grants"))).to_contain_text("There are no grants here")
    expect(page).to_have_url(re.compile(r"status=approved"))
    page.get_by_label("Status").select_option("submitted")
    grants = page.get_by_role("table", name=re.compile("Submitted grants"))
    grants.get_by_role("row").filter(has_text="Medway").get_by_role("link").click()
    grant_url = page.url
    expect(page.locator("h1 + p .govuk-tag").first).to_have_text("Submitted")
    web.accessible("funding-grant-submitted")
    page.get_by_label("Start the review").check()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("alert", name="Success")).to_contain_text("The review has started")
    # Four eyes: the person who submitted it is not offered the decision.
    expect(page.get_by_text("someone else (the director or another programme officer) must approve")).to_be_visible()
    expect(page.get_by_label("Approve")).to_have_count(0)
    web.accessible()
    web.sign_out()

    # The director approves, schedules the payments in three quarterly instalments and pays the first.
    web.sign_in("director@example.org", then=grant_url.removeprefix(web.base))
    page.get_by_label("Approve").check()
    expect(page.get_by_label("Amount awarded, in pounds")).to_be_visible()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("alert", name="Success")).to_contain_text("The grant was approved")
    web.accessible("funding-grant-approved")

    page.get_by_role("button", name="Schedule the payments").click()
    expect(page.get_by_role("alert")).to_contain_text("Enter the number of instalments as a whole number")
    web.accessible()
    page.get_by_label("Number of instalments").fill("3")
    page.get_by_label("Quarterly").check()
    first = page.get_by_role("group", name="When is the first instalment due?")
    first.get_by_label("Day").fill("1")
    first.get_by_label("Month").fill("7")
    first.get_by_label("Year").fill("2020")
    page.get_by_role("button", name="Schedule the payments").click()
    expect(page.get_by_role("alert", name="Success")).to_contain_text("The disbursement schedule was made")
    instalments = page.get_by_role("table", name="Instalments of the award and their payment")
    rows = instalments.locator("tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.nth(0)).to_contain_text("£2,500.00")
    expect(rows.nth(0)).to_contain_text("1 July 2020")
    expect(rows.nth(1)).to_contain_text("£2,500.00")
    expect(rows.nth(2)).to_contain_text("1 January 2021")
    web.accessible("funding-grant-disbursements")
    page.get_by_role("button", name="Approve payment instalment 1").click()
    expect(page.get_by_role("alert", name="Success")).to_contain_text("approved for payment")
    page.get_by_role("button", name="Mark as paid instalment 1").click()
    expect(page.get_by_role("alert", name="Success")).to_contain_text("The instalment was marked as paid")
    expect(rows.nth(0)).to_contain_text("Paid")
    expect(page.locator(".govuk-summary-list")).to_contain_text(re.compile(r"Paid\s*£2,500\.00"))

    # The 360Giving export: a download, with the approved grant in it.
    page.get_by_role("navigation", name="Sections").get_by_role("link", name="Funding").click()
    page.get_by_role("link", name="360Giving export").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("360Giving export")
    web.accessible("funding-export")
    page.get_by_label("Financial year").select_option("2020-21")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download as a spreadsheet (CSV)").click()
    assert download.value.suggested_filename == "kmvru-360giving-2020-21.csv"
    path = download.value.path()
    rows_csv = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert any(row["Amount Awarded"] == "7500.00" and "Medway" in row["Recipient Org:Name"] for row in rows_csv), (
        rows_csv[:2]
    )

    # Medway's CSP officer may read their district's grant, and is offered nothing the API would refuse them.
    web.sign_out()
    web.sign_in("csp.medway@example.org", then=grant_url.removeprefix(web.base))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Medway")
    expect(page.get_by_role("group", name="What happens next?")).to_have_count(0)
    expect(page.get_by_role("button", name="Schedule the payments")).to_have_count(0)
    expect(page.get_by_role("button", name=re.compile("Mark as paid|Approve payment"))).to_have_count(0)
    web.accessible()


def test_a_proposed_grant_waits_for_someone_else_and_a_change_made_meanwhile_is_shown(
    web: Web, gateway: httpx.Client
) -> None:
    run = uuid.uuid4().hex[:8]
    line_name = budget_line(gateway, run)
    title = f"Youth diversion web test {run}"

    page = web.sign_in("programme.officer@example.org", then="/funding/grants")
    page.get_by_role("button", name="Propose a grant").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Propose a grant")
    web.accessible()
    page.get_by_role("button", name="Save as a draft").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Enter the grant's title")
    expect(summary).to_contain_text("Choose the organisation that receives it")
    expect(summary).to_contain_text("Enter the amount applied for")
    web.accessible("funding-grant-new-errors")

    page.get_by_label("Title").fill(title)
    page.get_by_label("What is it for?").fill("Detached youth work in the evenings.")
    page.get_by_label("Recipient").select_option(index=1)
    lines = page.get_by_label("Budget line")
    lines.select_option(lines.locator("option", has_text=line_name).get_attribute("value"))
    page.get_by_label("Amount applied for").fill("12,000.50")
    page.get_by_role("button", name="Save as a draft").click()
    expect(page.get_by_role("alert", name="Success")).to_contain_text("The grant was saved as a draft")
    expect(page.locator("h1 + p .govuk-tag").first).to_have_text("Draft")
    expect(page.locator(".govuk-summary-list")).to_contain_text(re.compile(r"Applied for\s*£12,000\.50"))
    web.accessible("funding-grant-draft")
    grant_id = page.url.split("?")[0].rsplit("/", 1)[-1]

    # The director changes it while the officer is looking at it: the officer's step is refused (412) and the
    # page says so, showing the grant as it is now.
    director = auth(password_token(gateway, "director@example.org"))
    current = gateway.get(f"/v1/grants/{grant_id}", headers=director)
    changed = gateway.patch(
        f"/v1/grants/{grant_id}",
        json={"title": f"{title} (revised)"},
        headers={**director, "If-Match": current.headers["etag"]},
    )
    assert changed.status_code == 200, changed.text
    page.get_by_label("Submit for a decision").check()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("alert")).to_contain_text("Someone else changed this grant while you were looking at it")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"{title} (revised)")
    web.accessible()

    page.get_by_label("Submit for a decision").check()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("alert", name="Success")).to_contain_text("submitted for a decision")
    page.get_by_label("Start the review").check()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_label("Approve")).to_have_count(0)  # four eyes: not the person who submitted it
    expect(page.get_by_label("Reject")).to_have_count(0)
    expect(page.get_by_label("Withdraw")).to_have_count(1)


def test_a_budget_line_is_added_and_changed(web: Web, gateway: httpx.Client) -> None:
    run = uuid.uuid4().hex[:8]
    page = web.sign_in("programme.officer@example.org", then="/funding")
    page.get_by_role("button", name="Add a budget line").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Add a budget line")
    page.get_by_label("Fund", exact=True).select_option(index=1)
    page.get_by_label("Financial year").select_option("2021-22")
    page.get_by_label("Funding stream").select_option("knife-awareness")
    page.get_by_label("Code", exact=True).fill(f"Not A Code {run}")
    page.get_by_label("Name", exact=True).fill(f"Knife awareness 2021/22 (web test {run})")
    page.get_by_label("Budget", exact=True).fill("20000")
    page.get_by_role("button", name="Add the budget line").click()
    expect(page.get_by_role("alert")).to_contain_text("String should match pattern")  # the API's 422, at its field
    expect(page.get_by_label("Code", exact=True)).to_have_value(f"Not A Code {run}")
    web.accessible("funding-line-errors")
    page.get_by_label("Code", exact=True).fill(f"web-line-{run}")
    page.get_by_role("button", name="Add the budget line").click()
    expect(page.get_by_role("alert", name="Success")).to_contain_text("The budget line was added")
    expect(page.locator(".govuk-summary-list")).to_contain_text(re.compile(r"Available\s*£20,000\.00"))
    web.accessible("funding-line")
    line_id = page.url.split("?")[0].rsplit("/", 1)[-1]

    # Someone else changes it meanwhile: said, and the line shown as it is now.
    director = auth(password_token(gateway, "director@example.org"))
    current = gateway.get(f"/v1/budget-lines/{line_id}", headers=director)
    changed = gateway.patch(
        f"/v1/budget-lines/{line_id}",
        json={"amount_pence": 2_500_000},
        headers={**director, "If-Match": current.headers["etag"]},
    )
    assert changed.status_code == 200, changed.text
    page.get_by_label("Budget", exact=True).fill("30000")
    page.get_by_role("button", name="Save the change").click()
    expect(page.get_by_role("alert")).to_contain_text("Someone else changed this budget line")
    expect(page.get_by_label("Budget", exact=True)).to_have_value("25000.00")
    page.get_by_label("Budget", exact=True).fill("30000")
    page.get_by_role("button", name="Save the change").click()
    expect(page.get_by_role("alert", name="Success")).to_contain_text("The budget line was changed")
    expect(page.locator(".govuk-summary-list")).to_contain_text(re.compile(r"Budget\s*£30,000\.00"))
