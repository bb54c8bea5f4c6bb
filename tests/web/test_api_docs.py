"""The API docs page works on a network that reaches no CDN: Swagger UI comes from the platform itself."""

from __future__ import annotations

import re
import time

import httpx
from playwright.sync_api import expect
from web.pages.api_docs import DOCS_CONTENT_SECURITY_POLICY

from tests.web.conftest import Web


def complete(base: str) -> None:
    """Identity merges the services' documents and leaves out one that does not answer in time (a busy test
    machine): wait until every service is in, as a person would reload."""
    deadline = time.monotonic() + 60
    while httpx.get(base + "/openapi.json", timeout=30).json()["info"].get("x-unavailable"):
        assert time.monotonic() < deadline, "the merged OpenAPI document stays partial"
        time.sleep(2)


def test_the_api_docs_render_from_the_platform_alone(web: Web) -> None:
    """Every request the page makes is to the platform (the fixture checks it at teardown), and the whole
    API's operations are listed: an integrator on a locked-down network sees the docs, not a blank page."""
    complete(web.base)
    response = web.page.goto(web.base + "/docs")
    assert response is not None
    assert response.status == 200
    assert response.headers["content-security-policy"] == DOCS_CONTENT_SECURITY_POLICY
    page = web.page
    expect(page.get_by_role("heading", level=1, name=re.compile(r"^VRU Platform API"))).to_be_visible(timeout=15_000)
    # Swagger UI renders only what is in view; its filter box finds each service's operations.
    search = page.get_by_placeholder(re.compile("filter", re.I))
    for tag in ("agencies", "referrals", "grants", "packs"):
        search.fill(tag)
        expect(page.locator(f'h3.opblock-tag[data-tag="{tag}"]')).to_be_visible(timeout=30_000)
    search.fill("reference data")
    page.locator(".opblock-summary-path", has_text="/v1/districts").first.click()
    expect(page.get_by_role("button", name="Try it out").first).to_be_visible()
    assert any(url.endswith("/openapi.json") for url in web.requests)
    assert any("/static/swagger-ui/swagger-ui-bundle.js" in url for url in web.requests)
