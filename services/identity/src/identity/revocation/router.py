from typing import Annotated

from fastapi import APIRouter, Depends, Header, Response

from identity.access import SERVICES
from identity.revocation import service
from vru_shared.db import Session
from vru_shared.problems import problem_responses
from vru_shared.revocation import RevocationList

router = APIRouter(tags=["tokens"], dependencies=[Depends(SERVICES)])

IfNoneMatch = Annotated[
    str | None,
    Header(
        max_length=512,
        description="The `ETag` of the list you hold: 304 with no body while it is still current.",
        examples=['"9f86d081884c7d659a2feaa0c55ad015"'],
    ),
]

RESPONSES = problem_responses(401, 403) | {
    304: {"description": "Not modified: the list is still the one whose `ETag` was sent in `If-None-Match`."}
}


@router.get(
    "/v1/revocations",
    summary="Token revocations",
    description="""The subjects whose earlier access tokens no longer count, for the platform's services, which poll
it (every `revocation_poll_seconds`, 15 s by default) and refuse a listed subject's token issued (`iat`) at or before
its `not_before` with 401 `token-revoked`.

A subject is listed when an administrator deactivates the person or API client, changes their roles, districts,
agency or scopes, sets the person's password, or rotates the client's secret; it stays listed until every token that
entry can refuse has expired (`retention_seconds`), so the list stays small. New tokens are issued after
`not_before`: reactivating an account (or logging in with its new roles) gives tokens that work.

Send the `ETag` of the list you hold in `If-None-Match`: 304 while nothing changed. The `service` role only.""",
    response_model=RevocationList,
    responses=RESPONSES,
)
async def list_revocations(session: Session, response: Response, if_none_match: IfNoneMatch = None) -> Response:
    document = await service.current(session)
    tag = service.etag(document)
    if if_none_match is not None and tag in (value.strip() for value in if_none_match.split(",")):
        return Response(status_code=304, headers={"ETag": tag})
    return Response(
        content=document.model_dump_json(),
        media_type="application/json",
        headers={"ETag": tag},
    )
