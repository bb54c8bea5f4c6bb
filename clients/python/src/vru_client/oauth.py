"""Tokens for the VRU Platform API with OAuth 2.0 client credentials.

Hand-written, not generated (``vru client generate`` keeps this module): the rest of the package is generated
from the platform's OpenAPI document.

An API client (issued by the unit's administrators: a client id, and a secret shown once) gets an access token
from ``POST /oauth/token`` with its id and secret in HTTP Basic (RFC 6749 §2.3.1) and
``grant_type=client_credentials``. A token lasts ``expires_in`` seconds (15 minutes). :func:`connect` returns
the generated :class:`~vru_client.client.AuthenticatedClient` with a first token, and a new one is fetched
whenever the last is about to expire, so a long-running integration never sends a stale token::

    from vru_client.oauth import connect

    client = connect("https://vru.example.org", "my-client-id", secret)
"""

from __future__ import annotations

import threading
import time
from collections.abc import Generator
from dataclasses import dataclass
from typing import Any

import httpx

from vru_client.client import AuthenticatedClient

TOKEN_PATH = "/oauth/token"


class TokenError(Exception):
    """The token endpoint refused: wrong id or secret, an inactive client, a scope it may not have."""

    def __init__(self, status_code: int, body: str) -> None:
        super().__init__(f"token request refused ({status_code}): {body}")
        self.status_code = status_code
        self.body = body


@dataclass(frozen=True, slots=True)
class Token:
    access_token: str
    #: ``time.monotonic()`` after which the token is no longer used.
    renew_at: float
    scope: str


class ClientCredentials(httpx.Auth):
    """An httpx authentication flow: sends ``Authorization: Bearer`` with a current token, getting a new one
    (client credentials) when none is held or it expires within ``leeway`` seconds. Works with the sync and
    the async httpx clients (the token request is yielded to whichever sends the request)."""

    requires_response_body = True

    def __init__(
        self, base_url: str, client_id: str, client_secret: str, *, scope: str | None = None, leeway: float = 60.0
    ) -> None:
        self.token_url = base_url.rstrip("/") + TOKEN_PATH
        self.client_id = client_id
        self._secret = client_secret
        self.scope = scope
        self.leeway = leeway
        self._token: Token | None = None
        self._lock = threading.Lock()

    def token_request(self) -> httpx.Request:
        form = {"grant_type": "client_credentials"}
        if self.scope:
            form["scope"] = self.scope
        request = httpx.Request("POST", self.token_url, data=form)
        return next(httpx.BasicAuth(self.client_id, self._secret).auth_flow(request))  # sets its header

    def accept(self, response: httpx.Response) -> Token:
        """Keep the token from the endpoint's answer (raises :class:`TokenError` for anything but a 200)."""
        if response.status_code != 200:
            raise TokenError(response.status_code, response.text)
        body: dict[str, Any] = response.json()
        expires_in = float(body.get("expires_in", 0))
        token = Token(
            access_token=str(body["access_token"]),
            renew_at=time.monotonic() + expires_in - self.leeway,
            scope=str(body.get("scope", "")),
        )
        with self._lock:
            self._token = token
        return token

    def fetch(self, http: httpx.Client) -> Token:
        """Get a new token now."""
        return self.accept(http.send(self.token_request()))

    def current(self) -> Token | None:
        with self._lock:
            token = self._token
        return token if token is not None and time.monotonic() < token.renew_at else None

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        token = self.current()
        if token is None:
            token = self.accept((yield self.token_request()))
        request.headers["Authorization"] = f"Bearer {token.access_token}"
        yield request


def connect(
    base_url: str,
    client_id: str,
    client_secret: str,
    *,
    scope: str | None = None,
    timeout: float = 10.0,
    **client_options: Any,
) -> AuthenticatedClient:
    """A generated client for ``base_url`` (the gateway, e.g. ``https://vru.example.org``), authenticated as the
    API client ``client_id``. The first token is fetched here (a wrong secret raises :class:`TokenError` now,
    not at the first call); ``client_options`` go to :class:`AuthenticatedClient` (``raise_on_unexpected_status``,
    ``headers``, ``verify_ssl``…)."""
    credentials = ClientCredentials(base_url, client_id, client_secret, scope=scope)
    with httpx.Client(timeout=timeout) as http:
        token = credentials.fetch(http)
    return AuthenticatedClient(
        base_url=base_url,
        token=token.access_token,
        timeout=httpx.Timeout(timeout),
        httpx_args={"auth": credentials},
        **client_options,
    )
