"""Journey 3: a partner agency's inbox of referrals shared with it (the shared view), a referral's page, accepting,
rejecting with a reason, starting and recording the outcome; a change made by someone else meanwhile (412). VRU
staff use the same pages for the referrals they may see."""

from __future__ import annotations

import httpx
from playwright.sync_api import expect

from tests.conftest import auth, password_token
from tests.web.conftest import Web
from tests.web.referral_data import COORDINATOR, PARTNER, ok, sent_referral, young_person


def test_a_partner_accepts_a_referral_starts_work_and_records_the_outcome(web: Web, gateway: httpx.Client) -> None:
    person = young_person(gateway, "Kai")
    referral_id = sent_referral(gateway, person)
    page = web.sign_in(PARTNER, then="/referrals")
    expect(page.get_by_role("heading", level=1)).to_have_text("Referrals to your agency")
    web.accessible("referrals-partner-inbox")

    page.get_by_label("Status").select_option("sent")
    page.get_by_role("button", name="Show referrals").click()
    table = page.get_by_role("table", name="Sent referrals")
    row = table.get_by_role("row").filter(has_text=person.name)
    expect(row).to_contain_text("Children's Social Work Services")
    expect(row).to_contain_text("Sent")
    row.get_by_role("link", name=person.name).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(person.name)
    expect(page.get_by_text("Exploited into drug running")).to_be_visible()
    expect(page.get_by_text("Public task")).to_be_visible()
    # The shared view: nothing of the police's (ids, crime references) reaches the partner's page.
    assert "KP-WEB" not in page.content()
    assert "46/WEB" not in page.content()
    # Sending and withdrawing are the referrer's: not offered to the receiving agency.
    expect(page.get_by_role("link", name="Withdraw the referral")).to_have_count(0)
    web.accessible("referral-partner")

    page.get_by_role("button", name="Accept the referral").click()
    expect(page.get_by_role("alert", name="Success")).to_contain_text("You accepted the referral.")
    expect(page.locator("#status")).to_contain_text("Accepted")
    web.accessible()

    # The agency's own case reference and a progress note.
    page.get_by_role("button", name="Save progress").click()
    expect(page.get_by_role("alert")).to_contain_text("Enter your agency's reference or a progress note")
    page.get_by_label("Your agency's case reference").fill("CSWS-2026-0417")
    page.get_by_label("Add a progress note").fill("Allocated to a social worker; first visit on Friday.")
    page.get_by_role("button", name="Save progress").click()
    expect(page.get_by_role("alert", name="Success")).to_contain_text("Your changes are saved.")
    expect(page.get_by_text("CSWS-2026-0417")).to_be_visible()
    expect(page.get_by_role("table", name="What happened to this referral, oldest first")).to_contain_text(
        "first visit on Friday"
    )

    page.get_by_role("button", name="Start work").click()
    expect(page.get_by_role("alert", name="Success")).to_contain_text("Work on the referral has started.")
    expect(page.locator("#status")).to_contain_text("In progress")

    page.get_by_role("link", name="Record the outcome").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("What was the outcome?")
    page.get_by_role("button", name="Record the outcome").click()
    expect(page.get_by_role("alert")).to_contain_text("Enter the outcome")
    web.accessible("referral-outcome-error")
    page.get_by_label("What was the outcome?").fill("NRM submitted; positive reasonable-grounds decision.")
    page.get_by_role("button", name="Record the outcome").click()
    expect(page.get_by_role("alert", name="Success")).to_contain_text("The outcome is recorded")
    expect(page.locator("#status")).to_contain_text("Completed")
    expect(page.get_by_role("table", name="What happened to this referral, oldest first")).to_contain_text(
        "NRM submitted"
    )
    expect(page.get_by_role("heading", name="What you can do next")).to_have_count(0)
    web.accessible("referral-partner-completed")

    coordinator = password_token(gateway, COORDINATOR)
    stored = ok(gateway.get(f"/v1/referrals/{referral_id}", headers=auth(coordinator)))
    assert stored["status"] == "completed"
    assert stored["outcome"] == "NRM submitted; positive reasonable-grounds decision."


