from functools import lru_cache
from pathlib import Path

from pydantic import AnyHttpUrl, Field, SecretStr

from vru_shared.settings import ServiceSettings, service_config

#: ``services/web`` in a checkout or in the image (``/app/services/web``): the npm assets are installed there.
SERVICE_DIR = Path(__file__).resolve().parents[2]


class WebSettings(ServiceSettings):
    model_config = service_config("WEB_")

    service_name: str = "web"
    db_schema: str = "web"
    #: The platform's API as the front end calls it: through the gateway, with the person's own token, so every
    #: rule, limit and audit entry of the API applies unchanged.
    api_url: AnyHttpUrl = AnyHttpUrl("http://127.0.0.1:8080")
    #: A session ends after this long without a request …
    session_idle_minutes: int = Field(default=30, ge=1, le=24 * 60)
    #: … and always when the person's access token expires (the identity service issues no refresh tokens).
    #: Only sent over HTTPS: set false for plain-HTTP development only.
    cookie_secure: bool = True
    #: Encrypts the access tokens held in the session store (AES-GCM): a copy of the database alone does not
    #: give anyone a usable token.
    session_key: SecretStr = SecretStr("dev-only-web-session-key")
    #: GOV.UK Frontend and htmx, from the npm registry at pinned versions (``services/web/package.json``),
    #: installed by ``./vru`` (``npm ci``) and by the image's build.
    node_modules: Path = SERVICE_DIR / "node_modules"


@lru_cache
def get_settings() -> WebSettings:
    return WebSettings()
