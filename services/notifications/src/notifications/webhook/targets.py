"""No server-side request forgery: where a webhook may be sent.

A subscription's URL is checked when it is given *and* before every delivery (DNS can change): it must be
``https`` (``http`` only in development), its host must resolve, and every address it resolves to must be a
public unicast one — not private, loopback, link-local, multicast, reserved, unspecified or shared (IPv4 and
IPv6, an IPv4-mapped IPv6 address judged as its IPv4 address) — unless the host is listed in
``NOTIFICATIONS_WEBHOOK_ALLOWED_HOSTS``. The delivery then connects to the address that was checked (not a
second lookup), sending the host name as ``Host`` and TLS SNI.

An allow-list entry is a host (any port) or ``host:port`` (``[v6]:port``; that port only). With
``NOTIFICATIONS_WEBHOOK_ALLOWED_HOSTS_ONLY`` nothing else is a target, and nothing else is even looked up (a
staging platform, the security suite's fuzzing). An IP address must be written the usual way: the forms
``inet_aton`` also reads (``2130706433``, ``0x7f.1``, ``0177.0.0.1``) are refused before any lookup, and an IPv6
address carrying an IPv4 one (mapped, compatible, 6to4, Teredo, NAT64) is judged by the IPv4 address too.
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
    WebhookHostNotAllowed,
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


NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
IPV4_COMPATIBLE = ipaddress.IPv6Network("::/96")


def embedded_ipv4(address: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """The IPv4 addresses an IPv6 address leads to: mapped, compatible, 6to4, Teredo (server and client), NAT64."""
    found: list[ipaddress.IPv4Address] = []
    if address.ipv4_mapped is not None:
        found.append(address.ipv4_mapped)
    if address in IPV4_COMPATIBLE or address in NAT64:
        found.append(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
    if address.sixtofour is not None:
        found.append(address.sixtofour)
    if address.teredo is not None:
        found.extend(address.teredo)
    return found


def is_public(address: IpAddress) -> bool:
    """A public unicast address (``ipaddress``'s ``is_global``, not multicast or reserved), and so is every IPv4
    address an IPv6 one carries."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = embedded_ipv4(address)
        if embedded:
            return all(is_public(inner) for inner in embedded)
    return address.is_global and not address.is_multicast and not address.is_reserved


def _non_canonical_ipv4(host: str) -> bool:
    """A host the resolver reads as an IPv4 address although it is not one written the usual way (a dotted quad):
    ``2130706433``, ``0x7f.1``, ``0177.0.0.1``, ``127.1``."""
    try:
        ipaddress.ip_address(host)
    except ValueError:
        try:
            socket.inet_aton(host)
        except OSError:
            return False
        return True
    return False


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
    if "%" in parts.hostname:  # an IPv6 zone id: a link-local interface of this machine
        raise InvalidWebhookUrl("An IPv6 zone id has no place in a webhook URL.")
    if _non_canonical_ipv4(parts.hostname):
        raise InvalidWebhookUrl("Write an IP address as four decimal numbers (or, better, use a host name).")
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    # ``localhost.`` is ``localhost``: one spelling per host, for the allow-list and the lookup alike
    host = parts.hostname.lower().rstrip(".")
    if not host:
        raise InvalidWebhookUrl("Give an absolute https:// URL with a host name.")
    return parts.scheme, host, port or (443 if parts.scheme == "https" else 80), path


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


def is_allowed(host: str, port: int, allowed_hosts: Sequence[str]) -> bool:
    """Whether an allow-list entry names this host (any port) or this host and port."""
    name = f"[{host}]" if ":" in host else host
    entries = {entry.strip().lower() for entry in allowed_hosts}
    return host in entries or f"{name}:{port}" in entries


async def check(url: str, *, allowed_hosts: Sequence[str], development: bool, allowed_only: bool = False) -> Target:
    """The URL checked as the module says; raises a 422 problem (with its slug) when refused."""
    scheme, host, port, path = parse(url, development=development)
    allowed = is_allowed(host, port, allowed_hosts)
    if allowed_only and not allowed:
        raise WebhookHostNotAllowed(f"Webhooks may be sent here only to the allow-listed hosts, not to '{host}'.")
    addresses = await resolve(host, port)
    if not allowed:
        refused = [a for a in addresses if not is_public(a)]
        if refused:
            raise WebhookTargetNotPublic(
                f"The host '{host}' resolves to {refused[0]}, which is not a public address; webhooks are sent "
                "only to the public internet.",
            )
    return Target(scheme, host, port, path, addresses[0])
