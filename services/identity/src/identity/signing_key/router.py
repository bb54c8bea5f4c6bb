from fastapi import APIRouter, Depends, Request, Response, status

from identity.access import ADMIN
from identity.dependencies import Settings
from identity.signing_key import service
from identity.signing_key.dependencies import Kid
from identity.signing_key.models import SigningKey
from identity.signing_key.schemas import SigningKeyRead
from vru_shared.db import Session
from vru_shared.pagination import Page, Pagination, paginate
from vru_shared.problems import problem_responses

router = APIRouter(tags=["signing keys"], dependencies=[Depends(ADMIN)])


@router.post(
    "/v1/signing-keys",
    summary="Rotate the signing key",
    description="Create a new ES256 key that signs every token from now on. The previous key is retired but "
    "stays in the JWKS until the tokens it signed have expired (token lifetime + 5 minutes), so nothing in "
    "flight stops verifying. Admin only.",
    status_code=status.HTTP_201_CREATED,
    response_model=SigningKeyRead,
    responses=problem_responses(401, 403),
)
async def rotate_signing_key(session: Session, settings: Settings, response: Response) -> SigningKey:
    key = await service.rotate(
        session,
        passphrase=settings.key_passphrase.get_secret_value().encode(),
        token_ttl_seconds=settings.token_ttl_seconds,
    )
    response.headers["Location"] = f"/v1/signing-keys/{key.kid}"
    return key


@router.get(
    "/v1/signing-keys",
    summary="List signing keys",
    description="Every signing key, newest first, with its state. Never private material. Admin only.",
    response_model=Page[SigningKeyRead],
    responses=problem_responses(400, 401, 403, 422),
)
async def list_signing_keys(
    session: Session, page: Pagination, request: Request, response: Response
) -> Page[SigningKeyRead]:
    rows = await service.list_keys(session, page=page)
    return paginate(rows, page, lambda k: (k.created_at, k.kid), request, response)


@router.get(
    "/v1/signing-keys/{kid}",
    summary="Get a signing key",
    description="One signing key's state. Never private material. Admin only.",
    response_model=SigningKeyRead,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_signing_key(session: Session, kid: Kid) -> SigningKey:
    return await service.get(session, kid=kid)
