from typing import Annotated

from fastapi import Depends

from vru_shared.auth import Principal, Role, require

#: Any signed-in caller (a person: their own preferences; an API client is refused by the service).
ANYONE = require(any_authenticated=True)
#: The unit's administrators: anyone's preferences.
ADMIN = require(Role.ADMIN)

Caller = Annotated[Principal, Depends(ANYONE)]
Admin = Annotated[Principal, Depends(ADMIN)]
