from fastapi import APIRouter, Depends, Request, Response, status

from identity.access import ADMIN
from identity.client import service
from identity.client.dependencies import ActiveFilter, AgencyFilter, ClientUuid
from identity.client.models import ApiClient
from identity.client.schemas import (
    ApiClientCreate,
    ApiClientCreated,
    ApiClientRead,
    ApiClientUpdate,
    ClientSecretIssued,
)
from identity.dependencies import Hasher
from vru_shared.db import Session
from vru_shared.etag import IfMatch, set_etag
from vru_shared.pagination import Page, Pagination, paginate
from vru_shared.problems import problem_responses

router = APIRouter(tags=["API clients"], dependencies=[Depends(ADMIN)])

NOT_REPLAYED = (
    " The response holds a secret, which is never stored: `Idempotency-Key` is not honoured here "
    "(a retried create answers 409; read the client and rotate its secret instead)."
)


@router.post(
    "/v1/clients",
    summary="Register an API client",
    description="Register a system that calls the API with OAuth2 client credentials. The response carries the "
    "client secret: it is shown this once and only its argon2id hash is kept. Admin only." + NOT_REPLAYED,
    status_code=status.HTTP_201_CREATED,
    response_model=ApiClientCreated,
    responses=problem_responses(401, 403, 409, 422),
)
async def create_client(
    session: Session, hasher: Hasher, data: ApiClientCreate, response: Response
) -> ApiClientCreated:
    created = await service.create(session, data=data, hasher=hasher)
    response.headers["Location"] = f"/v1/clients/{created.id}"
    response.headers["Cache-Control"] = "no-store"
    set_etag(response, created.version)
    return created


@router.get(
    "/v1/clients",
    summary="List API clients",
    description="API clients ordered by `client_id`, optionally by agency or active flag. Admin only.",
    response_model=Page[ApiClientRead],
    responses=problem_responses(400, 401, 403, 422),
)
async def list_clients(
    session: Session,
    page: Pagination,
    request: Request,
    response: Response,
    agency_id: AgencyFilter = None,
    active: ActiveFilter = None,
) -> Page[ApiClientRead]:
    rows = await service.list_clients(session, page=page, agency_id=agency_id, active=active)
    return paginate(rows, page, lambda c: (c.client_id,), request, response)


@router.get(
    "/v1/clients/{client_uuid}",
    summary="Get an API client",
    description="One API client (never its secret), with the `ETag` for a later PATCH. Admin only.",
    response_model=ApiClientRead,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_client(session: Session, client_uuid: ClientUuid, response: Response) -> ApiClient:
    client = await service.get(session, client_uuid=client_uuid)
    set_etag(response, client.version)
    return client


@router.patch(
    "/v1/clients/{client_uuid}",
    summary="Change an API client",
    description="Change the name, agency, roles, districts, scopes or active flag. A deactivated client cannot "
    "get new tokens. Deactivating, or changing the agency, roles, districts or scopes, revokes the client's tokens "
    "issued so far: every service refuses them (401 `token-revoked`) within its revocation poll interval "
    "(`GET /v1/revocations`). Send `If-Match` (428 without, 412 when stale). Admin only.",
    response_model=ApiClientRead,
    responses=problem_responses(401, 403, 404, 412, 422, 428),
)
async def update_client(
    session: Session, client_uuid: ClientUuid, data: ApiClientUpdate, response: Response, if_match: IfMatch = None
) -> ApiClient:
    client = await service.update(session, client_uuid=client_uuid, data=data, if_match=if_match)
    set_etag(response, client.version)
    return client


@router.post(
    "/v1/clients/{client_uuid}/secret",
    summary="Rotate an API client's secret",
    description="Issue a new secret, shown this once; the old secret stops working immediately, and the tokens "
    "issued with it are revoked: every service refuses them (401 `token-revoked`) within its revocation poll "
    "interval (`GET /v1/revocations`). Admin only." + NOT_REPLAYED,
    response_model=ClientSecretIssued,
    responses=problem_responses(401, 403, 404, 422),
)
async def rotate_secret(
    session: Session, hasher: Hasher, client_uuid: ClientUuid, response: Response
) -> ClientSecretIssued:
    issued = await service.rotate_secret(session, client_uuid=client_uuid, hasher=hasher)
    response.headers["Cache-Control"] = "no-store"
    return issued
