"""Every error path answers RFC 9457 problem+json, and the transaction follows the response."""

import logging
from collections.abc import AsyncIterator

import httpx
import pytest

from vru_dev.testing import TestIssuer, running_app

from .support import build_app

PROBLEM = "application/problem+json"


@pytest.fixture
async def client(db_urls: dict[str, str], issuer: TestIssuer) -> AsyncIterator[httpx.AsyncClient]:
    async with running_app(build_app(db_urls["referrals"]), issuer, db_urls["referrals"]) as client:
        yield client


@pytest.fixture
def analyst(issuer: TestIssuer) -> dict[str, str]:
    return issuer.headers(roles=["analyst"], sub="analyst-1")


async def test_unknown_route_is_404_problem(client: httpx.AsyncClient) -> None:
    response = await client.get("/v1/nothing-here")
    assert response.status_code == 404
    assert response.headers["content-type"] == PROBLEM
    body = response.json()
    assert body["status"] == 404
    assert body["instance"] == "/v1/nothing-here"
    assert body["request_id"] == response.headers["x-request-id"]


async def test_wrong_method_is_405_problem(client: httpx.AsyncClient) -> None:
    response = await client.delete("/v1/versioned")
    assert response.status_code == 405
    assert response.headers["content-type"] == PROBLEM
    assert "DELETE" in response.json()["detail"]
    assert response.headers["allow"] == "GET, PATCH"  # every route at the path, not only the first one


async def test_validation_lists_each_field(client: httpx.AsyncClient, analyst: dict[str, str]) -> None:
    response = await client.post("/v1/notes", json={"text": "", "count": "many", "colour": "red"}, headers=analyst)
    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM
    fields = {e["field"] for e in response.json()["errors"]}
    assert fields == {"text", "count", "colour"}  # extra="forbid" names the unknown field too
    assert "many" not in response.text  # input values are not echoed back


async def test_malformed_json_is_422(client: httpx.AsyncClient, analyst: dict[str, str]) -> None:
    response = await client.post(
        "/v1/notes", content=b'{"text": "x",', headers={**analyst, "content-type": "application/json"}
    )
    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM


async def test_body_too_large_is_413(client: httpx.AsyncClient, analyst: dict[str, str]) -> None:
    big = b'{"text": "' + b"x" * 2_000_000 + b'", "count": 1}'
    response = await client.post("/v1/notes", content=big, headers={**analyst, "content-type": "application/json"})
    assert response.status_code == 413
    assert response.headers["content-type"] == PROBLEM


async def test_streamed_body_too_large_is_413(client: httpx.AsyncClient, analyst: dict[str, str]) -> None:
    async def chunks() -> AsyncIterator[bytes]:
        for _ in range(40):
            yield b"x" * 65_536

    response = await client.post("/v1/notes", content=chunks(), headers={**analyst, "content-type": "application/json"})
    assert response.status_code == 413


async def test_bulk_routes_have_their_own_limit(client: httpx.AsyncClient, analyst: dict[str, str]) -> None:
    body = b"x" * 3_000_000
    headers = {**analyst, "content-type": "text/csv", "Idempotency-Key": "bulk-1"}
    first = await client.post("/v1/imports/notes", content=body, headers=headers)
    assert first.status_code == 200
    assert first.json() == {"received": 3_000_000}
    again = await client.post("/v1/imports/notes", content=body, headers=headers)
    assert "idempotent-replayed" not in again.headers  # streamed, never buffered for a fingerprint
    over = await client.post("/v1/imports/notes", content=b"x" * 4_000_001, headers=headers)
    assert over.status_code == 413
    assert "4000000 bytes" in over.json()["detail"]


