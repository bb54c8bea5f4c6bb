"""Responses that hold a secret are never stored for ``Idempotency-Key`` replay.

The shared unit-of-work middleware keeps a successful POST's response body for at least 24 hours so a
retry gets it back. For a new API client, a rotated client secret or an access token that body *is* the
secret, and secrets are only ever stored hashed here — so on those routes the header is dropped before the
idempotency machinery sees it. (A retried client creation answers 409; a retried rotation issues another
secret; a retried token request gets another token. All are safe.)
"""

import re

from starlette.types import ASGIApp, Receive, Scope, Send

SECRET_BEARING = re.compile(r"^/(?:oauth/token|v1/clients(?:/[^/]+/secret)?)/?$")


class SecretResponsesNotReplayed:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "POST" and SECRET_BEARING.match(scope["path"]):
            headers = [(k, v) for k, v in scope.get("headers", []) if k.lower() != b"idempotency-key"]
            scope = {**scope, "headers": headers}
        await self.app(scope, receive, send)
