"""Dependencies shared by the domains: the settings, the readiness rules in force, the caller's scope."""

from typing import Annotated

from fastapi import Depends, Request

from etp_inventory.pack.readiness import ReadinessRules
from etp_inventory.settings import EtpInventorySettings


def get_app_settings(request: Request) -> EtpInventorySettings:
    settings: EtpInventorySettings = request.app.state.settings
    return settings


def readiness_rules(settings: Annotated[EtpInventorySettings, Depends(get_app_settings)]) -> ReadinessRules:
    return ReadinessRules.at_now(settings.check_interval_days)


Settings = Annotated[EtpInventorySettings, Depends(get_app_settings)]
Rules = Annotated[ReadinessRules, Depends(readiness_rules)]