def test_a_partner_rejects_a_referral_with_a_reason(web: Web, gateway: httpx.Client) -> None:
    person = young_person(gateway, "Remi")
    referral_id = sent_referral(gateway, person)
    page = web.sign_in(PARTNER, then=f"/referrals/{referral_id}")
    page.get_by_role("link", name="Reject the referral").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Why are you rejecting it?")
    web.accessible("referral-reject")
    page.get_by_role("button", name="Reject the referral").click()
    expect(page.get_by_role("alert")).to_contain_text("Enter why you reject the referral")
    error_link = page.get_by_role("alert").get_by_role("link", name="Enter why you reject the referral")
    expect(error_link).to_have_attribute("href", "#reason")
    web.accessible()

    page.get_by_label("Why are you rejecting it?").fill("Already open to our service under another referral.")
    page.get_by_role("button", name="Reject the referral").click()
    expect(page.get_by_role("alert", name="Success")).to_contain_text("You rejected the referral.")
    expect(page.locator("#status")).to_contain_text("Rejected")
    expect(page.get_by_text("Already open to our service under another referral.").first).to_be_visible()
    expect(page.get_by_role("button", name="Accept the referral")).to_have_count(0)


def test_when_someone_else_changed_the_referral_the_page_says_so_and_shows_it_as_it_stands(
    web: Web, gateway: httpx.Client
) -> None:
    person = young_person(gateway, "Ash")
    referral_id = sent_referral(gateway, person)
    page = web.sign_in(PARTNER, then=f"/referrals/{referral_id}")
    expect(page.locator("#status")).to_contain_text("Sent")

    # Meanwhile the coordinator withdraws it.
    coordinator = password_token(gateway, COORDINATOR)
    ok(
        gateway.post(
            f"/v1/referrals/{referral_id}/transitions",
            json={"to": "withdrawn", "reason": "The family moved out of Kent."},
            headers=auth(coordinator),
        )
    )
    page.get_by_role("button", name="Accept the referral").click()
    expect(page.get_by_role("alert")).to_contain_text("Someone else changed this referral after you opened it")
    expect(page.locator("#status")).to_contain_text("Withdrawn")
    expect(page.get_by_text("The family moved out of Kent.").first).to_be_visible()
    expect(page.get_by_role("button", name="Accept the referral")).to_have_count(0)
    web.accessible("referral-changed-meanwhile")


def test_a_coordinator_sees_the_full_view_and_withdraws_a_referral(web: Web, gateway: httpx.Client) -> None:
    person = young_person(gateway, "Noor")
    referral_id = sent_referral(gateway, person)
    page = web.sign_in(COORDINATOR, then="/referrals")
    expect(page.get_by_role("heading", level=1)).to_have_text("Referrals")
    web.accessible("referrals-coordinator")
    page.get_by_role("link", name=person.name).first.click()
    expect(page).to_have_url(web.base + f"/referrals/{referral_id}")
    # The full view: the young person's page and the review are a link away.
    expect(page.get_by_role("link", name=f"{person.name}'s page")).to_have_attribute(
        "href", f"/young-people/{person.subject_id}"
    )
    # VRU staff may answer on the agency's behalf, and withdraw.
    expect(page.get_by_role("button", name="Accept the referral")).to_be_visible()
    page.get_by_role("link", name="Withdraw the referral").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Why is it being withdrawn?")
    page.get_by_label("Why is it being withdrawn?").fill("Already supported by the early help team.")
    page.get_by_role("button", name="Withdraw the referral").click()
    expect(page.get_by_role("alert", name="Success")).to_contain_text("The referral was withdrawn.")
    expect(page.locator("#status")).to_contain_text("Withdrawn")
    web.accessible("referral-coordinator-withdrawn")


def test_a_director_reads_a_referral_but_is_offered_no_step(web: Web, gateway: httpx.Client) -> None:
    person = young_person(gateway, "Lee")
    referral_id = sent_referral(gateway, person)
    page = web.sign_in("director@example.org", then=f"/referrals/{referral_id}")
    expect(page.get_by_role("heading", level=1)).to_have_text(person.name)
    expect(page.locator("#status")).to_contain_text("Sent")
    expect(page.get_by_role("heading", name="What you can do next")).to_have_count(0)
    expect(page.get_by_role("button")).to_have_text(["Sign out"])  # no form but signing out
    web.accessible()