async def test_wrong_media_type_is_415(client: httpx.AsyncClient, analyst: dict[str, str]) -> None:
    response = await client.post(
        "/v1/notes", content=b"<note/>", headers={**analyst, "content-type": "application/xml"}
    )
    assert response.status_code == 415
    assert response.headers["content-type"] == PROBLEM
    assert response.json()["detail"] == "Send the body as application/json."
    assert response.headers["accept"] == "application/json"


async def test_a_json_body_naming_a_member_twice_is_422(client: httpx.AsyncClient, analyst: dict[str, str]) -> None:
    """``{"count": 1, "count": 9}`` means 1 to one parser and 9 to another: refused before any parser decides."""
    headers = {**analyst, "content-type": "application/json"}
    twice = await client.post("/v1/notes", content=b'{"text": "a", "count": 1, "count": 9}', headers=headers)
    assert twice.status_code == 422
    assert twice.json()["errors"][0]["type"] == "duplicate_key"
    assert twice.json()["errors"][0]["field"] == "count"
    nested = await client.post(
        "/v1/notes", content=b'{"text": "a", "count": 1, "x": {"k": 1, "k": 2}}', headers=headers
    )
    assert nested.status_code == 422
    assert nested.json()["errors"][0]["type"] == "duplicate_key"
    once = await client.post("/v1/notes", content=b'{"text": "a", "count": 1}', headers=headers)
    assert once.status_code == 201
    assert (await client.get("/v1/notes/count", headers=analyst)).json() == {"count": 1}


async def test_unexpected_error_is_500_without_internals(client: httpx.AsyncClient) -> None:
    response = await client.get("/v1/boom")
    assert response.status_code == 500
    assert response.headers["content-type"] == PROBLEM
    assert "no_such_table_here" not in response.text
    assert "Traceback" not in response.text
    assert response.json()["request_id"]


async def test_an_unexpected_error_stays_inside_the_app(db_urls: dict[str, str], issuer: TestIssuer) -> None:
    """Re-raised to the server, an error gets its traceback logged (with the SQL parameters: a child's name)
    and its keep-alive connection closed. The transport here raises whatever reaches the server."""
    app = build_app(db_urls["referrals"])
    records: list[logging.LogRecord] = []
    handler = logging.Handler()
    handler.emit = records.append  # type: ignore[assignment]
    logging.getLogger("vru").addHandler(handler)
    try:
        async with app.router.lifespan_context(app):
            app.state.token_verifier = issuer.verifier()
            transport = httpx.ASGITransport(app=app, raise_app_exceptions=True)
            async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
                response = await client.get("/v1/boom-with-name", params={"name": "Zara " + "Example"})
                assert response.status_code == 500
                assert response.json()["type"].endswith("/internal-error")
                again = await client.get("/v1/boom-with-name", params={"name": "Zara " + "Example"})
                assert again.status_code == 500  # and again nothing reached the server
    finally:
        logging.getLogger("vru").removeHandler(handler)
    logged = [r for r in records if r.getMessage() == "unhandled error"]
    assert len(logged) == 2
    text = " ".join(f"{r.getMessage()} {r.__dict__}" for r in records)
    assert "Zara Example" not in text
    assert "ProgrammingError" in text


async def test_lost_database_is_503_with_retry_after(client: httpx.AsyncClient) -> None:
    response = await client.get("/v1/db-down")
    assert response.status_code == 503
    assert response.headers["retry-after"] == "2"
    assert response.headers["content-type"] == PROBLEM
    assert "refused" not in response.text


async def test_success_commits_and_error_rolls_back(client: httpx.AsyncClient, analyst: dict[str, str]) -> None:
    created = await client.post("/v1/notes", json={"text": "kept", "count": 1}, headers=analyst)
    assert created.status_code == 201
    assert created.headers["location"].startswith("/v1/notes/")
    failed = await client.post("/v1/failing-notes", json={"text": "lost", "count": 1}, headers=analyst)
    assert failed.status_code == 409
    assert failed.json()["type"].endswith("/clash")
    count = await client.get("/v1/notes/count", headers=analyst)
    assert count.json() == {"count": 1}


