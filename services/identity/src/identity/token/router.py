from typing import Any

from fastapi import APIRouter, Response

from identity.dependencies import Hasher, Settings
from identity.signing_key import service as signing_keys
from identity.signing_key.dependencies import Ring
from identity.token import service
from identity.token.dependencies import BasicCredentials, Source, Throttle, TokenForm
from identity.token.schemas import JsonWebKeySet, OpenIdConfiguration, TokenResponse
from vru_shared.auth import public
from vru_shared.db import Session
from vru_shared.problems import PROBLEM_MEDIA_TYPE, PROBLEM_TYPE_BASE, problem_responses

router = APIRouter(tags=["tokens"], dependencies=[public()])

JWKS_CACHE_CONTROL = "public, max-age=300"


def _oauth_error(status: int, error: str, detail: str) -> dict[str, Any]:
    return {
        "type": PROBLEM_TYPE_BASE + error.replace("_", "-"),
        "title": "Client authentication failed" if status == 401 else "Bad Request",
        "status": status,
        "detail": detail,
        "error": error,
        "error_description": detail,
    }


TOKEN_ERRORS = problem_responses(400, 401, 422, 429, 503)
TOKEN_ERRORS[400]["content"][PROBLEM_MEDIA_TYPE]["examples"] = {
    "invalid_grant": {"value": _oauth_error(400, "invalid_grant", "The e-mail or password is not correct.")},
    "invalid_scope": {"value": _oauth_error(400, "invalid_scope", "The client may not ask for: grants:approve.")},
    "unsupported_grant_type": {
        "value": _oauth_error(400, "unsupported_grant_type", "This grant_type is not supported here.")
    },
}
TOKEN_ERRORS[400]["description"] = "An RFC 6749 error; its code is in the problem's `error` member."
TOKEN_ERRORS[401]["content"][PROBLEM_MEDIA_TYPE]["example"] = _oauth_error(
    401, "invalid_client", "Client authentication failed: unknown client or wrong secret."
)
TOKEN_ERRORS[401]["description"] = (
    "`invalid_client`: unknown client, wrong secret or deactivated client — also when a password grant "
    "sends client credentials that are wrong."
)
TOKEN_ERRORS[429]["description"] = (
    "`too-many-attempts`: more login attempts at once from one address on one account than allowed; "
    "retry after `Retry-After` seconds."
)
TOKEN_ERRORS[429]["content"][PROBLEM_MEDIA_TYPE]["example"] = {
    "type": PROBLEM_TYPE_BASE + "too-many-attempts",
    "title": "Too many login attempts",
    "status": 429,
    "detail": "Too many login attempts at once for this account from here; retry later.",
    "error": "invalid_request",
    "error_description": "Too many login attempts at once for this account from here; retry later.",
}
TOKEN_ERRORS[503]["description"] = (
    "More logins at once than the service checks (or the database is unavailable); retry after `Retry-After`."
)


@router.post(
    "/oauth/token",
    summary="Get an access token",
    description="""OAuth 2.0 token endpoint (RFC 6749), `application/x-www-form-urlencoded`.

* **Client credentials** (`grant_type=client_credentials`) for systems: authenticate with HTTP Basic
  (`client_id:client_secret`) or the `client_id` and `client_secret` form fields. An optional `scope`
  narrows the token to a subset of the client's scopes.
* **Password** (`grant_type=password`, `username` = e-mail, `password`) for people, where enabled.
  Client credentials are optional here; when sent, they must be right (else 401 `invalid_client`).
  A wrong password and an unknown e-mail get the same answer. Failures are throttled per account and
  address, never by locking the account: each failure answers after a doubling delay (at most 4 s), and
  more than 4 attempts at once from one address on one account are refused with 429 + `Retry-After`.
  The right password is never delayed.
* Overload: more logins at once than the service can check are refused at once with 503 + `Retry-After`.

The answer is an ES256 JWT valid for 15 minutes (`expires_in`). There is no refresh token: ask again.
Errors are RFC 9457 problems with the RFC 6749 code in `error`.""",
    response_model=TokenResponse,
    responses=TOKEN_ERRORS,
    # HTTP Basic is one way for a client to log in; the password grant and the form fields need none.
    openapi_extra={"security": [{"ClientBasic": []}, {}]},
)
async def token(
    session: Session,
    settings: Settings,
    hasher: Hasher,
    ring: Ring,
    form: TokenForm,
    basic: BasicCredentials,
    throttle: Throttle,
    source: Source,
    response: Response,
) -> TokenResponse:
    issued = await service.issue(
        session, form=form, basic=basic, source=source, settings=settings, hasher=hasher, throttle=throttle, ring=ring
    )
    response.headers["Cache-Control"] = "no-store"
    response.headers["Pragma"] = "no-cache"
    return issued


@router.get(
    "/.well-known/jwks.json",
    summary="Token verification keys (JWKS)",
    description="The public keys that verify access tokens (RFC 7517): the active key and retired keys whose "
    "tokens may still be valid. Match a token's `kid` header; refetch when you meet an unknown `kid`. "
    f"Cacheable (`Cache-Control: {JWKS_CACHE_CONTROL}`).",
    response_model=JsonWebKeySet,
    responses=problem_responses(503),
)
async def jwks(session: Session, response: Response) -> JsonWebKeySet:
    keys = await signing_keys.published_jwks(session)
    response.headers["Cache-Control"] = JWKS_CACHE_CONTROL
    return JsonWebKeySet.model_validate({"keys": keys})


@router.get(
    "/.well-known/openid-configuration",
    summary="Issuer metadata",
    description="Discovery metadata for this token issuer: issuer, JWKS and token endpoint URLs, supported grant "
    "types and algorithms.",
    response_model=OpenIdConfiguration,
)
async def openid_configuration(settings: Settings, response: Response) -> OpenIdConfiguration:
    response.headers["Cache-Control"] = JWKS_CACHE_CONTROL
    return service.openid_configuration(settings)
