"""A person's notification settings: e-mail and text messages per kind of notice their roles receive (GOV.UK
Frontend checkboxes), a mobile number for texts, the API's refusal shown on the field."""

from __future__ import annotations

import httpx
from playwright.sync_api import expect

from tests.conftest import auth, password_token
from tests.web.conftest import Web

GUARDIAN = "guardian@example.org"


def test_a_guardian_chooses_texts_for_a_pack_used(web: Web, gateway: httpx.Client) -> None:
    page = web.sign_in(GUARDIAN)
    page.get_by_role("link", name="Notification settings").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Notification settings")
    email = page.get_by_role("group", name="E-mail me when")
    expect(email.get_by_label("Trauma pack used")).to_be_checked()
    web.accessible("notification-settings")

    texts = page.get_by_role("group", name="Text me when")
    texts.get_by_label("Trauma pack used").check()
    email.get_by_label("Pack site check overdue").uncheck()
    page.get_by_role("button", name="Save settings").click()
    expect(page.get_by_role("link", name="Enter a mobile number to get text messages, or untick them")).to_be_visible()
    expect(page.get_by_role("group", name="Text me when").get_by_label("Trauma pack used")).to_be_checked()
    web.accessible()

    page.get_by_label("Mobile number for text messages (optional)").fill("07700 900 982")
    page.get_by_role("button", name="Save settings").click()
    expect(page.get_by_text("Your notification settings were saved.")).to_be_visible()

    saved = gateway.get("/v1/notification-preferences/me", headers=auth(password_token(gateway, GUARDIAN)))
    assert saved.status_code == 200, saved.text
    body = saved.json()
    assert body["mobile_number"] == "07700900982"
    kinds = {k["kind"]: (k["email"], k["sms"]) for k in body["kinds"]}
    assert kinds == {"pack.used": (True, True), "pack.expiring": (True, False), "pack.check_overdue": (False, False)}
