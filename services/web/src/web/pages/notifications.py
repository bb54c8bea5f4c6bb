"""A person's e-mail and SMS notices (``/v1/notification-preferences/me``): per kind of notice their roles receive,
e-mail on or off and SMS on or off, and the mobile number texts go to."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from web.api import ApiProblem
from web.dependencies import Form, Person, PersonApi
from web.form_input import text
from web.rendering import render
from web.session.service import SignedIn

router = APIRouter(include_in_schema=False)

PATH = "/v1/notification-preferences/me"


def _page(
    request: Request,
    person: SignedIn,
    preferences: dict[str, Any],
    *,
    errors: dict[str, str] | None = None,
    saved: bool = False,
    status: int = 200,
) -> HTMLResponse:
    return render(
        request,
        "notifications/preferences.html",
        person=person,
        preferences=preferences,
        errors=errors or {},
        saved=saved,
        status_code=status,
    )


@router.get("/notifications")
async def preferences_page(request: Request, person: Person, api: PersonApi, saved: str | None = None) -> HTMLResponse:
    return _page(request, person, await api.get(PATH), saved=saved == "1")


@router.post("/notifications")
async def save_preferences(request: Request, person: Person, api: PersonApi, form: Form) -> Response:
    current = await api.get(PATH)
    email = set(form.getlist("email"))
    sms = set(form.getlist("sms"))
    body = {
        "mobile_number": text(form, "mobile_number") or None,
        "kinds": [{"kind": k["kind"], "email": k["kind"] in email, "sms": k["kind"] in sms} for k in current["kinds"]],
    }
    try:
        await api.put(PATH, body)
    except ApiProblem as problem:
        if problem.status != 422:
            raise
        if problem.slug == "mobile-number-required":
            errors = {"mobile_number": "Enter a mobile number to get text messages, or untick them"}
        elif "mobile_number" in problem.field_errors():
            errors = {"mobile_number": "Enter a UK mobile number, like 07700 900 982"}
        else:
            errors = {"email": problem.detail}
        shown = current | {
            "mobile_number": body["mobile_number"],
            "kinds": [k | {"email": k["kind"] in email, "sms": k["kind"] in sms} for k in current["kinds"]],
        }
        return _page(request, person, shown, errors=errors, status=400)
    return RedirectResponse("/notifications?saved=1", status_code=303)
