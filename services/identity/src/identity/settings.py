from functools import lru_cache

from pydantic import Field, SecretStr

from vru_shared.settings import MAX_TOKEN_LIFETIME_SECONDS, ServiceSettings, service_config


class IdentitySettings(ServiceSettings):
    model_config = service_config("IDENTITY_")

    service_name: str = "identity"
    db_schema: str = "identity"

    #: Lifetime of an access token (DESIGN §7: 15 minutes); never longer than the services accept.
    token_ttl_seconds: int = Field(default=900, ge=60, le=MAX_TOKEN_LIFETIME_SECONDS)
    #: Encrypts signing keys' private halves at rest. Refused outside development while it is the default.
    key_passphrase: SecretStr = SecretStr("dev-only-key-passphrase")
    #: People log in with a password here (embedded setup); production may trust an external OIDC issuer
    #: instead (``extra_trusted_issuers``) and switch this off.
    password_grant_enabled: bool = True
    #: Failed logins are throttled per (account, source), never by locking the account (docs/identity.md):
    #: each failure waits base * 2^(n-1) seconds, capped, where n counts that source's failures on that
    #: account (e-mail or client id, known or not) in the last ``login_failure_window_seconds``; at most
    #: ``login_attempts_in_flight`` attempts of one source on one account run at once (more: 429).
    failed_login_delay_seconds: float = Field(default=0.25, ge=0, le=5)
    failed_login_delay_cap_seconds: float = Field(default=4.0, ge=0, le=30)
    login_failure_window_seconds: float = Field(default=900, gt=0, le=86_400)
    login_attempts_in_flight: int = Field(default=4, ge=1, le=100)
    #: Password and secret hashes waiting for one of the hashing slots; when full, 503 + Retry-After at once.
    password_hash_queue: int = Field(default=32, ge=0, le=10_000)
    #: argon2id cost (RFC 9106 "low memory" profile by default; tests lower it).
    password_hash_time_cost: int = Field(default=3, ge=1)
    password_hash_memory_kib: int = Field(default=65_536, ge=8)
    password_hash_parallelism: int = Field(default=4, ge=1)
    #: The merged API docs: how long to wait for a peer's spec and how long to keep the merged document.
    portal_fetch_timeout_seconds: float = Field(default=2.0, gt=0, le=30)
    portal_cache_seconds: float = Field(default=60.0, ge=0)


@lru_cache
def get_settings() -> IdentitySettings:
    return IdentitySettings()
