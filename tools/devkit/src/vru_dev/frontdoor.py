"""Development only (``vru_dev``). The gateway's public port while Traefik is not ready (Linux).

Traefik starts listening before its routes are loaded: for those first instants (tens of milliseconds, more on a
busy machine) it answers every path with Go's plain-text ``404 page not found``, which a correct client takes as
final. Traefik has no setting to wait, and no way to answer differently before its dynamic configuration is in
(services/gateway/README.md, "Starting and stopping"). So under ``vru up`` and in the tests the platform itself
holds the public port:

- :class:`FrontDoor` listens on the gateway's address with ``SO_REUSEPORT`` *before* Traefik, which joins the
  same port (``reusePort: true``, see :class:`vru_dev.gateway.GatewayConfig`). A classic BPF program on the port
  (``SO_ATTACH_REUSEPORT_CBPF``) picks which of the two sockets gets each new connection: the front door's
  (index 0) while Traefik starts, Traefik's (index 1) once Traefik's ``/ready`` answers — a router of its dynamic
  configuration, so it exists only once the routes are loaded. When Traefik's socket is gone (it stopped or
  crashed) the kernel has only the front door's left, whatever the program says.
- The front door answers every request it gets with the gateway's 503 problem (``service-unavailable``,
  ``Retry-After: 1``, the request path as ``instance``, a request id) and closes the connection.

Nothing is proxied: once Traefik is ready every connection goes to it directly. Where the socket option is missing
(not Linux), :func:`supported` is false and Traefik binds the port alone, with the window described above.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import socket
import struct
import sys
import threading
import uuid

__all__ = ["FrontDoor", "supported"]

#: <linux/socket.h> / <asm-generic/socket.h>
_SO_ATTACH_REUSEPORT_CBPF = 51
#: BPF_RET | BPF_K: "return the constant k", the whole program.
_BPF_RET_K = 0x06
#: vru_shared.problems.problem_type(503)
_PROBLEM_TYPE = "https://vru.example.org/problems/service-unavailable"
_MAX_HEAD = 65_536
_MAX_DRAINED_BODY = 1_048_576


def supported() -> bool:
    return sys.platform.startswith("linux") and hasattr(socket, "SO_REUSEPORT")


class FrontDoor:
    """Holds ``host:port`` for the gateway; :meth:`hold` sends new connections here, :meth:`release` to Traefik."""

    def __init__(self, host: str, port: int) -> None:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self._sock = socket.socket(family, socket.SOCK_STREAM)
        self._closing = threading.Event()
        self._program: ctypes.Array[ctypes.c_char] | None = None  # kept alive while attached
        try:
            self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
            self._sock.bind((host.strip("[]"), port))
            self._sock.listen(128)
            self._sock.settimeout(0.2)
            self.hold()  # an OSError here: no BPF for reuseport groups (an old kernel, a seccomp filter)
        except OSError:
            self._sock.close()
            raise
        self._thread = threading.Thread(target=self._serve, name="vru-front-door", daemon=True)
        self._thread.start()

    def hold(self) -> None:
        """New connections to the front door (Traefik is starting)."""
        self._steer(0)

    def release(self) -> None:
        """New connections to Traefik (its routes are loaded)."""
        self._steer(1)

    def close(self) -> None:
        self._closing.set()
        self._thread.join(5)
        self._sock.close()

    def _steer(self, index: int) -> None:
        program = ctypes.create_string_buffer(struct.pack("HBBI", _BPF_RET_K, 0, 0, index))
        fprog = struct.pack("HL", 1, ctypes.addressof(program))  # struct sock_fprog {u16 len; sock_filter *filter}
        self._sock.setsockopt(socket.SOL_SOCKET, _SO_ATTACH_REUSEPORT_CBPF, fprog)
        self._program = program

    def _serve(self) -> None:
        while not self._closing.is_set():
            try:
                connection, _ = self._sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=_answer, args=(connection,), daemon=True).start()


def _answer(connection: socket.socket) -> None:
    """Read the request head (and a small body, so closing does not reset the answer), answer 503, close."""
    with connection:
        connection.settimeout(5)
        head = b""
        with contextlib.suppress(OSError):
            while b"\r\n\r\n" not in head and len(head) < _MAX_HEAD:
                chunk = connection.recv(16_384)
                if not chunk:
                    return
                head += chunk
        head, _, body = head.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        parts = lines[0].split(" ")
        path = parts[1].split("?", 1)[0] if len(parts) >= 2 else "/"
        length = 0
        for line in lines[1:]:
            name, _, value = line.partition(":")
            if name.strip().lower() == "content-length" and value.strip().isdigit():
                length = int(value.strip())
        with contextlib.suppress(OSError):
            remaining = min(length, _MAX_DRAINED_BODY) - len(body)
            while remaining > 0:
                chunk = connection.recv(min(remaining, 65_536))
                if not chunk:
                    break
                remaining -= len(chunk)
        request_id = str(uuid.uuid4())
        problem = json.dumps(
            {
                "type": _PROBLEM_TYPE,
                "title": "Service Unavailable",
                "status": 503,
                "detail": "The gateway is starting or restarting; the request did not reach any service. "
                "Retry after the number of seconds in Retry-After.",
                "instance": path,
                "request_id": request_id,
            }
        ).encode()
        response = (
            "HTTP/1.1 503 Service Unavailable\r\n"
            "Content-Type: application/problem+json\r\n"
            f"Content-Length: {len(problem)}\r\n"
            "Retry-After: 1\r\n"
            "Cache-Control: no-store\r\n"
            f"X-Request-ID: {request_id}\r\n"
            "X-Content-Type-Options: nosniff\r\n"
            "Connection: close\r\n\r\n"
        ).encode() + problem
        with contextlib.suppress(OSError):
            connection.sendall(response)
            connection.shutdown(socket.SHUT_WR)
            connection.settimeout(1)
            while connection.recv(65_536):  # until the client closes: no reset under the answer
                pass
