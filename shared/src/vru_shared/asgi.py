"""Small pieces the pure-ASGI middlewares share: reading a whole body, handing it on, reading a header."""

from __future__ import annotations

from starlette.types import Message, Receive, Scope


async def read_body(receive: Receive) -> bytes | None:
    """The whole request body, or ``None`` when the client went away (or a guard cut it off) first."""
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return None
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            return b"".join(chunks)


def replaying(body: bytes, receive: Receive) -> Receive:
    """A ``receive`` that hands the app the body already read, then defers to the real one."""
    delivered = False

    async def replay() -> Message:
        nonlocal delivered
        if not delivered:
            delivered = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


def header(scope: Scope, name: str) -> str | None:
    raw = name.encode()
    for key, value in scope.get("headers", []):
        if key.lower() == raw:
            return str(value.decode("latin-1"))
    return None
