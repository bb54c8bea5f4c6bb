"""Finding a young person (name, date of birth, police person id, crime reference) and a young person's page."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from web.api import ApiProblem
from web.casework import place_names, works_casework
from web.dependencies import Person, PersonApi
from web.rendering import render

router = APIRouter(include_in_schema=False)

#: Results shown at once: a search that finds more asks for more detail.
RESULTS_LIMIT = 50
Text = Annotated[str, Query(max_length=100)]


def _date_of_birth(day: str, month: str, year: str) -> tuple[str | None, str | None]:
    """(``YYYY-MM-DD`` or None, an error message or None) from the date input's three fields."""
    if not (day or month or year):
        return None, None
    if not (day and month and year):
        return None, "Date of birth must include a day, month and year"
    try:
        born = date(int(year), int(month), int(day))
    except ValueError:
        return None, "Date of birth must be a real date"
    if born > date.today() or born.year < 1900:
        return None, "Date of birth must be a real date in the past"
    return born.isoformat(), None


@router.get("/young-people")
async def find_young_people(
    request: Request,
    person: Person,
    api: PersonApi,
    q: Text = "",
    dob_day: Annotated[str, Query(alias="dob-day", max_length=2)] = "",
    dob_month: Annotated[str, Query(alias="dob-month", max_length=2)] = "",
    dob_year: Annotated[str, Query(alias="dob-year", max_length=4)] = "",
    police_person_id: Text = "",
    crime_reference: Text = "",
) -> HTMLResponse:
    given = {
        "q": q.strip(),
        "dob-day": dob_day.strip(),
        "dob-month": dob_month.strip(),
        "dob-year": dob_year.strip(),
        "police_person_id": police_person_id.strip(),
        "crime_reference": crime_reference.strip(),
    }
    errors: dict[str, str] = {}
    born, date_error = _date_of_birth(given["dob-day"], given["dob-month"], given["dob-year"])
    if date_error:
        errors["dob-day"] = date_error
    if given["q"] and len(given["q"]) < 2:
        errors["q"] = "Enter at least 2 letters of the name"
    searched = any(given.values())
    results: list[dict[str, Any]] | None = None
    more = False
    if searched and not errors:
        try:
            found = await api.get(
                "/v1/subjects",
                q=given["q"],
                date_of_birth=born,
                police_person_id=given["police_person_id"],
                crime_reference=given["crime_reference"],
                limit=RESULTS_LIMIT,
            )
        except ApiProblem as problem:
            if problem.status != 422:
                raise
            fields = {"date_of_birth": "dob-day"}
            errors = {fields.get(k, k): v for k, v in problem.field_errors().items()}
        else:
            results, more = found["items"], bool(found["next_cursor"])
    return render(
        request,
        "young_people/search.html",
        person=person,
        errors=errors,
        form=given,
        results=results,
        more=more,
        limit=RESULTS_LIMIT,
    )


@router.get("/young-people/{subject_id}")
async def young_person(request: Request, person: Person, api: PersonApi, subject_id: UUID) -> HTMLResponse:
    subject = await api.get(f"/v1/subjects/{subject_id}")
    return render(
        request,
        "young_people/young_person.html",
        person=person,
        subject=subject,
        may_refer=works_casework(person) and subject["merged_into_id"] is None,
        places=await place_names(api),
    )
