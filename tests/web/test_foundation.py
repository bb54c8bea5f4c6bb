"""Signing in and out, sessions, CSRF, the content security policy and accessibility of the frame every page
shares."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import yaml
from playwright.sync_api import expect
from web.main import CONTENT_SECURITY_POLICY

from tests.web.conftest import ROOT, Web

#: Each development person's sections (web.navigation): the API decides, the page only offers what it allows.
SECTIONS = {
    "analyst@example.org": [
        "Crime reports",
        "Possible duplicates",
        "Reviews",
        "Young people",
        "Referrals",
        "Meetings and actions",
    ],
    "coordinator.medway-swale@example.org": ["Reviews", "Young people", "Referrals", "Meetings and actions"],
    "partner@example.org": ["Referrals", "Meetings and actions"],
    "programme.officer@example.org": ["Funding", "Trauma packs"],
    "csp.medway@example.org": ["Trauma packs"],
    "guardian@example.org": ["Trauma packs"],
    "auditor@example.org": ["Audit log"],
}


def test_signing_in_and_out(web: Web) -> None:
    page = web.go("/")
    expect(page).to_have_url(re.compile(r"/sign-in\?next=/$"))
    web.accessible("sign-in")

    page.get_by_label("Email address").fill("coordinator.medway-swale@example.org")
    page.get_by_label("Password", exact=True).fill("not-the-password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_contain_text("The email address or password is not correct")
    expect(page).to_have_title(re.compile(r"^Error: Sign in"))
    web.accessible("sign-in-error")

    web.sign_in("coordinator.medway-swale@example.org")
    expect(page.get_by_role("heading", level=1)).to_have_text("What do you need to do?")
    expect(page.get_by_text("Signed in as")).to_contain_text("Development coordinator, Medway & Swale")
    web.accessible("home-coordinator")

    [cookie] = [c for c in web.context.cookies() if c["name"] == "vru_session"]
    assert cookie["httpOnly"] is True
    assert cookie["sameSite"] == "Lax"
    assert cookie["path"] == "/"
    assert "." not in cookie["value"]  # an opaque id, not a JWT
    assert "eyJ" not in page.content()  # no token anywhere in the page

    web.sign_out()
    expect(page.get_by_role("alert", name="Success")).to_contain_text("You have signed out")
    web.go("/")
    expect(page).to_have_url(re.compile(r"/sign-in\?next=/$"))


def test_each_role_is_offered_only_its_sections(web: Web) -> None:
    for email, sections in SECTIONS.items():
        page = web.sign_in(email)
        navigation = page.get_by_role("navigation", name="Sections")
        assert navigation.get_by_role("link").all_inner_texts() == sections, email
        web.sign_out()


def test_after_signing_in_the_person_lands_where_they_were_going_but_never_elsewhere(web: Web) -> None:
    web.sign_in("auditor@example.org", then="/accessibility")
    web.sign_out()
    for target in ("//evil.example/", "https://evil.example/", "/\\evil.example"):
        web.go("/sign-in?next=" + target)
        web.page.get_by_label("Email address").fill("auditor@example.org")
        web.page.get_by_label("Password", exact=True).fill("vru-dev-password")
        web.page.get_by_role("button", name="Sign in").click()
        expect(web.page).to_have_url(web.base + "/")
        web.sign_out()


def test_a_form_without_the_sessions_csrf_token_changes_nothing(web: Web) -> None:
    web.sign_in("analyst@example.org")
    refused = web.page.request.post(web.base + "/sign-out", form={"csrf_token": "forged"})
    assert refused.status == 403
    assert "The form has expired" in refused.text()
    # From another origin, even with the token (read from a page the attacker cannot read anyway).
    token = web.page.locator("input[name=csrf_token]").first.get_attribute("value")
    assert token
    other = web.page.request.post(
        web.base + "/sign-out", form={"csrf_token": token}, headers={"Origin": "https://evil.example"}
    )
    assert other.status == 403
    web.go("/")
    expect(web.page.get_by_role("heading", level=1)).to_have_text("What do you need to do?")  # still signed in


def test_pages_carry_the_content_security_policy_through_the_gateway(web: Web) -> None:
    response = httpx.get(web.base + "/sign-in")
    assert response.status_code == 200
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert response.headers["referrer-policy"] == "same-origin"
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["cache-control"] == "no-store"
    assert response.headers["x-request-id"]
    middlewares = (ROOT / "services/gateway/dynamic/middlewares.yml").read_text()
    gateway_csp = re.search(r"csp-web:\n\s+headers:\n\s+contentSecurityPolicy: \"(.*)\"", middlewares)
    assert gateway_csp is not None
    assert gateway_csp.group(1) == CONTENT_SECURITY_POLICY
    assert "'unsafe-inline'" not in CONTENT_SECURITY_POLICY
    assert "http" not in CONTENT_SECURITY_POLICY  # no other origin


def test_unknown_pages_are_a_page_and_unknown_api_paths_a_problem(web: Web) -> None:
    response = web.page.goto(web.base + "/no-such-page")
    assert response is not None
    assert response.status == 404
    expect(web.page.get_by_role("heading", level=1)).to_have_text("Page not found")
    web.accessible()
    api = httpx.get(web.base + "/v1/no-such-thing")
    assert api.status_code == 404
    assert api.headers["content-type"].startswith("application/problem+json")


def test_the_accessibility_statement_is_public(web: Web) -> None:
    web.go("/accessibility")
    expect(web.page.get_by_role("heading", level=1)).to_have_text("Accessibility statement")
    web.accessible("accessibility-statement")


def test_the_gateway_routes_the_front_end_from_the_same_list_as_compose() -> None:
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    assert compose["services"]["gateway"]["environment"]["VRU_WEB_URL"] == "http://web:8000"
    assert compose["services"]["web"]["command"][:2] == ["uvicorn", "web.main:create_app"]
    assert Path(ROOT / "services/web/package-lock.json").is_file()
