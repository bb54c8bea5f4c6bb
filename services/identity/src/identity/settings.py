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
    #: Consecutive failed logins that lock an account, and for how long.
    lockout_threshold: int = Field(default=5, ge=1, le=100)
    lockout_minutes: int = Field(default=15, ge=1, le=1440)
    #: Delay after a failed login: base * 2^(failures-1), capped.
    failed_login_delay_seconds: float = Field(default=0.25, ge=0, le=5)
    failed_login_delay_cap_seconds: float = Field(default=2.0, ge=0, le=10)
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
