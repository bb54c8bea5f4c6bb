from functools import lru_cache

from pydantic import Field

from vru_shared.settings import ServiceSettings, service_config


class ReferralsSettings(ServiceSettings):
    model_config = service_config("REFERRALS_")

    service_name: str = "referrals"
    db_schema: str = "referrals"
    #: How often new audit entries are sealed into the hash chain.
    audit_seal_interval_seconds: float = Field(default=5.0, gt=0)
    #: How often the funding outbox is sent (counts of referrals funded projects accepted); also the first retry
    #: delay of a count funding could not take, doubling up to ``funding_count_max_backoff_seconds``.
    funding_count_interval_seconds: float = Field(default=5.0, gt=0)
    funding_count_max_backoff_seconds: float = Field(default=300.0, gt=0)
    #: Body limit of the bulk import routes (``/v1/imports/…``), streamed; other routes keep ``max_body_bytes``.
    import_max_body_bytes: int = Field(default=32 * 1024 * 1024, ge=1024)
    #: Imports run one at a time: a second one waits this long for the first to finish (however short the
    #: statement timeout), then is answered 503 + ``Retry-After`` with nothing imported. Under the gateway's
    #: 30 s response-header timeout, so the client hears the 503 rather than the gateway's 504.
    intake_lock_wait_seconds: float = Field(default=20.0, gt=0, le=300)
    #: A review not closed within this many working days (Mon–Fri) of opening is overdue.
    review_target_working_days: int = Field(default=10, ge=1)
    #: Retention: a young person's records come up for review (and may be erased) once this many years have
    #: passed since the last activity on them …
    retention_years_after_last_activity: int = Field(default=6, ge=1, le=100)
    #: … and they have reached this age (records of children are kept at least until then).
    retention_minimum_age: int = Field(default=25, ge=0, le=120)


@lru_cache
def get_settings() -> ReferralsSettings:
    return ReferralsSettings()
