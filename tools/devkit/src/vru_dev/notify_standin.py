"""Development only (``vru_dev``). A stand-in for GOV.UK Notify: the v2 API the ``notifications-python-client``
uses, on this machine, recording what would have been sent instead of sending it.

- ``POST /v2/notifications/email`` and ``/v2/notifications/sms``: Notify's JSON in and out (201 with ``id``,
  ``reference``, ``content``, ``uri``, ``template``); the templates it knows are the platform's
  (``notifications.notice.kinds.default_templates``), rendered with their ``((placeholders))``.
- Authentication as Notify checks it: an API key ``name-<service id>-<secret>``; each request a HS256 JWT with
  ``iss`` = the service id and ``iat`` within 30 seconds, signed with the secret (403 ``AuthError`` otherwise).
- Errors in Notify's shape ``{"status_code": …, "errors": [{"error": …, "message": …}]}``: unknown template or
  missing personalisation 400 ``BadRequestError``, a bad address 400 ``ValidationError``.
- ``GET /v2/notifications`` and ``GET /v2/notifications/{id}`` (Notify's, authenticated) list what was "sent", with
  the ``personalisation`` each was sent with (the stand-in's addition); ``GET /`` is a page listing them for people
  (``/?format=json`` the same as JSON), no token needed.
- ``POST /_standin/fail`` ``{"status": 500, "count": 2}`` makes the next ``count`` sends answer ``status`` (500, 503
  or 429) — for trying retries by hand; tests set :attr:`NotifyStandin.fail_next` directly.

Run: ``python -m vru_dev.notify_standin --port 8107`` (``vru up`` starts it).
"""

from __future__ import annotations

import argparse
import html
import json
import re
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import jwt

from notifications.notice.kinds import Template, default_templates

#: The development API key: ``name-<service id>-<secret>`` (NOTIFICATIONS_NOTIFY_API_KEY's default).
DEV_API_KEY = "dev-standin-6c9a4f4e-7a35-4d3b-9a51-2f0d1c7e8b90-0d5f3c1a-8e2b-4f6a-9c7d-1b2a3e4f5d6c"
TOKEN_BOUND_SECONDS = 30
PLACEHOLDER = re.compile(r"\(\(([^()?]+?)\)\)")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
UK_MOBILE = re.compile(r"^(?:\+44|0044|0)7\d{9}$")
FROM_EMAIL = "vru.platform@notifications.service.gov.uk"
FROM_NUMBER = "VRU"


def split_key(api_key: str) -> tuple[str, str]:
    """(service id, secret) of a Notify API key, as the client takes them apart."""
    return api_key[-73:-37], api_key[-36:]


@dataclass
class Sent:
    """One notification the stand-in accepted."""

    id: str
    type: str
    template: Template
    recipient: str
    personalisation: dict[str, Any]
    reference: str | None
    subject: str
    body: str
    created_at: str
    service_id: str

    def as_notify(self, base_url: str) -> dict[str, Any]:
        return {
            "id": self.id,
            "reference": self.reference,
            "email_address": self.recipient if self.type == "email" else None,
            "phone_number": self.recipient if self.type == "sms" else None,
            "line_1": None,
            "type": self.type,
            "status": "delivered",
            "template": {
                "id": str(self.template.id),
                "version": 1,
                "uri": f"{base_url}/v2/template/{self.template.id}",
            },
            "body": self.body,
            "subject": self.subject if self.type == "email" else None,
            "created_at": self.created_at,
            "created_by_name": None,
            "sent_at": self.created_at,
            "completed_at": self.created_at,
            "scheduled_for": None,
            #: Not in Notify's answer: what the message was personalised with (for tests and people).
            "personalisation": self.personalisation,
        }


