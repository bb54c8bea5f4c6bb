"""The committed Python client (``clients/python``) is what the generator makes of today's API, and a package a
partner can install alone."""

from __future__ import annotations

import ast
import shutil
import sys
import tomllib
from pathlib import Path

import pytest

from vru_cli import client
from vru_cli.openapi import merged_openapi

#: What the generated code may import besides the standard library and itself (its declared dependencies).
DEPENDENCIES = {"httpx": "httpx", "attrs": "attrs"}


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The client generated now from the merged OpenAPI document (built in-process), in a temporary folder."""
    target = tmp_path_factory.mktemp("client") / client.PACKAGE
    client.generate(merged_openapi(), target)
    return target


def test_the_committed_client_is_up_to_date(fresh: Path) -> None:
    differences = client.compare(fresh, client.PACKAGE_DIR)  # file by file, byte by byte
    assert not differences, (
        f"clients/python is stale (the API changed since it was generated): run `{client.REGENERATE}` and commit "
        "the result. " + "; ".join(differences[:20]) + (" …" if len(differences) > 20 else "")
    )


def test_the_comparison_sees_every_kind_of_change(fresh: Path, tmp_path: Path) -> None:
    # The check above can fail: a module no longer generated, one missing, one byte changed are each reported;
    # the hand-written files are not the generator's.
    committed = tmp_path / client.PACKAGE
    shutil.copytree(fresh, committed)
    (committed / "api" / "obsolete.py").write_text("")
    (committed / "errors.py").unlink()
    changed = committed / "models" / "problem.py"
    changed.write_bytes(changed.read_bytes().replace(b"RFC 9457", b"RFC 7807", 1))
    (committed / "oauth.py").write_text("# hand-written\n")
    assert client.compare(fresh, committed) == [
        "missing errors.py",
        "not generated api/obsolete.py",
        "differs models/problem.py",
    ]


def test_the_package_needs_only_its_own_dependencies() -> None:
    imported: set[str] = set()
    for path in client.PACKAGE_DIR.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                imported |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module.split(".")[0])
    outside = imported - set(sys.stdlib_module_names) - {client.PACKAGE}
    assert outside == set(DEPENDENCIES)
    project = tomllib.loads((client.CLIENT_DIR / "pyproject.toml").read_text())["project"]
    declared = {
        requirement.split(">")[0].split("<")[0].split("=")[0].strip() for requirement in project["dependencies"]
    }
    assert declared == set(DEPENDENCIES.values())
    assert (client.PACKAGE_DIR / "py.typed").exists()
