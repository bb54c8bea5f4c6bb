"""The platform's API, called through the gateway with the signed-in person's own token.

Every rule, limit and audit entry of the API applies unchanged: the front end decides nothing about who may
see what. An API problem becomes :class:`ApiProblem`; pages show its message, and a form its field errors.
"""

from __future__ import annotations

from typing import Any

import httpx

from vru_shared.logging import current_client_request_id, current_request_id


class ApiProblem(Exception):
    """An RFC 9457 problem from the API (or a stand-in when the API could not be reached)."""

    def __init__(self, status: int, problem: dict[str, Any]) -> None:
        super().__init__(problem.get("title", "problem"))
        self.status = status
        self.problem = problem

    @property
    def slug(self) -> str:
        return str(self.problem.get("type", "")).rsplit("/", 1)[-1]

    @property
    def detail(self) -> str:
        return str(self.problem.get("detail") or self.problem.get("title") or "Something went wrong.")

    def field_errors(self) -> dict[str, str]:
        """``{field: message}`` from a 422's ``errors`` (each entry's ``field``, its last part, as the form names
        it; the message as the API wrote it)."""
        errors: dict[str, str] = {}
        for error in self.problem.get("errors") or []:
            loc = [str(part) for part in error.get("loc", []) if part not in ("body", "query", "path")]
            field = str(error.get("field") or ".".join(loc) or "form")
            name = field.rsplit(".", 1)[-1]
            errors.setdefault(name, str(error.get("message") or error.get("msg") or "Check this answer."))
        return errors


class Api:
    def __init__(self, http: httpx.AsyncClient, token: str | None) -> None:
        self.http = http
        self.token = token

    def _headers(self, extra: dict[str, str] | None) -> dict[str, str]:
        headers = {"Accept": "application/json"}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        # The page's request id travels on, so the API's log and audit entries can be found from the page's.
        client_request_id = current_client_request_id() or current_request_id()
        if client_request_id:
            headers["X-Request-ID"] = client_request_id
        return headers | (extra or {})

    async def call(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, Any] | None = None,
        json: Any = None,
        data: dict[str, str] | None = None,
        content: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> httpx.Response:
        query = {k: v for k, v in (params or {}).items() if v not in (None, "")}
        try:
            response = await self.http.request(
                method, path, params=query, json=json, data=data, content=content, headers=self._headers(headers)
            )
        except httpx.HTTPError as exc:
            raise ApiProblem(
                503, {"title": "The platform is not answering", "detail": "Try again in a minute."}
            ) from exc
        if response.status_code >= 400:
            try:
                problem = response.json()
            except ValueError:
                problem = {"title": response.reason_phrase}
            if not isinstance(problem, dict):
                problem = {"title": response.reason_phrase}
            raise ApiProblem(response.status_code, problem)
        return response

    async def get(self, path: str, **params: Any) -> Any:
        return (await self.call("GET", path, params=params)).json()

    async def post(self, path: str, body: Any = None, **kwargs: Any) -> Any:
        response = await self.call("POST", path, json=body, **kwargs)
        return response.json() if response.content else None

    async def put(self, path: str, body: Any) -> Any:
        response = await self.call("PUT", path, json=body)
        return response.json() if response.content else None

    async def patch(self, path: str, body: Any, etag: str | None = None) -> Any:
        response = await self.call("PATCH", path, json=body, headers={"If-Match": etag} if etag else None)
        return response.json() if response.content else None

    async def get_with_etag(self, path: str) -> tuple[Any, str | None]:
        response = await self.call("GET", path)
        return response.json(), response.headers.get("etag")

    async def stream(self, path: str, *, params: dict[str, Any] | None = None, accept: str) -> httpx.Response:
        """A download, streamed: the open response (its body not yet read). The caller closes it
        (``StreamingResponse(response.aiter_raw(), background=BackgroundTask(response.aclose))``)."""
        query = {k: v for k, v in (params or {}).items() if v not in (None, "")}
        request = self.http.build_request("GET", path, params=query, headers=self._headers({"Accept": accept}))
        try:
            response = await self.http.send(request, stream=True)
        except httpx.HTTPError as exc:
            raise ApiProblem(
                503, {"title": "The platform is not answering", "detail": "Try again in a minute."}
            ) from exc
        if response.status_code >= 400:
            await response.aread()
            await response.aclose()
            try:
                problem = response.json()
            except ValueError:
                problem = None
            if not isinstance(problem, dict):
                problem = {"title": response.reason_phrase}
            raise ApiProblem(response.status_code, problem)
        return response
