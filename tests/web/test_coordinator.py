"""Journey 2, the coordinator: the review queue for their districts (overdue first), a review's page with its
incidents, young people and history, moving it through its stages, drafting a referral with the lawful basis and
consent and sending it, finding a young person and their page. Everything set up here is this test's own."""

from __future__ import annotations

import asyncio
import random
import re
import string
import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import asyncpg
import httpx
from playwright.sync_api import Page, expect

from tests.conftest import auth, client_token, password_token
from tests.web.conftest import Web

COORDINATOR = "coordinator.medway-swale@example.org"


def _unique_name() -> str:
    return "Quill" + "".join(random.choices(string.ascii_lowercase, k=8))


def _import(gateway: httpx.Client, reference: str, district: str, given: str, family: str, police_id: str) -> None:
    token = client_token(gateway, "police-crime-feed", "dev-only-police-feed-secret")
    report = {
        "crime_reference": reference,
        "occurred_at": "2026-11-30T22:40:00Z",
        "district": district,
        "category": "violence-with-injury",
        "weapon_knife": True,
        "location": "High Street",
        "people": [
            {
                "role": "victim",
                "given_name": given,
                "family_name": family,
                "date_of_birth": "2010-05-02",
                "police_person_id": police_id,
            }
        ],
    }
    response = gateway.post("/v1/imports/incidents", json={"reports": [report]}, headers=auth(token))
    assert response.status_code == 200, response.text
    assert response.json()["rejected"] == 0, response.text


def _incident(gateway: httpx.Client, reference: str) -> dict[str, Any]:
    token = password_token(gateway, "analyst@example.org")
    listed = gateway.get("/v1/incidents", params={"crime_reference": reference}, headers=auth(token)).json()
    found: dict[str, Any] = gateway.get(f"/v1/incidents/{listed['items'][0]['id']}", headers=auth(token)).json()
    return found


def _case(gateway: httpx.Client, district: str = "swale") -> dict[str, str]:
    """A knife incident in ``district`` with one 16-year-old of a unique name: its review and young person."""
    suffix = "".join(random.choices(string.digits, k=6))
    reference = f"46/{suffix}/26"
    family = _unique_name()
    _import(gateway, reference, district, "Tobias", family, f"KP-WEB-{suffix}")
    incident = _incident(gateway, reference)
    assert incident["review_id"], incident
    return {
        "reference": reference,
        "family": family,
        "name": f"Tobias {family}",
        "police_id": f"KP-WEB-{suffix}",
        "review": incident["review_id"],
        "subject": incident["people"][0]["subject_id"],
    }


def _opened_weeks_ago(web: Web, review_id: str) -> None:
    """Test setup only: the review was opened four weeks ago, so it is past its target date (overdue)."""

    async def backdate() -> None:
        url = web.platform.service_db_urls["referrals"].replace("postgresql+asyncpg://", "postgresql://")
        connection = await asyncpg.connect(url)
        try:
            await connection.execute(
                "UPDATE referrals.reviews SET created_at = created_at - interval '28 days' WHERE id = $1",
                uuid.UUID(review_id),
            )
        finally:
            await connection.close()

    # in a thread of its own: Playwright's sync API runs an event loop in this one
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, backdate()).result()


def _short(review_id: str) -> str:
    return f"Review {review_id[:8]}"


def _choose_stage(page: Page, stage: str) -> None:
    page.get_by_role("group", name="What happens to the review next?").get_by_label(stage, exact=True).check()
    page.get_by_role("button", name="Move the review on").click()


