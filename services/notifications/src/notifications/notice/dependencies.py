from typing import Annotated

from fastapi import Depends

from vru_shared.auth import AUTH_MARKER, CurrentPrincipal, Principal, PrincipalKind, Role, require
from vru_shared.problems import Forbidden


async def a_person(principal: CurrentPrincipal) -> Principal:
    """Any signed-in person (their own preferences); an API client has none: 403."""
    if principal.kind is not PrincipalKind.PERSON:
        raise Forbidden("Notification preferences are a person's; an API client has none.")
    return principal


setattr(a_person, AUTH_MARKER, True)

#: The unit's administrators: anyone's preferences.
ADMIN = require(Role.ADMIN)

Caller = Annotated[Principal, Depends(a_person)]
Admin = Annotated[Principal, Depends(ADMIN)]
