from web.db import Base
from web.session import models  # noqa: F401 - registers the tables
from web.settings import WebSettings

from vru_shared.migrations import run_migrations

run_migrations(Base.metadata, WebSettings().database_url.get_secret_value())
