from functools import cached_property, lru_cache

from pydantic import AnyHttpUrl, Field, SecretStr, field_validator

from notifications.notice.kinds import KINDS, default_template_ids
from notifications.webhook.secret_box import SecretBox
from vru_shared.settings import ServiceSettings, service_config

#: The development key ``vru up``, docker-compose and the tests use; refused outside development (``dev-…``).
DEVELOPMENT_SECRET_ENCRYPTION_KEY = "dev-only-webhook-secret-encryption-key"


class NotificationsSettings(ServiceSettings):
    model_config = service_config("NOTIFICATIONS_")

    service_name: str = "notifications"
    db_schema: str = "notifications"
    #: The platform's public base URL: ``links.self`` of an event is this plus the record's API path.
    public_url: AnyHttpUrl = AnyHttpUrl("http://localhost:8080")
    #: Hosts (exact names or IP addresses, each alone for any port or as ``host:port`` for that port only) a
    #: subscription may target although they resolve to a private, loopback or link-local address — for tests and
    #: a developer's receiver (``127.0.0.1``). Empty in production.
    webhook_allowed_hosts: list[str] = Field(default_factory=list, max_length=50)
    #: Only the allow-listed hosts may be targets, and no other host is even looked up in DNS: a staging platform,
    #: the security suite's fuzzing (which must not make the service call out to hosts it makes up).
    webhook_allowed_hosts_only: bool = False
    #: How often the delivery worker looks for due deliveries.
    delivery_poll_seconds: float = Field(default=1.0, gt=0, le=60)
    #: Deliveries one worker claims per round, and how long a claim (lease) lasts before another replica may
    #: take the delivery over (a worker that died mid-delivery).
    delivery_batch: int = Field(default=20, ge=1, le=200)
    delivery_lease_seconds: float = Field(default=60.0, gt=0, le=3600)
    #: Retries: the n-th failed attempt waits ``base × 2^(n-1)`` (capped), times a random factor in [0.5, 1].
    retry_base_seconds: float = Field(default=30.0, gt=0)
    retry_max_seconds: float = Field(default=3600.0, gt=0)
    #: A delivery is given up (``failed``) after this many attempts (redeliver it by API).
    max_attempts: int = Field(default=12, ge=1, le=50)
    #: The per-endpoint circuit: after this many consecutive failures the endpoint is not tried for the cool-down.
    circuit_failure_threshold: int = Field(default=5, ge=1)
    circuit_cooldown_seconds: float = Field(default=300.0, gt=0)
    #: A subscription whose endpoint failed this many times in a row is paused (``paused_reason: failing``).
    auto_pause_after_failures: int = Field(default=50, ge=1)
    #: After a secret rotation the previous secret still signs (a second signature) for this long.
    secret_overlap_hours: float = Field(default=24.0, ge=0, le=168)
    #: Outgoing delivery: connect and read timeouts, and how much of the receiver's answer is read.
    webhook_connect_timeout_seconds: float = Field(default=3.0, gt=0, le=30)
    webhook_read_timeout_seconds: float = Field(default=10.0, gt=0, le=60)
    webhook_max_response_bytes: int = Field(default=64 * 1024, ge=1024, le=1024 * 1024)
    #: Keys that encrypt the subscriptions' signing secrets at rest (JSON list; docs/operations.md, "Webhook
    #: secret keys"): the first encrypts, every one decrypts — put a new key first, re-encrypt, then drop the old.
    #: Each a random string of 32 characters or more (``secrets.token_urlsafe(32)``).
    secret_encryption_keys: list[SecretStr] = Field(
        default_factory=lambda: [SecretStr(DEVELOPMENT_SECRET_ENCRYPTION_KEY)], min_length=1, max_length=10
    )

    def secrets(self) -> dict[str, SecretStr]:
        keys = self.secret_encryption_keys
        return super().secrets() | {f"secret_encryption_keys[{i}]": key for i, key in enumerate(keys)}

    @cached_property
    def secret_box(self) -> SecretBox:
        return SecretBox([key.get_secret_value() for key in self.secret_encryption_keys])

    # --- e-mail and SMS notices to people (GOV.UK Notify) ---
    #: The Notify API key (``name-<service id>-<secret>``); the default is the development stand-in's, refused
    #: outside development.
    notify_api_key: SecretStr = SecretStr(
        "dev-standin-6c9a4f4e-7a35-4d3b-9a51-2f0d1c7e8b90-0d5f3c1a-8e2b-4f6a-9c7d-1b2a3e4f5d6c"
    )
    #: Notify's API (the stand-in's on ``vru up``: ``python -m vru_dev.notify_standin``).
    notify_base_url: AnyHttpUrl = AnyHttpUrl("http://127.0.0.1:8107")
    #: The Notify template id of each notice kind and channel: ``{"referral.accepted": {"email": "<id>", "sms":
    #: "<id>"}, …}`` (JSON). A kind or channel without a template is not sent on it. Default: the stand-in's.
    notify_templates: dict[str, dict[str, str]] = Field(default_factory=default_template_ids)
    #: One call to Notify at most this long (the client is synchronous; it runs in a thread).
    notify_timeout_seconds: float = Field(default=10.0, gt=0, le=60)
    #: The web front end's base URL: the link in each message is this plus the record's page.
    web_url: AnyHttpUrl = AnyHttpUrl("http://localhost:8080")
    #: The notice worker: rounds, batch, lease, retries (backoff ``base × 2^(n-1)`` capped, times [0.5, 1]) and
    #: when a notice is given up.
    notice_poll_seconds: float = Field(default=2.0, gt=0, le=60)
    notice_batch: int = Field(default=50, ge=1, le=500)
    notice_lease_seconds: float = Field(default=60.0, gt=0, le=3600)
    notice_retry_base_seconds: float = Field(default=30.0, gt=0)
    notice_retry_max_seconds: float = Field(default=3600.0, gt=0)
    notice_max_attempts: int = Field(default=12, ge=1, le=50)

    @field_validator("notify_templates")
    @classmethod
    def _known_kinds(cls, value: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
        for kind, channels in value.items():
            if kind not in KINDS:
                raise ValueError(f"not a notice kind: {kind} (one of {', '.join(KINDS)})")
            for channel in channels:
                if channel not in ("email", "sms"):
                    raise ValueError(f"{kind}: not a channel: {channel} (email or sms)")
        return value


@lru_cache
def get_settings() -> NotificationsSettings:
    return NotificationsSettings()
