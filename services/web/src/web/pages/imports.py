"""Journey 1, the analyst: upload the day's crime-report CSV and see what it did (``POST
/v1/imports/incidents.csv``): created, updated, unchanged, screened in, and each rejected row with its reason."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from starlette.datastructures import UploadFile

from web.api import ApiProblem
from web.dependencies import Form, Person, PersonApi
from web.navigation import SECTIONS
from web.rendering import render
from web.session.service import SignedIn

router = APIRouter(include_in_schema=False)

#: The columns of the police's export (docs/referrals.md, "CSV"), shown on the upload page.
REQUIRED_COLUMNS = ("crime_reference", "occurred_at", "district", "category", "role", "given_name", "family_name")
OPTIONAL_COLUMNS = (
    "weapon_knife",
    "weapon_firearm",
    "location",
    "police_person_id",
    "date_of_birth",
    "age",
    "home_district",
)
#: A file larger than this is refused here, before it is sent on (the API and the gateway have their own limits).
MAX_FILE_BYTES = 32 * 1024 * 1024
#: Why the API refused a whole file, in words for the person who chose it.
FILE_PROBLEMS = {
    413: "The file is too large: send the day in several files of at most 10,000 rows",
    415: "The file must be a CSV file",
}


def _upload_page(
    request: Request, person: SignedIn, *, errors: dict[str, str] | None = None, status: int = 200
) -> HTMLResponse:
    return render(
        request,
        "imports/upload.html",
        person=person,
        errors=errors or {},
        status_code=status,
        required_columns=REQUIRED_COLUMNS,
        optional_columns=OPTIONAL_COLUMNS,
    )


#: Who may import (the API's rule, as the start page offers the section): no one else is shown the form.
IMPORTERS = next(section.roles for section in SECTIONS if section.href == "/imports")


@router.get("/imports")
async def upload_page(request: Request, person: Person) -> HTMLResponse:
    if not person.has_role(*IMPORTERS):
        return render(request, "errors/forbidden.html", person=person, status_code=403)
    return _upload_page(request, person)


async def _file_of(form: Any) -> tuple[str, bytes] | str:
    """The chosen file's name and bytes, or why there is none to send."""
    upload = form.get("file")
    if not isinstance(upload, UploadFile) or not upload.filename:
        return "Select the crime-report CSV file"
    content = await upload.read(MAX_FILE_BYTES + 1)
    if len(content) > MAX_FILE_BYTES:
        return FILE_PROBLEMS[413]
    if not content.strip():
        return "The selected file is empty"
    return upload.filename, content


@router.post("/imports")
async def upload(request: Request, person: Person, api: PersonApi, form: Form) -> HTMLResponse:
    chosen = await _file_of(form)
    if isinstance(chosen, str):
        return _upload_page(request, person, errors={"file": chosen}, status=400)
    filename, content = chosen
    try:
        response = await api.call(
            "POST", "/v1/imports/incidents.csv", content=content, headers={"Content-Type": "text/csv"}
        )
    except ApiProblem as problem:
        if problem.status not in (413, 415, 422):
            raise
        message = FILE_PROBLEMS.get(problem.status) or f"The file could not be read: {problem.detail}"
        return _upload_page(request, person, errors={"file": message}, status=problem.status)
    return render(request, "imports/result.html", person=person, filename=filename, result=response.json())
