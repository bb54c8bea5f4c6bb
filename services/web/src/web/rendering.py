"""Pages: Jinja2 with the GOV.UK Frontend macros (govuk-frontend-jinja), and the page-level errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, PrefixLoader, select_autoescape

from web.formats import uk_date, uk_datetime
from web.navigation import sections_for
from web.session.service import SignedIn

TEMPLATES = Path(__file__).parent / "templates"

environment = Environment(
    loader=ChoiceLoader(
        [
            FileSystemLoader(TEMPLATES),
            PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")}),
        ]
    ),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)


def error_list(errors: dict[str, str]) -> list[dict[str, str]]:
    """The error summary's links: each to the field it is about."""
    return [{"text": message, "href": f"#{field}"} for field, message in errors.items()]


environment.globals.update(nav_sections=sections_for, error_list=error_list)
environment.filters.update(uk_date=uk_date, uk_datetime=uk_datetime)


class SignInRequired(Exception):
    """No live session: the page sends the person to sign in, and back afterwards."""


def render(
    request: Request,
    template: str,
    *,
    person: SignedIn | None = None,
    status_code: int = 200,
    headers: dict[str, str] | None = None,
    **context: Any,
) -> HTMLResponse:
    html = environment.get_template(template).render(
        request=request,
        person=person,
        path=request.url.path,
        idle_minutes=request.app.state.settings.session_idle_minutes,
        **context,
    )
    return HTMLResponse(html, status_code=status_code, headers=headers)
