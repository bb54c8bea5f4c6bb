from funding.db import Base
from funding.models import load_all_models
from funding.settings import FundingSettings
from vru_shared.migrations import run_migrations

load_all_models()
run_migrations(Base.metadata, FundingSettings().database_url.get_secret_value())
