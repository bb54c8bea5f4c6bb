from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from identity.portal.service import MergedDocs
from vru_shared.auth import public

router = APIRouter(tags=["API docs"], dependencies=[public()])


@router.get(
    "/openapi.json",
    summary="The whole API's OpenAPI document",
    description="One OpenAPI 3.1 document for every service behind the gateway (identity, referrals, funding, "
    "ETP inventory, notifications). A service that is down is left out and named in `info.x-unavailable`. "
    "The interactive docs page (`/docs`) is the front end's (services/web), with its own copy of Swagger UI.",
    include_in_schema=False,
)
async def merged_openapi(request: Request) -> JSONResponse:
    docs: MergedDocs = request.app.state.merged_docs
    document: dict[str, Any] = await docs.document(request.app.state.http)
    return JSONResponse(document, headers={"Cache-Control": "public, max-age=60"})
