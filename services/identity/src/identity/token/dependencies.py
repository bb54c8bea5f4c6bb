import base64
import binascii
from typing import Annotated
from urllib.parse import unquote_plus

from fastapi import Depends, Form, Request
from fastapi.security import HTTPBasic, HTTPBasicCredentials
from fastapi.security.utils import get_authorization_scheme_param
from starlette.requests import HTTPConnection

from identity.token.exceptions import InvalidClient
from identity.token.schemas import TokenRequest
from identity.token.throttle import LoginThrottle


class ClientBasicAuth(HTTPBasic):
    """HTTP Basic client authentication (RFC 6749 §2.3.1): optional, and a malformed header is an OAuth
    ``invalid_client`` problem rather than a bare 401."""

    async def __call__(self, request: HTTPConnection) -> HTTPBasicCredentials | None:  # type: ignore[override]
        authorization = request.headers.get("Authorization")
        scheme, param = get_authorization_scheme_param(authorization)
        if not authorization or scheme.lower() != "basic":
            return None
        try:
            decoded = base64.b64decode(param, validate=True).decode("utf-8")
        except (ValueError, UnicodeDecodeError, binascii.Error) as exc:
            raise InvalidClient("The Authorization header is not valid HTTP Basic.") from exc
        username, separator, password = decoded.partition(":")
        if not separator:
            raise InvalidClient("The Authorization header is not valid HTTP Basic.")
        return HTTPBasicCredentials(username=unquote_plus(username), password=unquote_plus(password))


client_basic = ClientBasicAuth(
    auto_error=False, scheme_name="ClientBasic", description="API client id and secret (client credentials grant)."
)

BasicCredentials = Annotated[HTTPBasicCredentials | None, Depends(client_basic)]
TokenForm = Annotated[TokenRequest, Form()]


def get_login_throttle(request: Request) -> LoginThrottle:
    throttle = request.app.state.login_throttle
    assert isinstance(throttle, LoginThrottle)
    return throttle


def get_source(request: Request) -> str:
    """Where a login comes from: the client's address as the server sees it (behind the gateway, the address
    it forwards when uvicorn trusts it: ``--forwarded-allow-ips``)."""
    return request.client.host if request.client is not None else ""


Throttle = Annotated[LoginThrottle, Depends(get_login_throttle)]
Source = Annotated[str, Depends(get_source)]
