"""Token revocation: the list of subjects whose earlier tokens no longer count, kept in memory by every service.

An access token is verified locally and lives up to an hour, so deactivating a person or an API client,
rotating a client's secret or changing an account's roles, districts, agency or scopes would not end the tokens
already issued. The identity service records each such change as a revocation — ``(subject, not_before)``:
a token of that subject issued (``iat``) at or before ``not_before`` is refused — and publishes the current
list at ``GET /v1/revocations``. Each service keeps that list in memory (:class:`RevocationList`), refreshed by
a background loop every ``revocation_poll_seconds`` (a conditional request: 304 while nothing changed), and
the principal dependency refuses a revoked token with 401 ``token-revoked`` (:mod:`vru_shared.auth`).

When the list cannot be fetched the last one is kept (each failed round is logged, and the metric
``vru_revocation_list_updated_timestamp_seconds`` stops moving): a revocation reaches a service within one
poll interval (plus the fetch) while identity answers, and as soon as identity answers again otherwise.
An entry is published until every token it can refuse has expired (``RETENTION_SECONDS``), so the list
stays small.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import NoReturn

import httpx
from prometheus_client import Gauge
from pydantic import BaseModel, ConfigDict, Field

from vru_shared.background import every
from vru_shared.settings import MAX_TOKEN_LIFETIME_SECONDS

logger = logging.getLogger("vru.revocation")

#: How long a revocation matters: the longest token lifetime plus the verifier's leeway on ``exp`` (30 s),
#: with a margin. An older entry cannot refuse any token that would otherwise be accepted.
RETENTION_SECONDS = MAX_TOKEN_LIFETIME_SECONDS + 120

UPDATED = Gauge(
    "vru_revocation_list_updated_timestamp_seconds",
    "When this process last had the token revocation list confirmed by the identity service (Unix time)",
)
ENTRIES = Gauge("vru_revocation_list_entries", "Subjects on this process's token revocation list")


class Revocation(BaseModel):
    """Tokens of ``subject`` issued at or before ``not_before`` are refused."""

    model_config = ConfigDict(extra="ignore")

    subject: str = Field(
        max_length=64,
        description="The token's `sub`: a person's or an API client's id.",
        examples=["8d6a7c3e-2b1f-4e5d-9c0a-1b2c3d4e5f60"],
    )
    not_before: int = Field(
        ge=0,
        description="Seconds since the epoch (like `iat`): tokens of this subject with `iat` at or before it are "
        "refused.",
        examples=[1795000000],
    )


class RevocationList(BaseModel):
    """The token revocations that still matter (the body of identity's ``GET /v1/revocations``)."""

    model_config = ConfigDict(
        extra="ignore",
        json_schema_extra={
            "examples": [
                {
                    "revocations": [{"subject": "8d6a7c3e-2b1f-4e5d-9c0a-1b2c3d4e5f60", "not_before": 1795000000}],
                    "retention_seconds": RETENTION_SECONDS,
                }
            ]
        },
    )

    revocations: list[Revocation] = Field(max_length=1_000_000)
    retention_seconds: int = Field(
        default=RETENTION_SECONDS,
        description="How long an entry stays listed after its `not_before`: longer than any token lives.",
    )


@dataclass(frozen=True, slots=True)
class Snapshot:
    """A list as fetched, with the validator for the next conditional request."""

    entries: Mapping[str, int]
    etag: str | None = None


#: Fetches the list; given the last ETag, returns ``None`` when it has not changed. Raises when it cannot tell.
Source = Callable[[str | None], Awaitable[Snapshot | None]]


class Revocations:
    """The revocation list of one process, in memory: a dictionary lookup per request."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self._entries: dict[str, int] = {}
        self._etag: str | None = None
        self.fetched_at: float | None = None  # monotonic, of the last confirmed list

    def revoked(self, subject: str, issued_at: float) -> bool:
        not_before = self._entries.get(subject)
        return not_before is not None and issued_at <= not_before

    def __len__(self) -> int:
        return len(self._entries)

    async def refresh(self) -> None:
        """Fetch the list; on any failure the last list stays in force (the caller logs the failure)."""
        snapshot = await self.source(self._etag)
        if snapshot is not None:
            self._entries = dict(snapshot.entries)
            self._etag = snapshot.etag
            ENTRIES.set(len(self._entries))
        self.fetched_at = time.monotonic()
        UPDATED.set(time.time())

    async def poll_forever(self, seconds: float) -> NoReturn:
        """Refresh now, then every ``seconds``; a failed round keeps the last list and is logged."""
        try:
            await self.refresh()
        except Exception as exc:
            logger.warning(
                "token revocation list refresh failed; keeping the last list",
                extra={"error": type(exc).__name__},
            )
        await every(seconds, self.refresh, what="token revocation list refresh", logger=logger)


def snapshot_of(document: RevocationList, etag: str | None) -> Snapshot:
    return Snapshot({r.subject: r.not_before for r in document.revocations}, etag)


def http_source(
    http: httpx.AsyncClient,
    url: str,
    token: Callable[[], Awaitable[str]] | None,
    *,
    timeout_seconds: float,
    forget_token: Callable[[str], None] | None = None,
) -> Source:
    """The list from the identity service (``url`` = its ``/v1/revocations``), with this service's own
    client-credentials token. A 401 drops the cached token (it may have been revoked itself) before the next round."""

    async def fetch(etag: str | None) -> Snapshot | None:
        headers = {"Accept": "application/json"}
        bearer = await token() if token is not None else None
        if bearer is not None:
            headers["Authorization"] = f"Bearer {bearer}"
        if etag is not None:
            headers["If-None-Match"] = etag
        response = await http.get(url, headers=headers, timeout=timeout_seconds)
        if response.status_code == 304:
            return None
        if response.status_code == 401 and bearer is not None and forget_token is not None:
            forget_token(bearer)
        response.raise_for_status()
        return snapshot_of(RevocationList.model_validate_json(response.content), response.headers.get("ETag"))

    return fetch
