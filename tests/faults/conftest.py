"""Each fault module starts its own platform (``faults``): breaking a shared one would break the other tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from .harness import Faults, own_platform


@pytest.fixture(scope="module")
def faults() -> Iterator[Faults]:
    with own_platform() as running:
        yield running
