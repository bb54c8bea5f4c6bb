from notifications.db import Base
from notifications.models import load_all_models
from notifications.settings import NotificationsSettings
from vru_shared.migrations import run_migrations

load_all_models()
run_migrations(Base.metadata, NotificationsSettings().database_url.get_secret_value())
