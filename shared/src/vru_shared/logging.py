"""Structured JSON logs with the request id, and the trace and span ids of the active span (``vru_shared.tracing``).
Log events and ids, never personal data or tokens."""

from __future__ import annotations

import logging
import sys
from contextvars import ContextVar
from typing import Any

from opentelemetry import trace
from pythonjsonlogger.json import JsonFormatter

_request_id: ContextVar[str | None] = ContextVar("vru_request_id", default=None)
_client_request_id: ContextVar[str | None] = ContextVar("vru_client_request_id", default=None)
_service: ContextVar[str] = ContextVar("vru_service", default="vru")


def current_request_id() -> str | None:
    return _request_id.get()


def bind_request_id(value: str | None) -> None:
    _request_id.set(value)


def current_client_request_id() -> str | None:
    """The ``X-Request-ID`` the caller sent, which the gateway passes on as ``X-Client-Request-ID``."""
    return _client_request_id.get()


def bind_client_request_id(value: str | None) -> None:
    _client_request_id.set(value)


class _ContextFilter(logging.Filter):
    def __init__(self, service: str) -> None:
        super().__init__()
        self.service = service

    def filter(self, record: logging.LogRecord) -> bool:
        record.service = self.service
        record.request_id = _request_id.get()
        record.client_request_id = _client_request_id.get()
        # The active span's ids (W3C form: 32 and 16 hex digits), so a line can be found from its trace and back;
        # none without a span (tracing off, or outside a request).
        context = trace.get_current_span().get_span_context()
        if context.is_valid:
            record.trace_id = trace.format_trace_id(context.trace_id)
            record.span_id = trace.format_span_id(context.span_id)
        else:
            record.trace_id = record.span_id = None
        return True


class _StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever ``sys.stderr`` is at the time (test runners swap and close it)."""

    @property
    def stream(self) -> Any:
        return sys.stderr

    @stream.setter
    def stream(self, _: Any) -> None:
        pass


def configure_logging(service: str, level: str = "INFO") -> None:
    """JSON lines on stderr for the service's own loggers, uvicorn's and SQLAlchemy's."""
    handler = _StderrHandler()
    handler.setFormatter(
        JsonFormatter(
            "%(asctime)s %(levelname)s %(name)s %(message)s %(service)s %(request_id)s %(client_request_id)s"
            " %(trace_id)s %(span_id)s",
            rename_fields={"asctime": "time", "levelname": "level", "name": "logger"},
            timestamp=False,
        )
    )
    handler.addFilter(_ContextFilter(service))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for name in ("uvicorn", "uvicorn.error"):
        logging.getLogger(name).handlers[:] = []
        logging.getLogger(name).propagate = True
    # The access log is written by our middleware (with request id, without query strings).
    logging.getLogger("uvicorn.access").disabled = True
