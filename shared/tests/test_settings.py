import pytest
from pydantic import ValidationError

from vru_shared.settings import ServiceSettings, service_config


class SampleSettings(ServiceSettings):
    model_config = service_config("SAMPLE_")


def test_env_prefix_per_service(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAMPLE_DB_POOL_SIZE", "7")
    monkeypatch.setenv("OTHER_DB_POOL_SIZE", "9")
    assert SampleSettings().db_pool_size == 7


def test_development_accepts_dev_secrets() -> None:
    assert SampleSettings(environment="development").client_secret.get_secret_value() == "dev-only-client-secret"


@pytest.mark.parametrize("environment", ["production", "test"])
def test_outside_development_dev_secrets_are_refused(environment: str) -> None:
    with pytest.raises(ValidationError, match="client_secret"):
        SampleSettings(
            environment=environment,
            database_url="postgresql+asyncpg://svc:a-real-password@db/vru",
        )


def test_outside_development_empty_db_password_refused() -> None:
    with pytest.raises(ValidationError, match="database_password"):
        SampleSettings(
            environment="production",
            database_url="postgresql+asyncpg://svc@db/vru",
            client_secret="x7s-long-random-secret",
        )


def test_production_with_real_secrets() -> None:
    settings = SampleSettings(
        environment="production",
        database_url="postgresql+asyncpg://svc:a-real-password@db/vru",
        client_secret="x7s-long-random-secret",
    )
    assert settings.environment == "production"
