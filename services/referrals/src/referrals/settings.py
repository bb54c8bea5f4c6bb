from functools import lru_cache

from vru_shared.settings import ServiceSettings, service_config


class ReferralsSettings(ServiceSettings):
    model_config = service_config("REFERRALS_")

    service_name: str = "referrals"
    db_schema: str = "referrals"


@lru_cache
def get_settings() -> ReferralsSettings:
    return ReferralsSettings()
