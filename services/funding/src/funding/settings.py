from functools import lru_cache

from vru_shared.settings import ServiceSettings, service_config


class FundingSettings(ServiceSettings):
    model_config = service_config("FUNDING_")

    service_name: str = "funding"
    db_schema: str = "funding"


@lru_cache
def get_settings() -> FundingSettings:
    return FundingSettings()
