from typing import Annotated

from fastapi import Depends, Header, Request

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


#: ``If-Match`` where it is optional (a delete, a secret rotation — like the platform's transitions): checked when
#: sent (412 stale, 428 for ``*``), not required. A ``PATCH`` takes ``vru_shared.etag.IfMatch``: required.
OptionalIfMatch = Annotated[
    str | None,
    Header(
        alias="If-Match",
        max_length=512,
        description="Optional: the ETag from your last read of this subscription; when sent and stale, 412 and "
        "nothing is changed (`*` names no version: 428).",
        examples=['"v3"'],
    ),
]

#: The ``ETag`` response header, as OpenAPI declares it on the answers that carry it.
ETAG_HEADER = {
    "ETag": {
        "description": 'The subscription\'s version as a strong tag (`"v<version>"`): send it as `If-Match`.',
        "schema": {"type": "string", "pattern": '^"v[0-9]+"$', "maxLength": 24},
        "example": '"v3"',
    }
}
