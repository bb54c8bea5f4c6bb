"""Settings base: one pydantic-settings class per service, each with its own env prefix."""

from __future__ import annotations

from enum import StrEnum
from typing import Self

from pydantic import AnyHttpUrl, BaseModel, Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

#: Values that ship in the repository for local development. Outside development they are refused.
DEVELOPMENT_SECRETS = frozenset(
    {
        "dev-only-client-secret",
        "dev-only-key-passphrase",
        "dev-only-db-password",
        "change-me",
        "",
    }
)


def is_development_secret(value: str) -> bool:
    """The repository's own values (and every ``dev-…`` default that ``vru up`` and docker-compose ship)."""
    return value in DEVELOPMENT_SECRETS or value.startswith("dev-")


#: The longest access-token lifetime the services accept from the identity service (it issues 15 minutes).
MAX_TOKEN_LIFETIME_SECONDS = 3600


class Environment(StrEnum):
    DEVELOPMENT = "development"
    TEST = "test"
    PRODUCTION = "production"


class TrustedIssuer(BaseModel):
    """An issuer whose tokens a service accepts: the identity service, or an external OIDC provider."""

    issuer: str
    jwks_url: AnyHttpUrl
    audience: str = "vru-api"
    #: The JOSE ``typ`` an access token of this issuer carries (RFC 9068: ``at+jwt``); an ID token or any other
    #: JWT the issuer signs is refused.
    token_types: tuple[str, ...] = ("at+jwt", "application/at+jwt")
    #: The longest ``exp - iat`` accepted: a token minted for longer is refused, however it was signed.
    max_lifetime_seconds: int = Field(default=MAX_TOKEN_LIFETIME_SECONDS, ge=60, le=86_400)


class ServiceSettings(BaseSettings):
    """Common settings. Subclasses set ``model_config = service_config("REFERRALS_")``."""

    model_config = SettingsConfigDict(env_prefix="VRU_", extra="ignore")

    service_name: str = "vru"
    environment: Environment = Environment.DEVELOPMENT
    database_url: SecretStr = SecretStr("postgresql+asyncpg://localhost/vru")
    db_schema: str = "public"
    db_pool_size: int = Field(default=10, ge=1, le=100)
    db_statement_timeout_ms: int = Field(default=15_000, ge=100)
    #: How long a request waits for a pooled connection before it is answered 503 (the pool is exhausted).
    db_pool_timeout_seconds: float = Field(default=10.0, gt=0, le=60)

    #: Tokens: the identity service is always trusted; more issuers (external OIDC) may be added.
    token_issuer: str = "http://localhost:8000"
    token_audience: str = "vru-api"
    jwks_url: AnyHttpUrl = AnyHttpUrl("http://127.0.0.1:8101/.well-known/jwks.json")
    extra_trusted_issuers: list[TrustedIssuer] = Field(default_factory=list)
    jwks_cache_seconds: int = Field(default=300, ge=1)

    #: How often the token revocation list is fetched from the identity service (identity reads its own table
    #: as often): a deactivated or changed account's earlier tokens are refused within about this long.
    revocation_poll_seconds: float = Field(default=15.0, gt=0, le=300)

    #: This service's own client-credentials identity, for system calls to other services.
    identity_url: AnyHttpUrl = AnyHttpUrl("http://127.0.0.1:8101")
    client_id: str = ""
    client_secret: SecretStr = SecretStr("dev-only-client-secret")

    #: Base URLs of the peer services this one calls, by name (``{"funding": "http://127.0.0.1:8103"}``).
    peer_urls: dict[str, AnyHttpUrl] = Field(default_factory=dict)
    http_timeout_seconds: float = Field(default=5.0, gt=0, le=60)
    http_retries: int = Field(default=2, ge=0, le=5)
    breaker_failure_threshold: int = Field(default=5, ge=1)
    breaker_reset_seconds: float = Field(default=30.0, gt=0)

    max_body_bytes: int = Field(default=1_048_576, ge=1024)
    idempotency_ttl_hours: int = Field(default=48, ge=24)
    log_level: str = "INFO"

    @property
    def trusted_issuers(self) -> list[TrustedIssuer]:
        own = TrustedIssuer(issuer=self.token_issuer, jwks_url=self.jwks_url, audience=self.token_audience)
        return [own, *self.extra_trusted_issuers]

    def secrets(self) -> dict[str, SecretStr]:
        """Every secret of this settings class, by field name (override to add service secrets)."""
        return {name: value for name, value in self.__dict__.items() if isinstance(value, SecretStr)} | {
            "database_password": SecretStr(self._database_password())
        }

    def _database_password(self) -> str:
        from sqlalchemy.engine import make_url

        return make_url(self.database_url.get_secret_value()).password or ""

    @model_validator(mode="after")
    def _refuse_default_secrets(self) -> Self:
        if self.environment is Environment.DEVELOPMENT:
            return self
        weak = sorted(name for name, value in self.secrets().items() if is_development_secret(value.get_secret_value()))
        if weak:
            raise ValueError(f"{self.environment.value} refuses development or empty secrets for: {', '.join(weak)}")
        return self


def service_config(prefix: str) -> SettingsConfigDict:
    """The settings config for a service: ``REFERRALS_DATABASE_URL`` and so on."""
    return SettingsConfigDict(env_prefix=prefix, extra="ignore", env_nested_delimiter="__")
