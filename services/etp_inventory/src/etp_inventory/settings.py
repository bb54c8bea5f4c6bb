from functools import lru_cache

from pydantic import Field

from vru_shared.settings import ServiceSettings, service_config


class EtpInventorySettings(ServiceSettings):
    model_config = service_config("ETP_INVENTORY_")

    service_name: str = "etp_inventory"
    db_schema: str = "etp_inventory"
    #: A pack at a site is "check overdue" when no guardian has checked it for this many days.
    check_interval_days: int = Field(default=30, ge=1, le=366)
    #: Checks falling due within this many days are listed as "due" (before they are overdue).
    check_due_soon_days: int = Field(default=7, ge=0, le=90)
    #: A CSP holding fewer packs than this (unless its own minimum is set) is "below minimum stock".
    csp_minimum_stock: int = Field(default=5, ge=0)
    #: How often use reports whose crime reference could not be checked are checked again.
    crime_reference_recheck_seconds: float = Field(default=300.0, gt=0)
    #: A pack in stock is announced ``pack.expiring`` (once) when its expiry falls within this many days.
    expiry_notice_days: int = Field(default=30, ge=1, le=366)
    #: How often expiring packs and overdue checks are looked for and announced (``pack.expiring``,
    #: ``pack.check_overdue``).
    alerts_announce_interval_seconds: float = Field(default=300.0, gt=0)
    #: How often the event outbox (webhooks) is relayed to the notifications service.
    events_relay_interval_seconds: float = Field(default=1.0, gt=0)
    #: ``Cache-Control: public, max-age=…`` of the public map and the open-data export.
    public_cache_seconds: int = Field(default=60, ge=0)


@lru_cache
def get_settings() -> EtpInventorySettings:
    return EtpInventorySettings()
