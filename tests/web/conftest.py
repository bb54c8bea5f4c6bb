"""The front end in a real browser: Playwright (pinned) driving Debian's chromium, against the session's running
platform through the gateway. Every test here is marked ``browser`` (a stage of its own in ``vru test``).

A missing browser fails the run; it is never skipped (``vru test`` installs chromium first where it can).
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe  # type: ignore[import-untyped]
from playwright.sync_api import Browser, BrowserContext, Page, Request, expect, sync_playwright

from vru_dev.platform import Platform

DEV_PASSWORD = "vru-dev-password"
ROOT = Path(__file__).resolve().parents[2]
#: Written by the tests, listed in docs/web.md.
SCREENSHOTS = ROOT / "docs" / "web" / "screenshots"
#: WCAG 2.2 AA (the Public Sector Bodies Accessibility Regulations), as axe-core tags its rules.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if Path(str(item.fspath)).is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.browser)


def chromium_executable() -> str:
    for candidate in (os.environ.get("VRU_CHROMIUM"), shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and Path(candidate).exists():
            return candidate
    pytest.fail("no chromium: install Debian's (apt-get install chromium) or set VRU_CHROMIUM; vru test does it")


@pytest.fixture(scope="module")
def browser(platform: Platform) -> Iterator[Browser]:
    """After the platform (its start uses asyncio.run, which cannot run inside Playwright's own loop), and one
    per module: while Playwright's sync API is open its event loop counts as running in this thread, so a
    later test's ``asyncio.run`` would fail."""
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium_executable(), args=["--no-sandbox"])
        try:
            yield launched
        finally:
            launched.close()


@dataclass
class Web:
    """One person's browser tab on the platform, recording every request the page makes."""

    platform: Platform
    context: BrowserContext
    page: Page
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    @property
    def base(self) -> str:
        return self.platform.config.gateway_url

    def go(self, path: str) -> Page:
        self.page.goto(self.base + path)
        return self.page

    def sign_in(self, email: str, password: str = DEV_PASSWORD, then: str = "/") -> Page:
        self.go("/sign-in?next=" + then)
        self.page.get_by_label("Email address").fill(email)
        self.page.get_by_label("Password", exact=True).fill(password)
        self.page.get_by_role("button", name="Sign in").click()
        expect(self.page).to_have_url(re.compile(re.escape(self.base + then) + r"(\?.*)?$"))
        return self.page

    def sign_out(self) -> None:
        self.page.get_by_role("button", name="Sign out").click()
        expect(self.page).to_have_url(re.compile(r"/sign-in\?signed_out=1$"))

    def accessible(self, name: str | None = None) -> None:
        """axe-core over the page: no serious or critical WCAG 2.2 AA violation (and a screenshot if named)."""
        results = Axe().run(self.page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        bad = [v for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]
        assert not bad, results.generate_report()
        if name:
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            self.page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)

    def only_the_platform_was_contacted(self) -> None:
        foreign = [url for url in self.requests if not url.startswith(self.base + "/") and not url.startswith("data:")]
        assert not foreign, foreign


@pytest.fixture
def web(platform: Platform, browser: Browser) -> Iterator[Web]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    tab = Web(platform, context, page)

    def on_request(request: Request) -> None:
        tab.requests.append(request.url)

    def on_console(message: Any) -> None:
        if message.type == "error":
            tab.console_errors.append(message.text)

    page.on("request", on_request)
    page.on("console", on_console)
    try:
        yield tab
    finally:
        context.close()
    tab.only_the_platform_was_contacted()
    # A CSP refusal (an inline script or style, another origin) shows as a console error.
    assert not [e for e in tab.console_errors if "Content Security Policy" in e], tab.console_errors
