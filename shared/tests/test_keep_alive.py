"""An error never closes the client's keep-alive connection. Re-raised to uvicorn, an exception got its traceback
logged and the connection closed after the error response; through Traefik the *next* request on that
connection then failed with a 502 the service never saw (a keyed POST among them: the client could not tell
whether its write happened). Here a real uvicorn server gets, on ONE connection, a request that fails inside and
then a normal one, which must be answered on the same connection."""

import logging
import socket
import threading
import time
from collections.abc import Iterator

import h11
import httpx
import pytest
import uvicorn

from vru_dev.platform import free_port
from vru_dev.testing import TestIssuer

from .support import build_app

PROBLEM = "application/problem+json"
TYPES = "https://vru.example.org/problems/"


class Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture(scope="module")
def records() -> Iterator[Records]:
    """What the service logs, as its JSON handler (installed first) saw it: with ``request_id`` set."""
    handler = Records()
    yield handler
    logging.getLogger().removeHandler(handler)


@pytest.fixture(scope="module")
def server(db_urls: dict[str, str], issuer: TestIssuer, records: Records) -> Iterator[int]:
    """The sample service under uvicorn (its own thread and event loop), as ``vru up`` runs a service."""
    port = free_port()
    app = build_app(db_urls["referrals"])
    logging.getLogger().addHandler(records)
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_config=None)
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not running.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    app.state.token_verifier = issuer.verifier()
    try:
        yield port
    finally:
        running.should_exit = True
        thread.join(10)


class Connection:
    """One HTTP/1.1 connection; each request goes on it, never on a new one."""

    def __init__(self, port: int) -> None:
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        self.http = h11.Connection(h11.CLIENT)

    def request(self, method: str, path: str) -> tuple[int, dict[str, str], bytes]:
        if self.http.our_state is h11.DONE:
            self.http.start_next_cycle()
        headers = [("Host", "sample"), ("Content-Length", "0")]
        self.sock.sendall(self.http.send(h11.Request(method=method, target=path, headers=headers)) or b"")
        self.sock.sendall(self.http.send(h11.EndOfMessage()) or b"")
        status, found, body = 0, {}, b""
        while True:
            event = self.http.next_event()
            if event is h11.NEED_DATA:
                data = self.sock.recv(65536)
                if not data:
                    raise AssertionError(f"{method} {path}: the server closed the connection")
                self.http.receive_data(data)
            elif isinstance(event, h11.Response):
                status = event.status_code
                found = {k.decode(): v.decode() for k, v in event.headers}
            elif isinstance(event, h11.Data):
                body += event.data
            elif isinstance(event, h11.EndOfMessage):
                return status, found, body
            elif isinstance(event, h11.ConnectionClosed):
                raise AssertionError(f"{method} {path}: the server closed the connection")

    def close(self) -> None:
        self.sock.close()


@pytest.mark.parametrize(
    ("method", "path", "status", "slug"),
    [
        ("GET", "/v1/boom", 500, "internal-error"),  # a database error raised in the route
        ("GET", "/v1/boom-in-dependency", 500, "internal-error"),  # … in a dependency
        ("GET", "/v1/streamed-boom", 500, "internal-error"),  # … in the body of a streamed response
        ("POST", "/v1/clash-at-commit", 503, "service-unavailable"),  # … at commit, in the transaction middleware
    ],
    ids=["route", "dependency", "streamed-body", "commit"],
)
def test_an_error_keeps_the_connection(server: int, method: str, path: str, status: int, slug: str) -> None:
    connection = Connection(server)
    try:
        failed, headers, body = connection.request(method, path)
        assert failed == status, body
        assert headers["content-type"] == PROBLEM
        assert f'"type":"{TYPES}{slug}"' in body.decode()
        assert headers.get("connection", "").lower() != "close"
        for _ in range(2):  # the next requests on the same connection are answered
            ok, _, answer = connection.request("GET", "/healthz")
            assert ok == 200, answer
    finally:
        connection.close()


def test_error_logs_of_a_streamed_import_carry_the_request_id(
    server: int, issuer: TestIssuer, records: Records
) -> None:
    """Every line the service logs for a failing request names its request id (it was ``null`` for the streamed
    import routes: the error was logged outside the request's context)."""

    def body() -> Iterator[bytes]:
        yield b"id,note\n"
        yield b"1,first\n"

    records.records.clear()
    headers = {**issuer.headers(roles=["analyst"], sub="analyst-logs"), "Content-Type": "text/csv"}
    with httpx.Client(base_url=f"http://127.0.0.1:{server}", timeout=10) as client:
        response = client.post("/v1/imports/broken-notes", content=body(), headers=headers)
    assert response.status_code == 500, response.text
    assert response.json()["type"] == TYPES + "internal-error"
    request_id = response.headers["x-request-id"]
    time.sleep(0.2)  # the access line is written as the request ends
    mine = [r for r in records.records if r.name.startswith(("vru", "uvicorn", "sqlalchemy"))]
    assert any(r.getMessage() == "unhandled error" for r in mine), [r.getMessage() for r in mine]
    assert {getattr(r, "request_id", None) for r in mine} == {request_id}, [
        (r.name, r.getMessage(), getattr(r, "request_id", None)) for r in mine
    ]
