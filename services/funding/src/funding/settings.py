from functools import lru_cache

from pydantic import Field

from vru_shared.settings import ServiceSettings, service_config


class FundingSettings(ServiceSettings):
    model_config = service_config("FUNDING_")

    service_name: str = "funding"
    db_schema: str = "funding"
    #: Calls to the referrals service (knife-incident counts) fail fast: a preview answers 503 within seconds.
    http_timeout_seconds: float = Field(default=2.0, gt=0, le=60)
    http_retries: int = Field(default=1, ge=0, le=5)
    #: 360Giving: the publisher's identifier prefix and the funding organisation.
    giving_prefix: str = Field(default="360G-kmvru", pattern=r"^360G-[A-Za-z0-9-]+$")
    funder_org_id: str = Field(default="GB-GOR-PC000047", pattern=r"^[A-Z]{2}-[A-Z]{2,5}-\S+$")
    #: How long a passing due-diligence check of an organisation counts for approving a grant to it (months).
    due_diligence_valid_months: int = Field(default=12, ge=1, le=36)
    #: How often the event outbox (webhooks) is relayed to the notifications service.
    events_relay_interval_seconds: float = Field(default=1.0, gt=0)
    funder_org_name: str = (
        "Kent & Medway Violence Reduction Unit (Office of the Police and Crime Commissioner for Kent)"
    )


@lru_cache
def get_settings() -> FundingSettings:
    return FundingSettings()
