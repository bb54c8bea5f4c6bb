"""The start page: what this person can do here, by role (the API decides what each page then shows)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from web.casework import overdue_reviews
from web.dependencies import MaybePerson, Person, PersonApi
from web.navigation import sections_for
from web.rendering import render

router = APIRouter(include_in_schema=False)


@router.get("/")
async def home(request: Request, person: Person, api: PersonApi) -> HTMLResponse:
    return render(
        request,
        "home.html",
        person=person,
        sections=sections_for(person),
        overdue=await overdue_reviews(api, person),
    )


@router.get("/accessibility")
async def accessibility(request: Request, person: MaybePerson) -> HTMLResponse:
    """The accessibility statement (the Public Sector Bodies Accessibility Regulations 2018): public."""
    return render(request, "accessibility.html", person=person)
