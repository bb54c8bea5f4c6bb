"""The merged API document served by the portal: identity's own spec plus each peer's, fetched over HTTP and
cached briefly. A peer that does not answer is left out and named under ``info["x-unavailable"]``."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Mapping
from typing import Any

import httpx

from identity.portal.merge import merge_openapi

logger = logging.getLogger("identity.portal")

#: A document missing a peer is kept only this long, so a peer that comes back appears soon.
PARTIAL_CACHE_SECONDS = 10.0


class MergedDocs:
    def __init__(
        self,
        *,
        own_name: str,
        own_spec: Callable[[], dict[str, Any]],
        peers: Mapping[str, str],
        timeout_seconds: float,
        cache_seconds: float,
    ) -> None:
        self.own_name = own_name
        self.own_spec = own_spec
        self.peers = {name: url.rstrip("/") for name, url in peers.items()}
        self.timeout = timeout_seconds
        self.cache_seconds = cache_seconds
        self._document: dict[str, Any] | None = None
        self._expires_at = 0.0
        self._lock = asyncio.Lock()

    async def document(self, http: httpx.AsyncClient) -> dict[str, Any]:
        if self._document is not None and time.monotonic() < self._expires_at:
            return self._document
        async with self._lock:
            if self._document is not None and time.monotonic() < self._expires_at:
                return self._document
            document = await self._build(http)
            partial = bool(document["info"].get("x-unavailable"))
            self._document = document
            self._expires_at = time.monotonic() + (
                min(self.cache_seconds, PARTIAL_CACHE_SECONDS) if partial else self.cache_seconds
            )
            return document

    async def _build(self, http: httpx.AsyncClient) -> dict[str, Any]:
        names = list(self.peers)
        fetched = await asyncio.gather(*(self._fetch(http, name) for name in names))
        specs: dict[str, dict[str, Any]] = {self.own_name: self.own_spec()}
        unavailable: list[str] = []
        for name, spec in zip(names, fetched, strict=True):
            if spec is None:
                unavailable.append(name)
            else:
                specs[name] = spec
        document = merge_openapi(specs)
        if unavailable:
            document["info"]["x-unavailable"] = unavailable
        return document

    async def _fetch(self, http: httpx.AsyncClient, name: str) -> dict[str, Any] | None:
        url = f"{self.peers[name]}/openapi/{name}.json"
        try:
            response = await http.get(url, timeout=self.timeout, headers={"Accept": "application/json"})
            response.raise_for_status()
            spec = response.json()
        except (httpx.HTTPError, ValueError) as exc:
            logger.warning("peer API description unavailable", extra={"peer": name, "error": type(exc).__name__})
            return None
        if not isinstance(spec, dict) or not isinstance(spec.get("paths"), dict):
            logger.warning("peer API description malformed", extra={"peer": name})
            return None
        return spec