class NotifyError(Exception):
    def __init__(self, status: int, error: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.error = error
        self.message = message

    def body(self) -> dict[str, Any]:
        return {"status_code": self.status, "errors": [{"error": self.error, "message": self.message}]}


@dataclass
class NotifyStandin:
    """``start()`` serves on ``host:port`` in a thread (port 0: a free one); ``stop()`` closes the port."""

    port: int = 0
    host: str = "127.0.0.1"
    api_keys: tuple[str, ...] = (DEV_API_KEY,)
    templates: dict[str, Template] = field(default_factory=lambda: {str(t.id): t for t in default_templates()})
    #: Statuses the next sends answer instead of sending (500, 503: Notify's ``Exception``; 429: a rate limit).
    fail_next: list[int] = field(default_factory=list)
    sent: list[Sent] = field(default_factory=list)
    #: Every request to a ``/v2/notifications/…`` send, answered or not (``(status, path)``).
    requests: list[tuple[int, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    # --- the API ---------------------------------------------------------------------------------------
    def authenticate(self, header: str | None) -> str:
        """The service id of a valid token, else NotifyError as Notify answers."""
        if not header or not header.lower().startswith("bearer "):
            raise NotifyError(401, "AuthError", "Unauthorized: authentication token must be provided")
        token = header[len("bearer ") :].strip()
        try:
            issuer = jwt.decode(token, options={"verify_signature": False}, algorithms=["HS256"]).get("iss")
        except jwt.PyJWTError as exc:
            raise NotifyError(403, "AuthError", "Invalid token: signature, api token not found") from exc
        secrets = [secret for service, secret in map(split_key, self.api_keys) if service == issuer]
        if not issuer or not secrets:
            raise NotifyError(403, "AuthError", "Invalid token: service not found")
        for secret in secrets:
            try:
                claims = jwt.decode(token, key=secret, algorithms=["HS256"], options={"verify_iat": False})
            except jwt.InvalidAlgorithmError as exc:
                raise NotifyError(403, "AuthError", "Invalid token: algorithm used is not HS256") from exc
            except jwt.PyJWTError:
                continue
            iat = claims.get("iat")
            if not isinstance(iat, int | float) or abs(time.time() - float(iat)) > TOKEN_BOUND_SECONDS:
                raise NotifyError(403, "AuthError", "Error: Your system clock must be accurate to within 30 seconds")
            return str(issuer)
        raise NotifyError(403, "AuthError", "Invalid token: API key not found")

    def send(self, kind: str, body: Any, service_id: str) -> dict[str, Any]:
        if not isinstance(body, dict):
            raise NotifyError(400, "ValidationError", "Request body is not a JSON object")
        with self._lock:
            if self.fail_next:
                status = self.fail_next.pop(0)
                if status == 429:
                    raise NotifyError(
                        429, "RateLimitError", "Exceeded rate limit for key type LIVE of 3000 requests per 60 seconds"
                    )
                raise NotifyError(status, "Exception", "Internal server error")
        recipient_field = "email_address" if kind == "email" else "phone_number"
        recipient = body.get(recipient_field)
        if not isinstance(recipient, str) or not recipient:
            raise NotifyError(400, "ValidationError", f"{recipient_field} is a required property")
        if kind == "email" and not EMAIL.match(recipient):
            raise NotifyError(400, "ValidationError", "email_address Not a valid email address")
        if kind == "sms" and not UK_MOBILE.match(re.sub(r"[\s()-]", "", recipient)):
            raise NotifyError(400, "ValidationError", "phone_number Not a UK mobile number")
        template_id = body.get("template_id")
        try:
            uuid.UUID(str(template_id))
        except ValueError as exc:
            raise NotifyError(400, "ValidationError", "template_id is not a valid UUID") from exc
        template = self.templates.get(str(template_id))
        if template is None:
            raise NotifyError(400, "BadRequestError", "Template not found")
        if template.channel.value != kind:
            suitable = f"{template.channel.value} template is not suitable for {kind} notification"
            raise NotifyError(400, "BadRequestError", suitable)
        personalisation = body.get("personalisation") or {}
        if not isinstance(personalisation, dict):
            raise NotifyError(400, "ValidationError", "personalisation is not of type object")
        wanted = sorted(set(PLACEHOLDER.findall(template.subject + template.body)))
        missing = [name for name in wanted if name not in personalisation]
        if missing:
            raise NotifyError(400, "BadRequestError", f"Missing personalisation: {', '.join(missing)}")
        reference = body.get("reference")
        sent = Sent(
            id=str(uuid.uuid4()),
            type=kind,
            template=template,
            recipient=recipient,
            personalisation=dict(personalisation),
            reference=str(reference) if reference is not None else None,
            subject=render(template.subject, personalisation),
            body=render(template.body, personalisation),
            created_at=datetime.now(UTC).isoformat(),
            service_id=service_id,
        )
        with self._lock:
            self.sent.append(sent)
        content: dict[str, Any] = {"body": sent.body}
        if kind == "email":
            content |= {"subject": sent.subject, "from_email": FROM_EMAIL, "one_click_unsubscribe_url": None}
        else:
            content["from_number"] = FROM_NUMBER
        return {
            "id": sent.id,
            "reference": sent.reference,
            "content": content,
            "uri": f"{self.url}/v2/notifications/{sent.id}",
            "template": {"id": str(template.id), "version": 1, "uri": f"{self.url}/v2/template/{template.id}"},
        }

    def listed(self, query: dict[str, list[str]]) -> list[dict[str, Any]]:
        with self._lock:
            items = [s.as_notify(self.url) for s in reversed(self.sent)]
        for name in ("template_type", "status", "reference"):
            if query.get(name):
                key = "type" if name == "template_type" else name
                items = [i for i in items if i[key] == query[name][0]]
        return items

    def wait_for(self, count: int, timeout: float = 20.0) -> list[Sent]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if len(self.sent) >= count:
                    return list(self.sent)
            time.sleep(0.05)
        with self._lock:
            raise AssertionError(f"expected {count} notifications within {timeout:.0f}s, got {len(self.sent)}")

    # --- the server ------------------------------------------------------------------------------------
    def start(self) -> NotifyStandin:
        standin = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self, status: int, body: Any, content_type: str = "application/json") -> None:
                data = body.encode() if isinstance(body, str) else json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _json(self) -> Any:
                length = int(self.headers.get("Content-Length", "0") or 0)
                raw = self.rfile.read(length) if length else b""
                try:
                    return json.loads(raw or b"null")
                except ValueError as exc:
                    raise NotifyError(400, "ValidationError", "Invalid JSON supplied in POST data") from exc

            def do_POST(self) -> None:
                path = urlsplit(self.path).path
                try:
                    if path == "/_standin/fail":
                        body = self._json() or {}
                        with standin._lock:
                            standin.fail_next = [int(body.get("status", 500))] * int(body.get("count", 1))
                        self._answer(200, {"fail_next": standin.fail_next})
                        return
                    match = re.fullmatch(r"/v2/notifications/(email|sms)", path)
                    if match is None:
                        raise NotifyError(404, "BadRequestError", "Not Found")
                    service_id = standin.authenticate(self.headers.get("Authorization"))
                    answer = standin.send(match.group(1), self._json(), service_id)
                except NotifyError as exc:
                    with standin._lock:
                        standin.requests.append((exc.status, path))
                    self._answer(exc.status, exc.body())
                    return
                with standin._lock:
                    standin.requests.append((201, path))
                self._answer(201, answer)

            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                query = parse_qs(parts.query)
                if parts.path == "/":
                    items = standin.listed(query)
                    if query.get("format") == ["json"]:
                        self._answer(200, {"notifications": items})
                    else:
                        self._answer(200, index_page(items), "text/html; charset=utf-8")
                    return
                try:
                    standin.authenticate(self.headers.get("Authorization"))
                    if parts.path == "/v2/notifications":
                        items = standin.listed(query)
                        self._answer(200, {"notifications": items, "links": {"current": standin.url + self.path}})
                        return
                    match = re.fullmatch(r"/v2/notifications/([0-9a-f-]{36})", parts.path)
                    found = [i for i in standin.listed({}) if match is not None and i["id"] == match.group(1)]
                    if not found:
                        raise NotifyError(404, "NoResultFound", "No result found")
                    self._answer(200, found[0])
                except NotifyError as exc:
                    self._answer(exc.status, exc.body())

            def log_message(self, format: str, *args: Any) -> None:
                return

        server = ThreadingHTTPServer((self.host, self.port), Handler)
        server.daemon_threads = True
        self.port = int(server.server_address[1])
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, name="notify-standin", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def serve_forever(self) -> None:
        self.start()
        assert self._thread is not None
        self._thread.join()


def render(text: str, personalisation: dict[str, Any]) -> str:
    return PLACEHOLDER.sub(lambda m: str(personalisation.get(m.group(1), m.group(0))), text)


def index_page(items: list[dict[str, Any]]) -> str:
    rows = "".join(
        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td><pre>{}</pre></td></tr>".format(
            *(
                html.escape(str(v or ""))
                for v in (
                    i["created_at"],
                    i["type"],
                    i["email_address"] or i["phone_number"],
                    i["subject"],
                    i["body"],
                )
            )
        )
        for i in items
    )
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>GOV.UK Notify stand-in</title>"
        "<style>body{font-family:sans-serif;margin:2em}td,th{border-bottom:1px solid #ccc;padding:.4em;"
        "vertical-align:top;text-align:left}pre{white-space:pre-wrap;margin:0}</style></head><body>"
        "<h1>GOV.UK Notify stand-in</h1><p>What the VRU Platform would have sent, newest first "
        f"({len(items)}). Nothing leaves this machine. <a href='/?format=json'>JSON</a></p>"
        "<table><thead><tr><th>When</th><th>Channel</th><th>To</th><th>Subject</th><th>Message</th></tr></thead>"
        f"<tbody>{rows}</tbody></table></body></html>"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m vru_dev.notify_standin", description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8107)
    parser.add_argument("--api-key", action="append", help="an API key it accepts (default: the development key)")
    args = parser.parse_args(argv)
    standin = NotifyStandin(port=args.port, host=args.host, api_keys=tuple(args.api_key or (DEV_API_KEY,)))
    print(f"GOV.UK Notify stand-in on {standin.url if args.port else args.host}", flush=True)
    standin.serve_forever()


if __name__ == "__main__":
    main()