def test_a_coordinator_works_a_review_from_the_queue_to_a_sent_referral(web: Web, gateway: httpx.Client) -> None:
    case = _case(gateway)
    late = _case(gateway, district="medway")
    _opened_weeks_ago(web, late["review"])
    page = web.sign_in(COORDINATOR)

    # The start page leads with the overdue reviews.
    overdue_panel = page.get_by_role("region", name="Overdue reviews")
    expect(overdue_panel.locator(f'a[href="/reviews/{late["review"]}"]')).to_be_visible()
    web.accessible("home-coordinator-overdue")

    # The queue: overdue reviews first, then the others.
    page.get_by_role("navigation", name="Sections").get_by_role("link", name="Reviews").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Reviews")
    assert page.locator("table caption").all_inner_texts()[0].startswith("Overdue reviews")
    overdue = page.get_by_role("table", name=re.compile("^Overdue reviews"))
    expect(overdue.locator(f'a[href="/reviews/{late["review"]}"]')).to_be_visible()
    assert overdue.get_by_text("Overdue", exact=True).count() == overdue.locator("tbody tr").count()
    others = page.get_by_role("table", name=re.compile("^Other reviews"))
    expect(others.locator(f'a[href="/reviews/{case["review"]}"]')).to_be_visible()
    web.accessible("reviews-queue")

    # Filters (htmx swaps the queue and keeps the address; the same works as a plain GET without JavaScript).
    page.get_by_label("District").select_option("swale")
    page.get_by_label("Stage").select_option("new")
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"/reviews\?district=swale&status=new$"))
    expect(others.locator(f'a[href="/reviews/{case["review"]}"]')).to_be_visible()
    page.get_by_label("Stage").select_option("closed")
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"status=closed$"))
    expect(page.locator(f'a[href="/reviews/{case["review"]}"]')).to_have_count(0)
    web.go("/reviews?district=swale&status=new")
    page.locator(f'a[href="/reviews/{case["review"]}"]').click()

    # The review's page: its incident, young person and history.
    expect(page.get_by_role("heading", level=1)).to_have_text(_short(case["review"]))
    incidents = page.get_by_role("table", name=re.compile("^Incidents"))
    expect(incidents).to_contain_text(case["reference"])
    expect(incidents).to_contain_text("Knife")
    people = page.get_by_role("table", name=re.compile("^Young people"))
    expect(people.get_by_role("link", name=case["name"])).to_be_visible()
    expect(page.get_by_role("heading", name="Review opened")).to_be_visible()
    web.accessible("review")

    # Moving it on: nothing chosen is an error on the page, then new → in review.
    page.get_by_role("button", name="Move the review on").click()
    expect(page.get_by_role("alert")).to_contain_text("Select what happens to the review next")
    expect(page).to_have_title(re.compile(r"^Error: "))
    web.accessible("review-error")
    _choose_stage(page, "In review")
    expect(page.get_by_role("alert", name="Success")).to_contain_text("The review is now in review.")
    expect(page.get_by_role("heading", name="New to In review")).to_be_visible()
    expect(page.get_by_text(re.compile(r", by Development coordinator"))).to_be_visible()

    # No further action needs a reason (the page says so before the API would).
    _choose_stage(page, "No further action")
    expect(page.get_by_role("alert")).to_contain_text("Enter why no further action is needed")

    # Drafting a referral for the young person, from the review.
    page.get_by_role("link", name=f"Refer {case['name']}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Refer {case['name']}")
    web.accessible("referral-draft")
    page.get_by_role("button", name="Save draft referral").click()
    summary = page.get_by_role("alert")
    for message in (
        "Select where to refer the young person",
        "Enter why you are referring the young person",
        "Select the lawful basis for sharing",
        "Select whether consent was given",
    ):
        expect(summary).to_contain_text(message)
    web.accessible("referral-draft-errors")
    page.get_by_label("Refer to").select_option("forum:mam-medway-swale")
    page.get_by_label(f"Why are you referring {case['name']}?").fill(
        "Carried a knife after being exploited into drug running; a multi-agency safety plan."
    )
    page.get_by_role("group", name="What is the lawful basis for sharing?").get_by_label("Public task").check()
    page.get_by_role("group", name=re.compile("consent")).get_by_label("Given", exact=True).check()
    page.get_by_role("button", name="Save draft referral").click()

    # Check, then send.
    expect(page.get_by_role("alert", name="Success")).to_contain_text("Referral drafted")
    expect(page.get_by_role("heading", level=1)).to_have_text("Check the referral, then send it")
    details = page.locator(".govuk-summary-list")
    expect(details).to_contain_text("VRU multi-agency meeting, Medway & Swale")
    expect(details).to_contain_text("Public task")
    expect(details).to_contain_text("Draft")
    web.accessible("referral-check")
    page.get_by_role("button", name="Send referral").click()
    expect(page.get_by_role("alert", name="Success")).to_contain_text("Referral sent.")
    expect(details).to_contain_text("Sent")
    expect(page.get_by_role("button", name="Send referral")).to_have_count(0)
    web.accessible("referral-sent")

    # Back to the review: referred.
    page.get_by_role("link", name=_short(case["review"])).click()
    made = page.get_by_role("table", name=re.compile("^Referrals from this review"))
    expect(made).to_contain_text(case["name"])
    expect(made).to_contain_text("Sent")
    _choose_stage(page, "Referred")
    expect(page.get_by_role("alert", name="Success")).to_contain_text("The review is now referred.")

    # Someone else closes it meanwhile: this page's form is stale (412), and the page says so with the current state.
    token = password_token(gateway, COORDINATOR)
    current = gateway.get(f"/v1/reviews/{case['review']}", headers=auth(token))
    closed = gateway.post(
        f"/v1/reviews/{case['review']}/transitions",
        json={"to": "closed"},
        headers={**auth(token), "If-Match": current.headers["etag"]},
    )
    assert closed.status_code == 200, closed.text
    _choose_stage(page, "Closed")
    expect(page.get_by_role("alert")).to_contain_text("Someone else changed this review")
    expect(page.locator(".govuk-summary-list")).to_contain_text("Closed")
    expect(page.get_by_role("button", name="Move the review on")).to_have_count(0)
    web.accessible("review-changed-meanwhile")


