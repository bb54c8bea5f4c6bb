from referrals.db import Base
from referrals.models import load_all_models
from referrals.settings import ReferralsSettings
from vru_shared.migrations import run_migrations

load_all_models()
run_migrations(Base.metadata, ReferralsSettings().database_url.get_secret_value())
