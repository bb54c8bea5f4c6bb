"""Service-to-service HTTP: one typed client per peer service.

- timeouts on every call; retries with jittered exponential backoff, only for idempotent methods or
  POSTs that carry an ``Idempotency-Key``; a circuit breaker per peer (state exported to ``/metrics``);
- the request's ``X-Request-ID`` is passed on; the caller's token when acting for a person, else this
  service's own client-credentials token;
- every failure to get a usable answer (connection refused, timeout, 5xx, open breaker, a body of the
  wrong shape) becomes :class:`DownstreamUnavailable`, a 503 problem with ``Retry-After`` — never a hang.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass
from enum import IntEnum
from typing import Any, TypeVar

import httpx
from prometheus_client import Counter, Gauge
from pydantic import TypeAdapter, ValidationError
from tenacity import AsyncRetrying, retry_if_exception_type, stop_after_attempt, wait_random_exponential

from vru_shared.auth import Principal
from vru_shared.logging import current_request_id
from vru_shared.problems import ServiceUnavailable
from vru_shared.tracing import instrument_http_client

logger = logging.getLogger("vru.http")
T = TypeVar("T")

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
RETRYABLE_STATUSES = frozenset({502, 503, 504})

BREAKER_STATE = Gauge("vru_circuit_breaker_state", "Circuit breaker per peer: 0 closed, 1 half-open, 2 open", ["peer"])
DOWNSTREAM_FAILURES = Counter(
    "vru_downstream_failures_total", "Calls to a peer service that failed", ["peer", "reason"]
)


def create_http_client(**options: Any) -> httpx.AsyncClient:
    """An ``httpx.AsyncClient`` (``options`` as httpx takes them) that, when tracing is on, makes a client span per
    call and sends the W3C ``traceparent`` on: every client the platform's apps open to call out is made here."""
    client = httpx.AsyncClient(**options)
    instrument_http_client(client)
    return client


class DownstreamUnavailable(ServiceUnavailable):
    slug = "downstream-unavailable"
    title = "A service this request needs is unavailable"


class _Retryable(Exception):
    """A transient failure worth another attempt."""


class BreakerState(IntEnum):
    CLOSED = 0
    HALF_OPEN = 1
    OPEN = 2


class CircuitBreaker:
    """Opens after ``threshold`` consecutive failures; after ``reset_seconds`` lets one trial call through."""

    def __init__(self, peer: str, threshold: int, reset_seconds: float) -> None:
        self.peer = peer
        self.threshold = threshold
        self.reset_seconds = reset_seconds
        self.failures = 0
        self.opened_at = 0.0
        self.state = BreakerState.CLOSED
        BREAKER_STATE.labels(peer).set(self.state)

    def _set(self, state: BreakerState) -> None:
        if state is not self.state:
            logger.warning("circuit breaker %s", state.name.lower(), extra={"peer": self.peer})
        self.state = state
        BREAKER_STATE.labels(self.peer).set(state)

    def allow(self) -> bool:
        if self.state is BreakerState.OPEN:
            if time.monotonic() - self.opened_at >= self.reset_seconds:
                self._set(BreakerState.HALF_OPEN)
                return True
            return False
        return True

    def retry_after(self) -> int:
        if self.state is BreakerState.OPEN:
            return max(1, int(self.reset_seconds - (time.monotonic() - self.opened_at)) + 1)
        return 1

    def success(self) -> None:
        self.failures = 0
        self._set(BreakerState.CLOSED)

    def failure(self) -> None:
        self.failures += 1
        if self.state is BreakerState.HALF_OPEN or self.failures >= self.threshold:
            self.opened_at = time.monotonic()
            self._set(BreakerState.OPEN)


class ClientCredentials:
    """This service's own access token from the identity service, cached until shortly before expiry."""

    def __init__(self, http: httpx.AsyncClient, token_url: str, client_id: str, client_secret: str) -> None:
        self.http = http
        self.token_url = token_url
        self.client_id = client_id
        self.client_secret = client_secret
        self._token: str | None = None
        self._expires_at = 0.0
        self._lock = asyncio.Lock()

    async def token(self) -> str:
        if self._token and time.monotonic() < self._expires_at:
            return self._token
        async with self._lock:
            if self._token and time.monotonic() < self._expires_at:
                return self._token
            try:
                response = await self.http.post(
                    self.token_url,
                    data={"grant_type": "client_credentials"},
                    auth=(self.client_id, self.client_secret),
                    timeout=5.0,
                )
                response.raise_for_status()
                body = response.json()
                token = str(body["access_token"])
                ttl = float(body.get("expires_in", 300))
            except (httpx.HTTPError, ValueError, KeyError, TypeError) as exc:
                DOWNSTREAM_FAILURES.labels("identity", "token").inc()
                raise DownstreamUnavailable(
                    "This service could not obtain its own access token.", headers={"Retry-After": "5"}
                ) from exc
            self._token = token
            self._expires_at = time.monotonic() + max(ttl - 60, ttl / 2)
            return token

    def forget(self, token: str) -> None:
        """Drop ``token`` if it is the cached one: a peer refused it (revoked when this client was changed)."""
        if self._token == token:
            self._token = None
            self._expires_at = 0.0


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    timeout_seconds: float = 5.0
    retries: int = 2
    backoff_max_seconds: float = 1.0


