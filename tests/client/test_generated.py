"""The committed Python client (``clients/python``) is what the generator makes of today's API, and a package a
partner can install alone."""

from __future__ import annotations

import ast
import copy
import sys
import tomllib
from typing import Any

import pytest

from vru_cli import client
from vru_cli.openapi import merged_openapi

#: What the generated code may import besides the standard library and itself (its declared dependencies).
DEPENDENCIES = {"httpx": "httpx", "attrs": "attrs"}


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    return merged_openapi()


def test_the_committed_client_is_up_to_date(document: dict[str, Any]) -> None:
    # Regenerated into a temporary folder from the merged OpenAPI document, compared file by file, byte by byte.
    differences = client.differences(document)
    assert not differences, (
        f"clients/python is stale (the API changed since it was generated): run `{client.REGENERATE}` and commit "
        "the result. " + "; ".join(differences[:20]) + (" …" if len(differences) > 20 else "")
    )


def test_a_changed_api_makes_it_stale(document: dict[str, Any]) -> None:
    # The check above can fail: a document without one operation leaves a module that is no longer generated.
    changed = copy.deepcopy(document)
    del changed["paths"]["/v1/organisations/{organisation_id}"]
    differences = client.differences(changed)
    assert "not generated api/organisations_and_projects/get_organisation_v1_organisations_organisation_id_get.py" in (
        differences
    )


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
