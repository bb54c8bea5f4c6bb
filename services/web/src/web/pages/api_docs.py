"""The API's interactive docs: Swagger UI for the whole API's OpenAPI document (identity's ``/openapi.json``),
served from this service's own copy of ``swagger-ui-dist`` — it works on a network that reaches no CDN."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from web.rendering import render

router = APIRouter(include_in_schema=False)

#: Swagger UI sets style attributes as it renders (React), so this page alone allows inline styles; scripts
#: stay this origin's files only, and nothing comes from another origin.
DOCS_CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)


@router.get("/docs")
async def api_docs(request: Request) -> HTMLResponse:
    return render(request, "api_docs.html", headers={"Content-Security-Policy": DOCS_CONTENT_SECURITY_POLICY})
