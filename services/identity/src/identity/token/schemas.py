from pydantic import BaseModel, ConfigDict, Field


class TokenRequest(BaseModel):
    """The token request (RFC 6749 §4.3, §4.4), form-encoded. Parameters this endpoint does not know are
    ignored, as RFC 6749 §3.2 requires."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"grant_type": "client_credentials", "scope": "incidents:ingest"},
                {"grant_type": "password", "username": "analyst@example.org", "password": "vru-dev-password"},
            ]
        }
    )

    grant_type: str | None = Field(default=None, max_length=64, description="`client_credentials` or `password`.")
    client_id: str | None = Field(
        default=None,
        max_length=200,
        description="For clients that cannot send HTTP Basic: the client id (with `client_secret`).",
    )
    client_secret: str | None = Field(
        default=None, max_length=512, description="With `client_id`, instead of HTTP Basic."
    )
    scope: str | None = Field(
        default=None,
        max_length=4096,
        description="Space-separated scopes: a subset of the client's. Omitted: all the client's scopes.",
    )
    username: str | None = Field(default=None, max_length=254, description="Password grant: the person's e-mail.")
    password: str | None = Field(default=None, max_length=256, description="Password grant: the person's password.")


class TokenResponse(BaseModel):
    """RFC 6749 §5.1 access token response."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "access_token": "eyJhbGciOiJFUzI1NiIsImtpZCI6Ik56YkxzWGg4dURDY2QiLCJ0eXAiOiJhdCtqd3QifQ.e30.sig",
                    "token_type": "Bearer",
                    "expires_in": 900,
                    "scope": "incidents:ingest",
                }
            ]
        }
    )

    access_token: str = Field(description="An ES256 JWT; send it as `Authorization: Bearer <token>`.")
    token_type: str = "Bearer"
    expires_in: int = Field(description="Seconds until the token expires.")
    scope: str = Field(description="The granted scopes, space-separated (empty for people).")


class JsonWebKey(BaseModel):
    """A public ES256 verification key (RFC 7517). Never a private member."""

    kty: str = Field(examples=["EC"])
    crv: str = Field(examples=["P-256"])
    x: str
    y: str
    kid: str
    use: str = Field(examples=["sig"])
    alg: str = Field(examples=["ES256"])


class JsonWebKeySet(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "keys": [
                        {
                            "kty": "EC",
                            "crv": "P-256",
                            "x": "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",
                            "y": "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0",
                            "kid": "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs",
                            "use": "sig",
                            "alg": "ES256",
                        }
                    ]
                }
            ]
        }
    )

    keys: list[JsonWebKey]


class OpenIdConfiguration(BaseModel):
    """Discovery metadata (OpenID Connect Discovery / RFC 8414) for this token issuer."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "issuer": "https://api.vru.example.org",
                    "jwks_uri": "https://api.vru.example.org/.well-known/jwks.json",
                    "token_endpoint": "https://api.vru.example.org/oauth/token",
                    "grant_types_supported": ["client_credentials", "password"],
                    "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
                    "subject_types_supported": ["public"],
                    "id_token_signing_alg_values_supported": ["ES256"],
                    "claims_supported": ["iss", "aud", "sub", "kind", "agency", "roles", "districts", "scope"],
                }
            ]
        }
    )

    issuer: str
    jwks_uri: str
    token_endpoint: str
    grant_types_supported: list[str]
    token_endpoint_auth_methods_supported: list[str]
    subject_types_supported: list[str]
    id_token_signing_alg_values_supported: list[str]
    claims_supported: list[str]
