"""Typed clients of the other VRU services this one calls (``app.state.peers``)."""

from fastapi import FastAPI

from vru_shared.http_client import DownstreamUnavailable, ServiceClient


def peer(app: FastAPI, name: str) -> ServiceClient:
    """The configured client of a peer service; 503 when this deployment does not know where it is."""
    peers: dict[str, ServiceClient] = getattr(app.state, "peers", {})
    client = peers.get(name)
    if client is None:
        raise DownstreamUnavailable(
            f"The {name} service is not configured for this service. Nothing was changed.",
            headers={"Retry-After": "30"},
            extra={"peer": name},
        )
    return client
