"""Sending one notice through GOV.UK Notify with ``notifications-python-client``. The client is synchronous
(``requests``): each call runs in a worker thread, bounded by a timeout, never on the event loop."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

import requests
from notifications_python_client.errors import APIError
from notifications_python_client.notifications import NotificationsAPIClient

from notifications.notice.kinds import Channel


@dataclass(frozen=True, slots=True)
class SendOutcome:
    """``ok`` with Notify's notification id; else whether to retry (5xx, 429, timeouts, no connection) or give up
    (400, 403: a request Notify will never take)."""

    ok: bool
    notify_id: str | None = None
    status_code: int | None = None
    error: str | None = None
    retry: bool = False


class NotifySender:
    """One Notify client per thread call (the client is not thread-safe)."""

    def __init__(self, api_key: str, base_url: str, timeout_seconds: float) -> None:
        self.api_key = api_key
        self.base_url = base_url.rstrip("/")
        self.timeout_seconds = timeout_seconds

    def _send_blocking(
        self, channel: Channel, to: str, template_id: str, personalisation: dict[str, str], reference: str
    ) -> dict[str, Any]:
        client = NotificationsAPIClient(self.api_key, base_url=self.base_url, timeout=self.timeout_seconds)  # type: ignore[no-untyped-call]
        try:
            if channel is Channel.EMAIL:
                answer = client.send_email_notification(  # type: ignore[no-untyped-call]
                    email_address=to, template_id=template_id, personalisation=personalisation, reference=reference
                )
            else:
                answer = client.send_sms_notification(  # type: ignore[no-untyped-call]
                    phone_number=to, template_id=template_id, personalisation=personalisation, reference=reference
                )
        finally:
            client.request_session.close()
        return dict(answer)

    async def send(
        self, channel: Channel, to: str, template_id: str, personalisation: dict[str, str], reference: str
    ) -> SendOutcome:
        try:
            async with asyncio.timeout(self.timeout_seconds * 1.5):
                answer = await asyncio.to_thread(
                    self._send_blocking, channel, to, template_id, personalisation, reference
                )
        except TimeoutError:
            return SendOutcome(False, error="timed out", retry=True)
        except APIError as exc:
            status = exc.status_code
            cause = exc.__cause__
            if isinstance(cause, requests.Timeout):
                return SendOutcome(False, error="timed out", retry=True)
            if isinstance(cause, requests.ConnectionError):
                return SendOutcome(False, error="could not connect", retry=True)
            message = _message(exc)
            retry = status >= 500 or status == 429
            return SendOutcome(False, status_code=status, error=f"answered {status}: {message}"[:500], retry=retry)
        return SendOutcome(True, notify_id=str(answer.get("id")), status_code=201)


def _message(exc: APIError) -> str:
    message = exc.message
    if isinstance(message, list):
        return "; ".join(f"{m.get('error')}: {m.get('message')}" for m in message if isinstance(m, dict))
    return str(message)
