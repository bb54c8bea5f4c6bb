"""Journey 6 in a real browser: the Medway CSP officer sees the district's packs and alerts, adds a site, makes the
guardian its guardian, puts two packs there and prints the QR code for the cabinet; the guardian, on a phone,
opens the check form the code leads to and records a check."""

from __future__ import annotations

import io
import re
import uuid
from datetime import date, timedelta

import httpx
import segno
from playwright.sync_api import ViewportSize, expect

from tests.conftest import auth, password_token
from tests.web.conftest import Web

PHONE: ViewportSize = {"width": 390, "height": 844}


def dark_modules(svg: str) -> str:
    """The path of an SVG QR code that draws its dark modules."""
    found = re.search(r'<path[^>]*stroke="#000"[^>]*d="([^"]+)"', svg) or re.search(
        r'<path[^>]*d="([^"]+)"[^>]*stroke="#000"', svg
    )
    assert found, svg[:300]
    return found.group(1)


def packs_for_medway(gateway: httpx.Client, run: str) -> None:
    """Three packs of this test's own, bought (1p each, on a budget line of its own) and allocated to Medway."""
    officer = auth(password_token(gateway, "programme.officer@example.org"))
    fund = gateway.post(
        "/v1/funds",
        json={"code": f"web-etp-{run}", "name": f"ETP fund {run}", "source": "Home Office"},
        headers=officer,
    )
    assert fund.status_code == 201, fund.text
    line = gateway.post(
        "/v1/budget-lines",
        json={
            "fund_id": fund.json()["id"],
            "financial_year": "2026-27",
            "stream": "equipment",
            "code": f"web-etp-{run}",
            "name": f"Trauma packs (web test {run})",
            "amount_pence": 1000,
            "currency": "GBP",
        },
        headers=officer,
    )
    assert line.status_code == 201, line.text
    far = (date.today() + timedelta(days=3 * 365)).isoformat()
    purchase = {
        "supplier": "Example Medical Supplies Ltd",
        "lot_number": f"WEB-{run}",
        "kit_type": "standard-etp",
        "quantity": 3,
        "unit_cost_pence": 1,
        "currency": "GBP",
        "budget_line_id": line.json()["id"],
        "received_on": date.today().isoformat(),
        "component_expiries": [
            {"component": c, "expires_on": far}
            for c in ("tourniquet", "haemostatic-dressing", "trauma-bandage", "nitrile-gloves")
        ],
    }
    received = gateway.post("/v1/purchases", json=purchase, headers=officer, timeout=30)
    assert received.status_code == 201, received.text
    allocated = gateway.post("/v1/movements/allocations", json={"csp": "medway", "quantity": 3}, headers=officer)
    assert allocated.status_code == 201, allocated.text