class ServiceClient:
    """Calls to one peer service. Subclass it per peer with typed methods (``FundingClient.record_spend``)."""

    def __init__(
        self,
        peer: str,
        base_url: str,
        http: httpx.AsyncClient,
        *,
        credentials: ClientCredentials | None,
        policy: RetryPolicy,
        breaker: CircuitBreaker,
    ) -> None:
        self.peer = peer
        self.base_url = base_url.rstrip("/")
        self.http = http
        self.credentials = credentials
        self.policy = policy
        self.breaker = breaker

    async def request(
        self,
        method: str,
        path: str,
        *,
        principal: Principal | None = None,
        json: Any = None,
        params: dict[str, Any] | None = None,
        idempotency_key: str | None = None,
    ) -> httpx.Response:
        """Send a request; a 2xx–4xx answer is returned, anything else raises DownstreamUnavailable.

        Sent with this service's own token and answered 401, it is sent once more with a new token: the cached
        one was revoked (an administrator changed this service's API client) or has just expired."""
        response = await self._request(method, path, principal, json, params, idempotency_key)
        own_token = principal is None or not principal.token
        if response.status_code == 401 and own_token and self.credentials is not None:
            sent = response.request.headers.get("Authorization", "")[len("Bearer ") :]
            self.credentials.forget(sent)
            response = await self._request(method, path, principal, json, params, idempotency_key)
        return response

    async def _request(
        self,
        method: str,
        path: str,
        principal: Principal | None,
        json: Any,
        params: dict[str, Any] | None,
        idempotency_key: str | None,
    ) -> httpx.Response:
        method = method.upper()
        retryable = method in IDEMPOTENT_METHODS or idempotency_key is not None
        attempts = self.policy.retries + 1 if retryable else 1
        if not self.breaker.allow():
            DOWNSTREAM_FAILURES.labels(self.peer, "circuit_open").inc()
            raise self._unavailable("is not answering (circuit open)")
        headers = await self._headers(principal, idempotency_key)
        try:
            async for attempt in AsyncRetrying(
                stop=stop_after_attempt(attempts),
                wait=wait_random_exponential(multiplier=0.1, max=self.policy.backoff_max_seconds),
                retry=retry_if_exception_type(_Retryable),
                reraise=True,
            ):
                with attempt:
                    response = await self._send(method, path, headers, json, params)
        except _Retryable as exc:
            self.breaker.failure()
            raise self._unavailable(str(exc)) from exc
        self.breaker.success()
        return response

    async def call(
        self,
        method: str,
        path: str,
        expect: type[T] | Any,
        *,
        principal: Principal | None = None,
        json: Any = None,
        params: dict[str, Any] | None = None,
        idempotency_key: str | None = None,
    ) -> T:
        """Like :meth:`request`, for a 2xx answer of a known shape; a body of another shape is a failure."""
        response = await self.request(
            method, path, principal=principal, json=json, params=params, idempotency_key=idempotency_key
        )
        if not response.is_success:
            raise DownstreamError(self.peer, response)
        try:
            return TypeAdapter(expect).validate_json(response.content)  # type: ignore[no-any-return]
        except ValidationError as exc:
            DOWNSTREAM_FAILURES.labels(self.peer, "bad_body").inc()
            logger.warning("unexpected response shape", extra={"peer": self.peer, "path": path})
            self.breaker.failure()
            raise self._unavailable("answered with an unexpected body") from exc

    async def _headers(self, principal: Principal | None, idempotency_key: str | None) -> dict[str, str]:
        headers = {"Accept": "application/json"}
        rid = current_request_id()
        if rid:
            headers["X-Request-ID"] = rid
        if principal is not None and principal.token:
            headers["Authorization"] = f"Bearer {principal.token}"
        elif self.credentials is not None:
            headers["Authorization"] = f"Bearer {await self.credentials.token()}"
        if idempotency_key is not None:
            headers["Idempotency-Key"] = idempotency_key
        return headers

    async def _send(
        self, method: str, path: str, headers: dict[str, str], json: Any, params: dict[str, Any] | None
    ) -> httpx.Response:
        try:
            # httpx's timeout covers each network phase; the outer deadline bounds the whole attempt.
            async with asyncio.timeout(self.policy.timeout_seconds * 1.5):
                response = await self.http.request(
                    method,
                    self.base_url + path,
                    headers=headers,
                    json=json,
                    params=params,
                    timeout=self.policy.timeout_seconds,
                )
        except (httpx.TimeoutException, TimeoutError) as exc:
            DOWNSTREAM_FAILURES.labels(self.peer, "timeout").inc()
            raise _Retryable("did not answer in time") from exc
        except httpx.TransportError as exc:
            DOWNSTREAM_FAILURES.labels(self.peer, "connect").inc()
            raise _Retryable("could not be reached") from exc
        if response.status_code in RETRYABLE_STATUSES or response.status_code >= 500:
            DOWNSTREAM_FAILURES.labels(self.peer, "status_" + str(response.status_code)).inc()
            raise _Retryable(f"answered {response.status_code}")
        return response

    def _unavailable(self, why: str) -> DownstreamUnavailable:
        return DownstreamUnavailable(
            f"The {self.peer} service {why}. Nothing was changed; retry later.",
            headers={"Retry-After": str(self.breaker.retry_after())},
            extra={"peer": self.peer},
        )


class DownstreamError(Exception):
    """A peer answered 4xx: the caller decides what that means for its own request."""

    def __init__(self, peer: str, response: httpx.Response) -> None:
        super().__init__(f"{peer} answered {response.status_code}")
        self.peer = peer
        self.response = response
        self.status_code = response.status_code
