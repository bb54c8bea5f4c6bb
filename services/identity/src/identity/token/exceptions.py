"""OAuth 2.0 errors (RFC 6749 §5.2) as RFC 9457 problems: the platform's one error format, with the RFC 6749
code in an extra ``error`` member (and ``error_description``) so OAuth client libraries understand them."""

from typing import Any, ClassVar

from vru_shared.problems import ProblemError


class OAuthError(ProblemError):
    error: ClassVar[str] = "invalid_request"

    def __init__(self, detail: str, **kwargs: Any) -> None:
        extra = {"error": self.error, "error_description": detail, **kwargs.pop("extra", {})}
        headers = {"Cache-Control": "no-store", **kwargs.pop("headers", {})}
        super().__init__(detail, extra=extra, headers=headers, **kwargs)


class InvalidRequest(OAuthError):
    status, slug, error = 400, "invalid-request", "invalid_request"


class InvalidClient(OAuthError):
    status, slug, error = 401, "invalid-client", "invalid_client"
    title = "Client authentication failed"

    def __init__(self, detail: str, **kwargs: Any) -> None:
        headers = {"WWW-Authenticate": 'Basic realm="vru"', **kwargs.pop("headers", {})}
        super().__init__(detail, headers=headers, **kwargs)


class InvalidGrant(OAuthError):
    status, slug, error = 400, "invalid-grant", "invalid_grant"


class FailedLogin(InvalidGrant):
    """Wrong e-mail or password (one answer for both). The failure count of a real account is kept although
    the response is an error."""

    keep_changes = True


class TooManyAttempts(OAuthError):
    """More login attempts at once from one source on one account than allowed: refused at once."""

    status, slug, error = 429, "too-many-attempts", "invalid_request"
    title = "Too many login attempts"

    def __init__(self, *, retry_after: int) -> None:
        super().__init__(
            "Too many login attempts at once for this account from here; retry later.",
            headers={"Retry-After": str(retry_after)},
        )


class UnsupportedGrantType(OAuthError):
    status, slug, error = 400, "unsupported-grant-type", "unsupported_grant_type"


class InvalidScope(OAuthError):
    status, slug, error = 400, "invalid-scope", "invalid_scope"
