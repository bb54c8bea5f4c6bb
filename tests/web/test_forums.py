"""Journey 4: forums. A coordinator schedules the area's multi-agency meeting, works its agenda (the referrals
waiting for a decision), records the decision for a young person with actions owned by partner agencies and due
dates, and the minutes; the overdue actions per agency and area; the partner agency updates its action. A change
made by someone else meanwhile (412) is shown, not overwritten."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
from playwright.sync_api import expect

from tests.conftest import auth, password_token
from tests.web.conftest import Web
from tests.web.referral_data import (
    COORDINATOR,
    PARTNER,
    meeting_with_action,
    ok,
    sent_referral,
    young_person,
)

FORUM = "VRU multi-agency meeting, Medway & Swale"
CSWS_NAME = "Children's Social Work Services"


def test_a_coordinator_runs_a_meeting_and_the_partner_agency_completes_its_action(
    web: Web, gateway: httpx.Client
) -> None:
    person = young_person(gateway, "Jordan")
    sent_referral(gateway, person, to_forum=True)
    overdue_action = f"Complete and submit the NRM referral for {person.family_name}."
    later_action = f"Offer {person.given_name} a place on the boxing programme."
    tomorrow = datetime.now(UTC).date() + timedelta(days=1)
    yesterday = datetime.now(UTC).date() - timedelta(days=1)
    next_week = datetime.now(UTC).date() + timedelta(days=7)

    page = web.sign_in(COORDINATOR, then="/meetings")
    expect(page.get_by_role("heading", level=1)).to_have_text("Meetings")
    web.accessible("meetings")

    # Schedule the meeting: first without answers, then properly.
    page.get_by_role("link", name="Schedule a meeting").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Schedule a meeting")
    web.accessible("meeting-new")
    page.get_by_label("Start time").fill("")
    page.get_by_role("button", name="Schedule the meeting").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Select the forum that is meeting")
    expect(summary).to_contain_text("Enter the date of the meeting")
    expect(summary).to_contain_text("Enter the time the meeting starts")
    web.accessible()
    page.get_by_role("radio", name=FORUM).check()
    date_group = page.get_by_role("group", name="Date")
    date_group.get_by_label("Day").fill(str(tomorrow.day))
    date_group.get_by_label("Month").fill(str(tomorrow.month))
    date_group.get_by_label("Year").fill(str(tomorrow.year))
    page.get_by_label("Start time").fill("10:00")
    page.get_by_role("checkbox", name=CSWS_NAME).check()
    page.get_by_role("checkbox", name="Youth Justice Service").check()
    page.get_by_role("button", name="Schedule the meeting").click()

    expect(page.get_by_role("alert", name="Success")).to_contain_text("The meeting is scheduled.")
    expect(page.get_by_role("heading", level=1)).to_have_text(FORUM)
    expect(page.get_by_text(f"{CSWS_NAME}, Youth Justice Service")).to_be_visible()
    agenda = page.get_by_role("table", name="Referrals waiting for a decision, earliest sent first")
    expect(agenda.get_by_role("row").filter(has_text=person.name)).to_contain_text("Exploited into drug running")
    web.accessible("meeting")

    # The decision, with two actions; the first one is already late.
    agenda.get_by_role("link", name=f"Record decision for {person.name}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Decision for {person.name}")
    web.accessible("meeting-decision")
    page.get_by_label("Agency that owns action 1").select_option(label=CSWS_NAME)
    page.get_by_role("button", name="Record the decision").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Enter a real due date for action 1")
    web.accessible()

    page.get_by_label("What did the meeting decide?").fill("Safety plan agreed: NRM referral, diversionary activity.")
    first = page.get_by_role("group", name="Action 1")
    first.get_by_label("What will they do?").fill(overdue_action)
    first_due = first.get_by_role("group", name="Due date of action 1")
    first_due.get_by_label("Day").fill(str(yesterday.day))
    first_due.get_by_label("Month").fill(str(yesterday.month))
    first_due.get_by_label("Year").fill(str(yesterday.year))
    second = page.get_by_role("group", name="Action 2")
    second.get_by_label("Agency that owns action 2").select_option(label="Youth Justice Service")
    second.get_by_label("What will they do?").fill(later_action)
    second_due = second.get_by_role("group", name="Due date of action 2")
    second_due.get_by_label("Day").fill(str(next_week.day))
    second_due.get_by_label("Month").fill(str(next_week.month))
    second_due.get_by_label("Year").fill(str(next_week.year))
    page.get_by_role("button", name="Record the decision").click()

    expect(page.get_by_role("alert", name="Success")).to_contain_text("The decision and its actions are recorded.")
    actions = page.get_by_role("table", name=f"Actions for {person.name}")
    expect(actions.get_by_role("row").filter(has_text=overdue_action)).to_contain_text("Overdue")
    expect(actions.get_by_role("row").filter(has_text=later_action)).to_contain_text("Youth Justice Service")
    expect(page.get_by_role("link", name=f"Record decision for {person.name}")).to_have_count(0)  # off the agenda

    # The minutes; the meeting was held.
    page.get_by_role("radio", name="Held").check()
    page.get_by_label("Minutes").fill("Attended: CSWS, YJS. One young person discussed; safety plan agreed.")
    page.get_by_role("button", name="Save the meeting").click()
    expect(page.get_by_role("alert", name="Success")).to_contain_text("The meeting is saved.")
    expect(page.get_by_role("radio", name="Held")).to_be_checked()
    web.accessible("meeting-held")

    # What is overdue: per agency and per area, each leading to the actions.
    web.go("/meetings/overdue")
    expect(page.get_by_role("heading", level=1)).to_have_text("Overdue actions")
    by_agency = page.get_by_role("table", name="By owning agency")
    # A count links to the actions only when there are some.
    expect(by_agency.get_by_role("link", name=CSWS_NAME)).to_be_visible()
    by_area = page.get_by_role("table", name="By coordinator area")
    expect(by_area.get_by_role("link", name="Medway & Swale")).to_be_visible()
    web.accessible("actions-overdue")
    by_agency.get_by_role("link", name=CSWS_NAME).click()
    expect(page.get_by_role("table", name="Overdue actions").get_by_role("link", name=overdue_action)).to_be_visible()
    web.accessible("actions-coordinator")
    web.sign_out()

    # The partner agency: refused the meetings by the API, it lands on its own actions.
    web.sign_in(PARTNER)
    web.go("/meetings")
    expect(page).to_have_url(web.base + "/meetings/actions")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your agency's actions")
    page.get_by_role("checkbox", name="Only overdue actions").check()
    page.get_by_role("button", name="Show actions").click()
    expect(page.get_by_role("link", name=later_action)).to_have_count(0)  # Youth Justice's, not theirs
    web.accessible("actions-partner")
    page.get_by_role("link", name=overdue_action).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(overdue_action)
    web.accessible("action-partner")
    page.get_by_role("radio", name="Done").check()
    page.get_by_label("Note (optional)").fill("NRM submitted on 25 November.")
    page.get_by_role("button", name="Save the action").click()
    expect(page.get_by_role("alert", name="Success")).to_contain_text("The action is updated.")
    expect(page.get_by_text("NRM submitted on 25 November.")).to_be_visible()
    expect(page.get_by_role("radio", name="Done")).to_be_checked()
    web.accessible("action-partner-done")


def test_when_someone_else_updated_the_action_the_page_says_so_and_shows_it_as_it_stands(
    web: Web, gateway: httpx.Client
) -> None:
    person = young_person(gateway, "Sam")
    description = f"Arrange a return-to-school meeting for {person.family_name}."
    _, action_id = meeting_with_action(gateway, person, description)
    page = web.sign_in(COORDINATOR, then=f"/meetings/actions/{action_id}")
    expect(page.get_by_role("heading", level=1)).to_have_text(description)

    partner = password_token(gateway, PARTNER)
    current = gateway.get(f"/v1/actions/{action_id}", headers=auth(partner))
    ok(
        gateway.patch(
            f"/v1/actions/{action_id}",
            json={"status": "in_progress", "note": "Meeting booked for Monday."},
            headers={**auth(partner), "If-Match": current.headers["etag"]},
        )
    )
    page.get_by_role("radio", name="Cancelled").check()
    page.get_by_role("button", name="Save the action").click()
    expect(page.get_by_role("alert")).to_contain_text("Someone else changed this action after you opened it")
    expect(page.get_by_text("Meeting booked for Monday.")).to_be_visible()
    expect(page.get_by_role("radio", name="In progress")).to_be_checked()
    web.accessible("action-changed-meanwhile")


def test_a_director_reads_meetings_but_is_offered_no_changes(web: Web, gateway: httpx.Client) -> None:
    person = young_person(gateway, "Ola")
    meeting_id, _ = meeting_with_action(gateway, person, f"Mentoring for {person.family_name}.")
    page = web.sign_in("director@example.org", then=f"/meetings/{meeting_id}")
    expect(page.get_by_role("heading", level=1)).to_have_text(FORUM)
    expect(page.get_by_role("table", name=f"Actions for {person.name}")).to_be_visible()
    expect(page.get_by_role("button", name="Save the meeting")).to_have_count(0)
    web.go("/meetings")
    expect(page.get_by_role("link", name="Schedule a meeting")).to_have_count(0)
    web.accessible()
