from functools import cached_property, lru_cache
from pathlib import Path
from typing import Self

from pydantic import Field, SecretStr, model_validator

from referrals.calendar import WorkingDays
from vru_shared.bank_holidays import BankHolidays
from vru_shared.settings import Environment, ServiceSettings, service_config


class ReferralsSettings(ServiceSettings):
    model_config = service_config("REFERRALS_")

    service_name: str = "referrals"
    db_schema: str = "referrals"
    #: How often new audit entries are sealed into the hash chain.
    audit_seal_interval_seconds: float = Field(default=5.0, gt=0)
    #: The key of the audit chain's HMAC and of its checkpoints. Never stored in the database: whoever holds
    #: the database (its superuser included) cannot re-seal an edited log without it. 32 random bytes or more.
    audit_seal_key: SecretStr = SecretStr("dev-only-audit-seal-key")
    #: The id stored with each seal, so a rotated key can still be checked (``audit_seal_previous_keys``).
    audit_seal_key_id: str = Field(default="1", pattern=r"^[A-Za-z0-9_.-]{1,32}$")
    #: Keys retired by rotation, by id: verify checks the seals made with them.
    audit_seal_previous_keys: dict[str, SecretStr] = Field(default_factory=dict, max_length=20)
    #: The anchor outside the database: a file (on storage the database's administrators cannot write, e.g. a
    #: volume of the service's own, or a WORM mount) where the sealer appends a signed checkpoint of the chain's
    #: head. Verify checks the chain against the newest, so cutting the log's tail or rewriting it shows.
    #: Required outside development.
    audit_anchor_path: Path | None = None
    #: How often the sealer appends a checkpoint while the chain grows.
    audit_checkpoint_interval_seconds: float = Field(default=60.0, gt=0)
    #: How often the funding outbox is sent (counts of referrals funded projects accepted); also the first retry
    #: delay of a count funding could not take, doubling up to ``funding_count_max_backoff_seconds``.
    funding_count_interval_seconds: float = Field(default=5.0, gt=0)
    funding_count_max_backoff_seconds: float = Field(default=300.0, gt=0)
    #: How often the event outbox (partners' webhooks) is relayed to the notifications service; also the first
    #: retry delay of a batch notifications did not take, doubling up to 5 minutes.
    events_relay_interval_seconds: float = Field(default=1.0, gt=0)
    #: How often reviews past their target and meeting actions past their due date are looked for and announced
    #: (``review.overdue``, ``meeting_action.overdue``; each once).
    overdue_announce_interval_seconds: float = Field(default=300.0, gt=0)
    #: Body limit of the bulk import routes (``/v1/imports/…``), streamed; other routes keep ``max_body_bytes``.
    import_max_body_bytes: int = Field(default=32 * 1024 * 1024, ge=1024)
    #: Imports run one at a time: a second one waits this long for the first to finish (however short the
    #: statement timeout), then is answered 503 + ``Retry-After`` with nothing imported. Under the gateway's
    #: 30 s response-header timeout, so the client hears the 503 rather than the gateway's 504.
    intake_lock_wait_seconds: float = Field(default=20.0, gt=0, le=300)
    #: Possible duplicates by similar names: the least trigram similarity (pg_trgm's measure, 0–1: shared
    #: trigrams ÷ all trigrams of the two names) for two young people with the same date of birth, or of the
    #: same age band in the same district, to be flagged for a person to confirm or split.
    name_similarity_threshold: float = Field(default=0.5, gt=0, le=1)
    #: People of incidents screened out never become young people's records; this many days after such an
    #: incident last changed, what identifies them (names, date of birth, police person id) is blanked, leaving
    #: role, age and home district for the statistics. Checked every ``screened_out_purge_interval_seconds``.
    screened_out_retention_days: int = Field(default=90, ge=1, le=3650)
    screened_out_purge_interval_seconds: float = Field(default=3600.0, gt=0)
    #: A review not closed within this many working days of opening is overdue (its ``due_on`` is that day).
    #: Working days are Monday to Friday less England and Wales bank holidays (``bank_holidays_path``).
    review_target_working_days: int = Field(default=10, ge=1, le=100)
    #: The bank holidays, in the shape of GOV.UK's https://www.gov.uk/bank-holidays.json; unset: the list
    #: shipped with the platform (``vru bank-holidays update`` refreshes it).
    bank_holidays_path: Path | None = None
    #: Retention: a young person's records come up for review (and may be erased) once this many years have
    #: passed since the last activity on them …
    retention_years_after_last_activity: int = Field(default=6, ge=1, le=100)
    #: … and they have reached this age (records of children are kept at least until then).
    retention_minimum_age: int = Field(default=25, ge=0, le=120)

    def secrets(self) -> dict[str, SecretStr]:
        return super().secrets() | {
            f"audit_seal_previous_keys[{k}]": v for k, v in self.audit_seal_previous_keys.items()
        }

    @cached_property
    def review_target(self) -> WorkingDays:
        """The review target as a span of working days, with the bank holidays read once."""
        return WorkingDays(self.review_target_working_days, BankHolidays.load(self.bank_holidays_path))

    @property
    def audit_seal_keys(self) -> dict[str, bytes]:
        """Every key verify may meet, by id; the current one is ``audit_seal_key_id``."""
        keys = {key_id: key.get_secret_value().encode() for key_id, key in self.audit_seal_previous_keys.items()}
        return keys | {self.audit_seal_key_id: self.audit_seal_key.get_secret_value().encode()}

    @model_validator(mode="after")
    def _an_anchor_outside_development(self) -> Self:
        if self.environment is not Environment.DEVELOPMENT and self.audit_anchor_path is None:
            raise ValueError(f"{self.environment.value} needs audit_anchor_path (REFERRALS_AUDIT_ANCHOR_PATH)")
        return self


@lru_cache
def get_settings() -> ReferralsSettings:
    return ReferralsSettings()
