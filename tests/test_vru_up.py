"""`vru up` twice on the same data folder: the second start keeps what the first one stored."""

from pathlib import Path

import httpx
import pytest

from vru_dev.platform import Platform, PlatformConfig, Ports

pytestmark = pytest.mark.e2e


def admin_token(client: httpx.Client) -> str:
    response = client.post(
        "/oauth/token",
        data={"grant_type": "password", "username": "admin@example.org", "password": "vru-dev-password"},
    )
    assert response.status_code == 200, response.text
    return str(response.json()["access_token"])


def test_second_start_keeps_the_data(tmp_path: Path) -> None:
    config = PlatformConfig(data_dir=tmp_path / "vru", ports=Ports.free())  # embedded PostgreSQL, like vru up
    first = Platform(config)
    try:
        first.start()
        with httpx.Client(base_url=config.gateway_url, timeout=10) as client:
            created = client.post(
                "/v1/agencies",
                json={"code": "kept-agency", "name": "Kept Agency", "kind": "charity"},
                headers={"Authorization": f"Bearer {admin_token(client)}"},
            )
            assert created.status_code == 201, created.text
    finally:
        first.stop()
    assert not first.processes

    second = Platform(config)
    try:
        second.start()  # migrates and seeds again: both must be safe to repeat
        with httpx.Client(base_url=config.gateway_url, timeout=10) as client:
            agencies = client.get(
                "/v1/agencies", params={"limit": 200}, headers={"Authorization": f"Bearer {admin_token(client)}"}
            )
            assert "kept-agency" in [a["code"] for a in agencies.json()["items"]]
    finally:
        second.stop()