def test_a_coordinator_finds_a_young_person_and_opens_their_page(web: Web, gateway: httpx.Client) -> None:
    case = _case(gateway)
    elsewhere = _case(gateway, district="thanet")  # another coordinator area's young person
    page = web.sign_in(COORDINATOR)
    page.get_by_role("navigation", name="Sections").get_by_role("link", name="Young people").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Find a young person")
    web.accessible("young-people-search")

    # By part of the name, words in any order.
    page.get_by_label("Name").fill(f"{case['family'][:9]} tob")
    page.get_by_role("button", name="Search").click()
    results = page.get_by_role("table", name=re.compile("found$"))
    expect(results.get_by_role("link", name=case["name"])).to_be_visible()
    expect(page).to_have_url(re.compile(r"/young-people\?q="))
    web.accessible("young-people-results")

    # Not a young person of another district (the API decides; the page shows what it answers).
    page.get_by_label("Name").fill(elsewhere["name"])
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("heading", name="No young people found")).to_be_visible()

    # By police person id, by crime reference, by date of birth with the name.
    for field, value in (("Police person ID", case["police_id"]), ("Crime reference", case["reference"])):
        web.go("/young-people")
        page.get_by_label(field).fill(value)
        page.get_by_role("button", name="Search").click()
        expect(page.get_by_role("table", name="1 young person found")).to_contain_text(case["name"])
    web.go("/young-people")
    page.get_by_label("Name").fill(case["family"])
    page.get_by_label("Day").fill("2")
    page.get_by_label("Month").fill("5")
    page.get_by_label("Year").fill("2010")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("table", name="1 young person found")).to_contain_text("2 May 2010")

    # A date that is not a date is the form's error, not the API's.
    page.get_by_label("Day").fill("31")
    page.get_by_label("Month").fill("2")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("alert")).to_contain_text("Date of birth must be a real date")
    web.accessible("young-people-search-error")

    # The young person's page.
    web.go(f"/young-people?q={case['family']}")
    page.get_by_role("link", name=case["name"]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(case["name"])
    expect(page.locator(".govuk-summary-list")).to_contain_text(case["police_id"])
    expect(page.get_by_role("table", name=re.compile("^Incidents"))).to_contain_text(case["reference"])
    expect(page.get_by_role("table", name=re.compile("^Reviews"))).to_contain_text("New")
    expect(page.get_by_role("button", name=f"Refer {case['name']}")).to_be_visible()
    web.accessible("young-person")

    # Referring from the young person's page (no review): the district is asked for.
    page.get_by_role("button", name=f"Refer {case['name']}").click()
    page.get_by_label("Refer to").select_option("partner_agency:childrens-social-work-services")
    page.get_by_label("District").select_option("swale")
    page.get_by_label(f"Why are you referring {case['name']}?").fill("Known to children's services: share it.")
    page.get_by_role("group", name="What is the lawful basis for sharing?").get_by_label("Consent").check()
    page.get_by_role("group", name=re.compile("consent")).get_by_label("Refused").check()
    page.get_by_role("button", name="Save draft referral").click()
    expect(page.get_by_role("alert")).to_contain_text("Consent must be given when consent is the lawful basis")
    page.get_by_role("group", name="What is the lawful basis for sharing?").get_by_label("Public task").check()
    page.get_by_label("Why is sharing justified? (optional)").fill("A risk of significant harm outweighs refusal.")
    page.get_by_role("button", name="Save draft referral").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check the referral, then send it")
    expect(page.locator(".govuk-summary-list")).to_contain_text("Children")
    page.get_by_role("link", name=f"Back to {case['name']}").click()
    referrals = page.get_by_role("table", name=re.compile("^Referrals"))
    expect(referrals).to_contain_text("Draft")


def test_the_director_reads_reviews_but_is_offered_no_changes(web: Web, gateway: httpx.Client) -> None:
    case = _case(gateway)
    page = web.sign_in("director@example.org")
    web.go(f"/reviews/{case['review']}")
    expect(page.get_by_role("heading", level=1)).to_have_text(_short(case["review"]))
    expect(page.get_by_role("button", name="Move the review on")).to_have_count(0)
    web.go(f"/young-people/{case['subject']}")
    expect(page.get_by_role("button", name=re.compile("^Refer "))).to_have_count(0)
    response = page.goto(web.base + f"/young-people/{case['subject']}/refer")
    assert response is not None
    assert response.status == 403