def test_csp_officer_sets_up_a_site_and_the_guardian_checks_a_pack_on_a_phone(web: Web, gateway: httpx.Client) -> None:
    run = uuid.uuid4().hex[:8]
    packs_for_medway(gateway, run)
    site_name = f"Chatham bus station {run}"

    # The CSP officer: the district's packs, alerts and sites.
    page = web.sign_in("csp.medway@example.org", then="/packs")
    expect(page.get_by_role("heading", level=1)).to_have_text("Emergency trauma packs")
    expect(page.get_by_role("table", name=re.compile("What needs doing in Medway"))).to_be_visible()
    expect(page.get_by_role("table", name=re.compile("Packs held by each partnership"))).to_contain_text("Medway")
    web.accessible("packs")
    page.get_by_role("link", name=re.compile("See the packs expiring")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Pack alerts")
    web.accessible("packs-alerts")
    page.get_by_role("link", name="Trauma packs", exact=True).last.click()

    # Adding a site: the API's refusals come back to the form, each at its field.
    page.get_by_role("button", name="Add a site").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Add a site")
    page.get_by_label("Name of the site").fill(site_name)
    page.get_by_label("Address", exact=True).fill("Globe Lane, Chatham")
    page.get_by_label("Postcode").fill("not a postcode")
    page.get_by_label("Latitude").fill("51.3838")
    page.get_by_label("Longitude").fill("0.5243")
    page.get_by_label("Locked cabinet (with a code)").check()
    page.get_by_label("Lock code (for a locked cabinet)").fill(f"C{run[:4]}")
    page.get_by_role("button", name="Add the site").click()
    expect(page.get_by_role("alert")).to_contain_text("String should match pattern")
    expect(page.get_by_label("Postcode")).to_have_value("not a postcode")
    web.accessible("packs-site-errors")
    page.get_by_label("Postcode").fill("ME4 4QW")
    page.get_by_role("button", name="Add the site").click()
    expect(page.get_by_role("alert", name="Success")).to_contain_text("The site was added")
    expect(page.get_by_role("heading", level=1)).to_have_text(site_name)
    expect(page.locator(".govuk-summary-list")).to_contain_text(f"C{run[:4]}")  # the lock code: their own site
    site_url = page.url.split("?")[0]

    # Guardian and packs.
    # Someone who is not a guardian (here, the officer themself) cannot be made one: said at the field.
    page.get_by_label("Their email address").fill("csp.medway@example.org")
    page.get_by_role("button", name="Assign the guardian").click()
    expect(page.get_by_role("alert")).to_contain_text("There is no guardian with that email address")
    expect(page.get_by_label("Their email address")).to_have_value("csp.medway@example.org")
    # The guardian, found by the email address they sign in with.
    page.get_by_label("Their email address").fill("Guardian@example.org")
    page.get_by_label("How they are known at the site (optional)").fill(f"Mistaken name {run}")
    page.get_by_role("button", name="Assign the guardian").click()
    expect(page.get_by_role("alert", name="Success")).to_contain_text("The guardian was assigned")
    # Assigned under the wrong name: removed again, then assigned as they are known.
    page.get_by_role("button", name=f"Remove Mistaken name {run}").click()
    expect(page.get_by_role("alert", name="Success")).to_contain_text("The guardian was removed")
    expect(page.get_by_role("table", name="People who look after the packs here")).not_to_contain_text("Mistaken")
    page.get_by_label("Their email address").fill("guardian@example.org")
    page.get_by_label("How they are known at the site (optional)").fill(f"Guardian {run}")
    page.get_by_role("button", name="Assign the guardian").click()
    expect(page.get_by_role("alert", name="Success")).to_contain_text("The guardian was assigned")
    guardians = page.get_by_role("table", name="People who look after the packs here")
    expect(guardians).to_contain_text(f"Guardian {run}")
    expect(guardians.locator("tbody tr")).to_have_count(1)
    page.get_by_label("How many packs?").fill("2")
    page.get_by_role("button", name="Put the packs at the site").click()
    expect(page.get_by_role("alert", name="Success")).to_contain_text("The packs were put at the site")
    packs = page.get_by_role("table", name="Each pack here and whether it is ready to use")
    expect(packs.locator("tbody tr")).to_have_count(2)
    expect(packs.locator("tbody tr").first).to_contain_text("Ready")
    web.accessible("packs-site")

    # Changing the site: a change someone else made meanwhile is said, and the site shown as it is now.
    page.get_by_role("link", name="Change the site's details").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Change the site")
    expect(page.get_by_label("Name of the site")).to_have_value(site_name)
    site_id = site_url.rsplit("/", 1)[-1]
    csp = auth(password_token(gateway, "csp.medway@example.org"))
    current = gateway.get(f"/v1/sites/{site_id}", headers=csp)
    changed = gateway.patch(
        f"/v1/sites/{site_id}", json={"access_hours": "24/7"}, headers={**csp, "If-Match": current.headers["etag"]}
    )
    assert changed.status_code == 200, changed.text
    page.get_by_label("When can people get to it? (optional)").fill("Monday to Saturday, 7am to 11pm")
    page.get_by_role("button", name="Save the changes").click()
    expect(page.get_by_role("alert")).to_contain_text("Someone else changed this site")
    expect(page.get_by_label("When can people get to it? (optional)")).to_have_value("24/7")
    web.accessible("packs-site-changed-meanwhile")
    page.get_by_label("Contact at the site (optional)").fill(f"Station supervisor {run}")
    page.get_by_role("button", name="Save the changes").click()
    expect(page.get_by_role("alert", name="Success")).to_contain_text("The site was changed")
    expect(page.locator(".govuk-summary-list")).to_contain_text(f"Station supervisor {run}")

    # Every pack of the district in stock, filtered by readiness (htmx swaps the table; a plain form without it).
    page.get_by_role("link", name="Trauma packs", exact=True).last.click()
    page.get_by_role("link", name="See every pack in stock and whether it is ready").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Packs in stock")
    page.get_by_label("Ready?").select_option("ready")
    expect(page.get_by_role("table", name="Packs: ready")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/packs/list\?readiness=ready"))
    web.accessible("packs-list")
    page.goto(site_url)

    # The QR code for the cabinet: a print page with the site's name and the code of the check form's address.
    page.get_by_role("button", name="Print the QR code for the cabinet").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(site_name)
    code = page.get_by_role("img", name=f"QR code that opens the check form for {site_name}")
    expect(code).to_be_visible()
    page.wait_for_function("image => image.complete && image.naturalWidth > 0", arg=code.element_handle())
    check_url = page.locator("#check-url").inner_text()
    assert check_url == site_url + "/check"
    svg = page.request.get(site_url + "/qr.svg")
    assert svg.headers["content-type"].startswith("image/svg+xml")
    assert "<path" in svg.text()
    assert "style=" not in svg.text()
    # The code is the check form's address (segno draws the same modules for the same text).
    expected = io.BytesIO()
    segno.make(check_url, error="m").save(expected, kind="svg", xmldecl=False, scale=8, border=4)
    assert dark_modules(svg.text()) == dark_modules(expected.getvalue().decode())
    web.accessible("packs-qr-print")
    web.sign_out()

    # The guardian scans the code on a phone: signs in, lands on the check form, records the check.
    page.set_viewport_size(PHONE)
    page.goto(check_url)
    expect(page).to_have_url(re.compile(r"/sign-in\?next="))
    page.get_by_label("Email address").fill("guardian@example.org")
    page.get_by_label("Password", exact=True).fill("vru-dev-password")
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(check_url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Check a trauma pack")
    expect(page.get_by_text(f"C{run[:4]}")).to_be_visible()  # the lock code, for the site's guardian
    web.accessible("packs-check-phone")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]  # no sideways scrolling

    page.get_by_role("button", name="Record the check").click()
    expect(page.get_by_role("alert")).to_contain_text("Choose the pack you checked")
    web.accessible("packs-check-errors-phone")
    pack_choices = page.get_by_role("group", name="Which pack did you check?").get_by_role("radio")
    expect(pack_choices).to_have_count(2)
    pack_choices.first.check()
    for question in ("Is the seal intact?", "Is everything in the pack?", "Are all the dates on the items in date?"):
        page.get_by_role("group", name=question).get_by_label("Yes").check()
    page.get_by_label("Anything else to report? (optional)").fill("All present.")
    page.get_by_role("button", name="Record the check").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check recorded")
    expect(page.get_by_text("The pack is now:")).to_contain_text("Ready")
    web.accessible("packs-checked-phone")

    # The other pack: its seal is broken, so it needs attention.
    page.get_by_role("link", name="Check another pack here").click()
    page.get_by_role("group", name="Which pack did you check?").get_by_role("radio").last.check()
    page.get_by_role("group", name="Is the seal intact?").get_by_label("No").check()
    page.get_by_role("group", name="Is everything in the pack?").get_by_label("Yes").check()
    page.get_by_role("group", name="Are all the dates on the items in date?").get_by_label("Yes").check()
    page.get_by_role("button", name="Record the check").click()
    expect(page.get_by_text("The pack is now:")).to_contain_text("Needs attention")

    # The guardian's own page: their sites, with this one.
    page.get_by_role("link", name="Go to your sites").click()
    expect(page.get_by_role("table", name="Where packs are kept")).to_contain_text(site_name)
    expect(page.get_by_text("they find you by the email address you sign in with")).to_be_visible()
    web.accessible("packs-guardian-phone")


def test_the_units_staff_see_every_partnership_but_no_lock_code(web: Web) -> None:
    page = web.sign_in("programme.officer@example.org", then="/packs")
    partnerships = page.get_by_role("table", name=re.compile("Packs held by each partnership"))
    expect(partnerships.locator("tbody tr")).to_have_count(13)
    expect(page.get_by_role("button", name="Add a site")).to_be_visible()
    web.accessible("packs-staff")
    page.goto(web.base + "/packs/alerts?within_days=90")
    expect(page.get_by_role("table", name=re.compile("expiring within 90 days"))).to_be_visible()
    web.accessible()
