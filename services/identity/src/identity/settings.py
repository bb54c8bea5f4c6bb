from functools import lru_cache

from vru_shared.settings import ServiceSettings, service_config


class IdentitySettings(ServiceSettings):
    model_config = service_config("IDENTITY_")

    service_name: str = "identity"
    db_schema: str = "identity"


@lru_cache
def get_settings() -> IdentitySettings:
    return IdentitySettings()
