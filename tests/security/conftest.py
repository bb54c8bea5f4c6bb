"""Fixtures of the security suite: the four services in process (``inprocess.py``), one set per test module
in its own rolled-back transactions, and every service's OpenAPI operations."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from tests.security.inprocess import SERVICES, Services, build_apps, started
from tests.security.oas import COUNTED, Operation, operations
from vru_dev.testing import TestIssuer


@pytest.fixture(scope="module")
async def services(db_urls: dict[str, str], issuer: TestIssuer) -> AsyncIterator[Services]:
    """The four services, for the whole module, in one transaction per service rolled back at the end."""
    async with started(db_urls, issuer) as running:
        yield running


@pytest.fixture(scope="session")
def documents(db_urls: dict[str, str]) -> dict[str, dict[str, Any]]:
    return {name: app.openapi() for name, app in build_apps(db_urls).items()}


@pytest.fixture(scope="session")
def all_operations(documents: dict[str, dict[str, Any]]) -> list[Operation]:
    return [op for name in SERVICES for op in operations(name, documents[name])]


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print how many operations the security policy covers (also when the run is quiet)."""
    if COUNTED:
        total = sum(COUNTED.values())
        per_service = ", ".join(f"{service} {count}" for service, count in COUNTED.items())
        terminalreporter.write_line(f"security suite: {total} operations checked against the policy ({per_service})")
