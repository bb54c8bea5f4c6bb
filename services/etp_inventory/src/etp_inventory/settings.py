from functools import lru_cache

from vru_shared.settings import ServiceSettings, service_config


class EtpInventorySettings(ServiceSettings):
    model_config = service_config("ETP_INVENTORY_")

    service_name: str = "etp_inventory"
    db_schema: str = "etp_inventory"


@lru_cache
def get_settings() -> EtpInventorySettings:
    return EtpInventorySettings()
