"""No server-side request forgery: where a webhook may be sent.

A subscription's URL is checked when it is given *and* before every delivery (DNS can change): it must be
``https`` (``http`` only in development), its host must resolve, and every address it resolves to must be a
public unicast one — not private, loopback, link-local, multicast, reserved, unspecified or shared (IPv4 and
IPv6, an IPv4-mapped IPv6 address judged as its IPv4 address) — unless the host is listed in
``NOTIFICATIONS_WEBHOOK_ALLOWED_HOSTS``. The delivery then connects to the address that was checked (not a
second lookup), sending the host name as ``Host`` and TLS SNI.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from notifications.webhook.exceptions import (
    InvalidWebhookUrl,
    WebhookHostUnresolvable,
    WebhookTargetNotPublic,
    WebhookUrlNotHttps,
)

IpAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True, slots=True)
class Target:
    """A checked URL: where to connect (``address``) and what to ask for there."""

    scheme: str
    host: str
    port: int
    path: str
    address: IpAddress

    @property
    def connect_url(self) -> str:
        literal = f"[{self.address}]" if self.address.version == 6 else str(self.address)
        return f"{self.scheme}://{literal}:{self.port}{self.path}"

    @property
    def host_header(self) -> str:
        default = 443 if self.scheme == "https" else 80
        name = f"[{self.host}]" if ":" in self.host else self.host
        return name if self.port == default else f"{name}:{self.port}"


def is_public(address: IpAddress) -> bool:
    """A public unicast address (``ipaddress``'s ``is_global``, and not multicast)."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast


def parse(url: str, *, development: bool) -> tuple[str, str, int, str]:
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise InvalidWebhookUrl(f"The URL is not valid: {exc}.") from exc
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InvalidWebhookUrl("Give an absolute https:// URL with a host name.")
    if parts.username is not None or parts.password is not None:
        raise InvalidWebhookUrl("The URL may not carry a user name or password; the signature authenticates us.")
    if parts.scheme != "https" and not development:
        raise WebhookUrlNotHttps("Webhook URLs must use https.")
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    return parts.scheme, parts.hostname.lower(), port or (443 if parts.scheme == "https" else 80), path


async def resolve(host: str, port: int) -> list[IpAddress]:
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError, ValueError) as exc:  # gaierror is an OSError; a NUL in the name a ValueError
        raise WebhookHostUnresolvable(f"The host '{host}' does not resolve.") from exc
    addresses: list[IpAddress] = []
    for *_, sockaddr in infos:
        address = ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])
        if address not in addresses:
            addresses.append(address)
    if not addresses:
        raise WebhookHostUnresolvable(f"The host '{host}' does not resolve.")
    return addresses


async def check(url: str, *, allowed_hosts: Sequence[str], development: bool) -> Target:
    """The URL checked as the module says; raises a 422 problem (with its slug) when refused."""
    scheme, host, port, path = parse(url, development=development)
    addresses = await resolve(host, port)
    if host not in {h.lower() for h in allowed_hosts}:
        refused = [a for a in addresses if not is_public(a)]
        if refused:
            raise WebhookTargetNotPublic(
                f"The host '{host}' resolves to {refused[0]}, which is not a public address; webhooks are sent "
                "only to the public internet.",
            )
    return Target(scheme, host, port, path, addresses[0])
