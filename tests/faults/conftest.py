"""Each fault module starts its own platform (``faults``): breaking a shared one would break the other tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from .harness import Faults, own_platform


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every fault test is in the ``faults`` stage of ``vru test``."""
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).is_relative_to(here):
            item.add_marker(pytest.mark.faults)


@pytest.fixture(scope="module")
def faults() -> Iterator[Faults]:
    with own_platform() as running:
        yield running
