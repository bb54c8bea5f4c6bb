from typing import Annotated

from fastapi import Depends, Request

from notifications.settings import NotificationsSettings
from vru_shared.auth import Role, require

#: A partner agency's people and API clients (their own agency's subscriptions) and the unit's administrators.
MANAGE = require(Role.PARTNER_AGENCY, Role.ADMIN)
#: The VRU services relaying their outboxes.
PUBLISH = require(Role.SERVICE)


def settings_of(request: Request) -> NotificationsSettings:
    settings: NotificationsSettings = request.app.state.settings
    return settings


Settings = Annotated[NotificationsSettings, Depends(settings_of)]
