from identity.db import Base
from identity.models import load_all_models
from identity.settings import IdentitySettings
from vru_shared.migrations import run_migrations

load_all_models()
run_migrations(Base.metadata, IdentitySettings().database_url.get_secret_value())
