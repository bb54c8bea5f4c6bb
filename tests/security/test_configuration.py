"""Security configuration (OWASP API8): security headers and no server banners on every service's answers
through the gateway, no stack trace or SQL in an unexpected error, CORS only for the configured origin,
API docs exposed as configured, internal endpoints not published, and default secrets refused outside
development by every service's settings."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest
from pydantic import ValidationError
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine
from web.pages.api_docs import DOCS_CONTENT_SECURITY_POLICY

from etp_inventory.settings import EtpInventorySettings
from funding.settings import FundingSettings
from identity.settings import IdentitySettings
from notifications.settings import NotificationsSettings
from referrals.settings import ReferralsSettings
from tests.conftest import auth, password_token
from tests.security.inprocess import SERVICES, Services, build_apps
from tests.security.oas import PROBLEM_JSON
from vru_dev.notify_standin import DEV_API_KEY
from vru_dev.testing import TestIssuer, running_app
from vru_shared.problems import problem_type
from vru_shared.settings import ServiceSettings

#: A read of each service through the gateway, and who may make it.
READS = {
    "identity": ("/v1/agencies", "analyst@example.org"),
    "referrals": ("/v1/districts", "analyst@example.org"),
    "funding": ("/v1/financial-years", "programme.officer@example.org"),
    "etp_inventory": ("/v1/component-types", "csp.medway@example.org"),
}
ALLOWED_ORIGIN = "http://localhost:5173"
OTHER_ORIGIN = "https://attacker.example.org"


def assert_hardened(response: httpx.Response) -> None:
    headers = response.headers
    where = f"{response.request.method} {response.request.url.path} → {response.status_code}"
    assert headers.get("x-content-type-options") == "nosniff", where
    assert headers.get("x-frame-options") == "DENY", where
    assert headers.get("referrer-policy") == "no-referrer", where
    assert headers.get("strict-transport-security", "").startswith("max-age=31536000"), where
    assert "default-src 'none'" in headers.get("content-security-policy", ""), where
    assert "server" not in headers, where  # uvicorn's banner is stripped at the gateway
    assert "x-powered-by" not in headers, where
    assert headers.get("x-request-id"), where


@pytest.mark.e2e
class TestThroughTheGateway:
    def test_security_headers_on_every_service_and_on_errors(self, gateway: httpx.Client) -> None:
        for path, login in READS.values():
            token = password_token(gateway, login)
            assert_hardened(gateway.get(path, headers=auth(token)))  # 200 from the service
            assert_hardened(gateway.get(path))  # 401 from the service
            assert_hardened(gateway.get(path + "/security-unknown", headers=auth(token)))  # 404
        assert_hardened(gateway.get("/v1/public/packs.geojson"))
        assert_hardened(gateway.get("/v1/no-such-thing"))
        assert_hardened(gateway.delete("/v1/districts"))  # 405 from the service

    def test_the_gateways_own_refusals_are_hardened_problems(self, gateway: httpx.Client) -> None:
        """Issue 13: Traefik refused an encoded character in the path and oversized headers before any middleware,
        with a bare 400/431. Through the real platform both are problems with every security header."""
        token = password_token(gateway, "analyst@example.org")
        refusals = {
            400: gateway.get("/v1/referrals/a%2Fb", headers=auth(token)),
            431: gateway.get("/v1/districts", headers={**auth(token), "X-Padding": "x" * 40_000}),
        }
        for status, response in refusals.items():
            assert response.status_code == status, response.text
            assert_hardened(response)
            assert response.headers["content-type"].startswith(PROBLEM_JSON)
            assert response.json()["type"] == problem_type(status)
            assert response.json()["request_id"] == response.headers["x-request-id"]

    def test_errors_carry_no_trace_or_internals(self, gateway: httpx.Client) -> None:
        for response in (
            gateway.get("/v1/referrals/not-a-uuid", headers=auth(password_token(gateway, "analyst@example.org"))),
            gateway.post("/v1/grants", content=b"{not json", headers={"Content-Type": "application/json"}),
            gateway.get("/v1/no-such-thing"),
        ):
            assert response.headers["content-type"].startswith(PROBLEM_JSON)
            text = response.text.lower()
            for internal in ("traceback", "sqlalchemy", "asyncpg", "uvicorn", "starlette", 'file "'):
                assert internal not in text, (response.request.url.path, internal)

    def test_cors_only_for_the_configured_origin(self, gateway: httpx.Client) -> None:
        preflight = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "Authorization"}
        ok = gateway.options("/v1/referrals", headers={"Origin": ALLOWED_ORIGIN, **preflight})
        assert ok.headers["access-control-allow-origin"] == ALLOWED_ORIGIN
        assert ok.headers.get("access-control-allow-credentials") != "true"
        refused = gateway.options("/v1/referrals", headers={"Origin": OTHER_ORIGIN, **preflight})
        assert "access-control-allow-origin" not in refused.headers
        token = password_token(gateway, "analyst@example.org")
        simple = gateway.get("/v1/referrals", headers={"Origin": OTHER_ORIGIN, **auth(token)})
        assert simple.status_code == 200
        assert "access-control-allow-origin" not in simple.headers
        assert (
            gateway.get("/v1/districts", headers={"Origin": "null"}).headers.get("access-control-allow-origin") is None
        )

    def test_docs_are_published_as_configured(self, gateway: httpx.Client) -> None:
        docs = gateway.get("/docs")
        assert docs.status_code == 200
        assert docs.headers["content-type"].startswith("text/html")
        # Served from the platform's own copy of Swagger UI: no other origin, no inline script (issue 15).
        assert docs.headers["content-security-policy"] == DOCS_CONTENT_SECURITY_POLICY
        assert "http" not in DOCS_CONTENT_SECURITY_POLICY
        assert "'unsafe-inline'" not in DOCS_CONTENT_SECURITY_POLICY.split("script-src")[1].split(";")[0]
        assert "//" not in docs.text.replace("<!DOCTYPE", "")
        assert gateway.get("/static/swagger-ui/swagger-ui-bundle.js").status_code == 200
        merged = gateway.get("/openapi.json").json()
        assert {"/v1/referrals", "/v1/grants", "/v1/sites", "/v1/agencies"} <= set(merged["paths"])
        for service in SERVICES:
            assert gateway.get(f"/openapi/{service}.json").status_code == 200
        for hidden in ("/redoc", "/docs/oauth2-redirect"):
            assert gateway.get(hidden).status_code == 404, hidden

    def test_internal_endpoints_are_not_published(self, gateway: httpx.Client) -> None:
        """Metrics, readiness and Traefik's own API stay on the internal entry point / the services' ports."""
        for path in ("/metrics", "/readyz", "/api/rawdata", "/dashboard/", "/ping"):
            response = gateway.get(path)
            assert response.status_code == 404, (path, response.text[:200])
            assert "vru_http_requests_total" not in response.text


@pytest.mark.parametrize("service", SERVICES)
async def test_an_unexpected_error_is_a_bare_500_problem(
    service: str, db_urls: dict[str, str], issuer: TestIssuer
) -> None:
    """Force a real failure (the service's database is not there) and read the answer."""
    app = build_apps(db_urls)[service]
    head, _, tail = db_urls[service].partition("?")
    wrong = head.rsplit("/", 1)[0] + "/vru_security_missing" + ("?" + tail if tail else "")
    path, principal = {
        "identity": ("/v1/agencies", ["admin"]),
        "referrals": ("/v1/districts", ["analyst"]),
        "funding": ("/v1/financial-years", ["programme_officer"]),
        "etp_inventory": ("/v1/component-types", ["programme_officer"]),
        "notifications": ("/v1/webhook-subscriptions", ["admin"]),
    }[service]
    async with running_app(app, issuer, db_urls[service]) as client:
        engine = create_async_engine(wrong)
        app.state.sessionmaker = async_sessionmaker(engine, expire_on_commit=False)
        try:
            response = await client.get(path, headers=issuer.headers(roles=principal))
        finally:
            await engine.dispose()
    assert response.status_code == 500
    assert response.headers["content-type"].startswith(PROBLEM_JSON)
    body = response.json()
    assert set(body) == {"type", "title", "status", "detail", "instance", "request_id"}
    assert body["request_id"]  # to quote when reporting it (the gateway also sends it as X-Request-ID)
    text = response.text.lower()
    for internal in (
        "traceback",
        "password",
        "vru_security_missing",
        "asyncpg",
        "sqlalchemy",
        "select ",
        "does not exist",
    ):
        assert internal not in text, internal


async def test_services_send_no_cors_headers_of_their_own(services: Services) -> None:
    """CORS is the gateway's: a service answering a browser's origin itself would bypass the gateway's list."""
    for service, (path, _) in READS.items():
        response = await services.clients[service].get(
            path, headers={"Origin": ALLOWED_ORIGIN, **services.headers("admin")}
        )
        assert not any(h.startswith("access-control-") for h in response.headers), service


async def test_services_publish_no_docs_page_of_their_own(services: Services) -> None:
    for service in ("referrals", "funding", "etp_inventory"):
        for path in ("/docs", "/redoc"):
            response = await services.clients[service].get(path)
            assert response.status_code == 404, (service, path)
            assert response.json()["type"].endswith("/not-found"), (service, path)  # no such route at all
        assert (await services.clients[service].get(f"/openapi/{service}.json")).status_code == 200


# --------------------------------------------------------------------------------------------------
# Default secrets

SETTINGS: dict[str, type[ServiceSettings]] = {
    "identity": IdentitySettings,
    "referrals": ReferralsSettings,
    "funding": FundingSettings,
    "etp_inventory": EtpInventorySettings,
    "notifications": NotificationsSettings,
}
STRONG = "Kq3-7vT9-security-test-not-a-default-2Lw"


def settings_with(service: str, environment: str, password: str, secret: str, **extra: Any) -> ServiceSettings:
    url = f"postgresql+asyncpg://{service}:{password}@db.example.org/vru"
    if service == "identity":
        extra.setdefault("key_passphrase", secret)
    if service == "referrals":
        extra.setdefault("audit_seal_key", secret)
        extra.setdefault("audit_anchor_path", "/var/lib/vru/audit-anchor.jsonl")
    if service == "notifications":
        extra.setdefault("secret_encryption_keys", [secret])
        extra.setdefault("notify_api_key", f"vru_live-{uuid.UUID(int=1)}-{secret}")
    return SETTINGS[service](environment=environment, database_url=url, client_secret=secret, **extra)


@pytest.mark.parametrize("service", SERVICES)
@pytest.mark.parametrize("environment", ["production", "test"])
def test_default_secrets_are_refused_outside_development(service: str, environment: str) -> None:
    with pytest.raises(ValidationError, match="refuses development or empty secrets"):
        settings_with(service, environment, "dev-only-db-password", STRONG)
    with pytest.raises(ValidationError, match="client_secret"):
        settings_with(service, environment, STRONG, "dev-only-client-secret")
    with pytest.raises(ValidationError, match="database_password"):
        settings_with(service, environment, "", STRONG)
    if service == "identity":
        with pytest.raises(ValidationError, match="key_passphrase"):
            settings_with(service, environment, STRONG, STRONG, key_passphrase="dev-only-key-passphrase")
    if service == "referrals":
        with pytest.raises(ValidationError, match="audit_seal_key"):
            settings_with(service, environment, STRONG, STRONG, audit_seal_key="dev-only-audit-seal-key")
        with pytest.raises(ValidationError, match="audit_anchor_path"):
            settings_with(service, environment, STRONG, STRONG, audit_anchor_path=None)
    if service == "notifications":
        with pytest.raises(ValidationError, match=r"secret_encryption_keys\[0\]"):
            settings_with(
                service, environment, STRONG, STRONG, secret_encryption_keys=["dev-only-webhook-secret-encryption-key"]
            )
        with pytest.raises(ValidationError, match=r"secret_encryption_keys\[1\]"):
            settings_with(service, environment, STRONG, STRONG, secret_encryption_keys=[STRONG, "dev-retired-key"])
    if service == "notifications":  # the Notify stand-in's key (vru up, docker-compose)
        with pytest.raises(ValidationError, match="notify_api_key"):
            settings_with(service, environment, STRONG, STRONG, notify_api_key=DEV_API_KEY)
    assert settings_with(service, environment, STRONG, STRONG).environment.value == environment
    assert settings_with(service, "development", "dev-only-db-password", "dev-only-client-secret")


#: What ``vru up`` and docker-compose.yml ship when nothing is set (vru_dev.platform, docker-compose.yml).
SHIPPED = {
    "identity": ("dev-identity-db-password", "dev-only-identity-secret"),
    "referrals": ("dev-referrals-db-password", "dev-only-referrals-secret"),
    "funding": ("dev-funding-db-password", "dev-only-funding-secret"),
    "etp_inventory": ("dev-etp_inventory-db-password", "dev-only-etp-inventory-secret"),
    "notifications": ("dev-notifications-db-password", "dev-only-notifications-secret"),
}


@pytest.mark.parametrize("service", SERVICES)
def test_the_shipped_development_secrets_are_refused_in_production(service: str) -> None:
    password, secret = SHIPPED[service]
    with pytest.raises(ValidationError):
        settings_with(service, "production", password, STRONG)
    with pytest.raises(ValidationError):
        settings_with(service, "production", STRONG, secret)