async def test_a_trailing_slash_is_not_found_never_a_redirect(
    client: httpx.AsyncClient, analyst: dict[str, str]
) -> None:
    response = await client.get("/v1/whoami/", headers={**analyst, "Host": "evil.example"})
    assert response.status_code == 404
    assert response.json()["type"].endswith("/not-found")
    assert "location" not in response.headers


async def test_responses_are_not_stored_by_caches_unless_a_route_says(
    client: httpx.AsyncClient, analyst: dict[str, str]
) -> None:
    assert (await client.get("/v1/whoami", headers=analyst)).headers["cache-control"] == "no-store"
    assert (await client.get("/v1/no-such-route")).headers["cache-control"] == "no-store"
    assert (await client.get("/v1/cacheable")).headers["cache-control"] == "public, max-age=60"


async def test_request_id_kept_or_made(client: httpx.AsyncClient, analyst: dict[str, str]) -> None:
    given = await client.get("/v1/whoami", headers={**analyst, "X-Request-ID": "abc-123"})
    assert given.headers["x-request-id"] == "abc-123"
    assert given.json()["request_id"] == "abc-123"
    made = await client.get("/v1/whoami", headers={**analyst, "X-Request-ID": "bad id <script>"})
    assert made.headers["x-request-id"] != "bad id <script>"
    assert len(made.headers["x-request-id"]) == 36


async def test_etag_and_if_match(client: httpx.AsyncClient) -> None:
    read = await client.get("/v1/versioned")
    assert read.headers["etag"] == '"v3"'
    assert (await client.patch("/v1/versioned")).status_code == 428
    star = await client.patch("/v1/versioned", headers={"If-Match": "*"})
    assert star.status_code == 428
    assert star.json()["type"].endswith("/precondition-required")
    stale = await client.patch("/v1/versioned", headers={"If-Match": '"v2"'})
    assert stale.status_code == 412
    assert stale.headers["content-type"] == PROBLEM
    assert (await client.patch("/v1/versioned", headers={"If-Match": read.headers["etag"]})).status_code == 200


async def test_health_ready_and_metrics(client: httpx.AsyncClient) -> None:
    assert (await client.get("/healthz")).json()["status"] == "alive"
    assert (await client.get("/readyz")).json()["status"] == "ready"
    await client.get("/v1/versioned")
    metrics = await client.get("/metrics")
    assert metrics.status_code == 200
    assert 'vru_http_requests_total{method="GET",route="/v1/versioned",service="sample",status="200"}' in metrics.text


async def test_problem_pages_for_the_gateway(client: httpx.AsyncClient) -> None:
    response = await client.get("/problems/429")
    assert response.status_code == 429
    assert response.headers["content-type"] == PROBLEM
    assert response.headers["retry-after"] == "1"


async def test_openapi_declares_the_statuses_every_operation_can_answer(client: httpx.AsyncClient) -> None:
    paths = (await client.get("/openapi/sample.json")).json()["paths"]
    assert {"429", "503", "400"} <= set(paths["/v1/notes"]["post"]["responses"])
    assert {"429", "503", "400"} <= set(paths["/v1/whoami"]["get"]["responses"])


async def test_openapi_declares_problem_and_security(client: httpx.AsyncClient) -> None:
    spec = (await client.get("/openapi/sample.json")).json()
    assert "Problem" in spec["components"]["schemas"]
    assert spec["components"]["securitySchemes"]["HTTPBearer"]["bearerFormat"] == "JWT"


async def test_not_ready_when_database_is_down(issuer: TestIssuer) -> None:
    app = build_app("postgresql+asyncpg://nobody:nothing@127.0.0.1:1/none")
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            response = await client.get("/readyz")
            assert response.status_code == 503
            assert response.headers["content-type"] == PROBLEM
            assert (await client.get("/healthz")).status_code == 200
