from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from identity.signing_key.models import KeyState


class SigningKeyRead(BaseModel):
    """A signing key's identity and state. Private material is never returned."""

    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    "kid": "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs",
                    "state": "retired",
                    "published": True,
                    "created_at": "2026-11-01T09:00:00Z",
                    "retired_at": "2026-11-21T09:00:00Z",
                    "publish_until": "2026-11-21T09:20:00Z",
                }
            ]
        },
    )

    kid: str
    state: KeyState = Field(
        description="`active` signs new tokens; `retired` still verifies tokens it signed; `expired` is "
        "no longer published."
    )
    published: bool = Field(description="Whether the key is in the JWKS.")
    created_at: datetime
    retired_at: datetime | None
    publish_until: datetime | None = Field(description="A retired key leaves the JWKS after this time.")
