"""App-wide dependencies: the settings and the secret hasher this app was built with."""

from typing import Annotated

from fastapi import Depends, Request

from identity.hashing import SecretHasher
from identity.settings import IdentitySettings


def get_identity_settings(request: Request) -> IdentitySettings:
    settings = request.app.state.settings
    assert isinstance(settings, IdentitySettings)
    return settings


def get_hasher(request: Request) -> SecretHasher:
    hasher = request.app.state.hasher
    assert isinstance(hasher, SecretHasher)
    return hasher


Settings = Annotated[IdentitySettings, Depends(get_identity_settings)]
Hasher = Annotated[SecretHasher, Depends(get_hasher)]
