from etp_inventory.db import Base
from etp_inventory.models import load_all_models
from etp_inventory.settings import EtpInventorySettings
from vru_shared.migrations import run_migrations

load_all_models()
run_migrations(Base.metadata, EtpInventorySettings().database_url.get_secret_value())
