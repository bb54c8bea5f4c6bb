"""Test support for partners' webhooks: a real HTTP receiver on this machine (a partner's endpoint), which records
every delivery and can be down (its port refusing connections), answer an error, or redirect."""

from __future__ import annotations

import contextlib
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from standardwebhooks import Webhook


@dataclass(frozen=True, slots=True)
class Received:
    path: str
    headers: dict[str, str]
    body: bytes

    def verify(self, secret: str) -> Any:
        """The payload, after checking the signature with the Standard Webhooks library (raises if it fails)."""
        return Webhook(secret).verify(self.body, self.headers)


class Receiver:
    """``start()`` listens on 127.0.0.1 (the same port each time once chosen); ``stop()`` closes the port, so
    deliveries are refused. ``status`` is what it answers (a ``Location`` with it when a redirect), after ``delay``
    seconds, with ``answer`` as the body."""

    def __init__(self, port: int = 0) -> None:
        self.port = port
        self.status = 204
        #: Seconds to wait before answering, and the answer's body (a slow or a flooding receiver).
        self.delay = 0.0
        self.answer = b""
        self.received: list[Received] = []
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hooks/vru"

    def start(self) -> Receiver:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                body = self.rfile.read(length)
                with receiver._lock:
                    receiver.received.append(Received(self.path, {k.lower(): v for k, v in self.headers.items()}, body))
                time.sleep(receiver.delay)
                self.send_response(receiver.status)
                if 300 <= receiver.status < 400:
                    self.send_header("Location", "http://127.0.0.1:9/elsewhere")
                self.send_header("Content-Length", str(len(receiver.answer)))
                self.end_headers()
                with contextlib.suppress(OSError):  # the sender stopped reading (its cap): fine
                    self.wfile.write(receiver.answer)

            def log_message(self, format: str, *args: Any) -> None:
                return

        server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        server.daemon_threads = True
        self.port = int(server.server_address[1])
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, name="webhook-receiver", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def wait_for(self, count: int, timeout: float = 20.0) -> list[Received]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if len(self.received) >= count:
                    return list(self.received)
            time.sleep(0.05)
        with self._lock:
            raise AssertionError(f"expected {count} deliveries within {timeout:.0f}s, got {len(self.received)}")
