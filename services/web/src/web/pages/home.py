"""The start page: what this person can do here, by role (the API decides what each page then shows)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from web.dependencies import Person
from web.navigation import sections_for
from web.rendering import render

router = APIRouter(include_in_schema=False)


@router.get("/")
async def home(request: Request, person: Person) -> HTMLResponse:
    return render(request, "home.html", person=person, sections=sections_for(person))
