"""The Python client partners install (``clients/python``, the ``vru-client`` package, import ``vru_client``).

Generated from the merged OpenAPI document (``vru_cli.openapi.merged_openapi``, built in-process: no server,
no database) by openapi-python-client, a development dependency pinned in the workspace, with the settings in
``clients/python/openapi-python-client.yaml``; then fixed and formatted by the workspace's ruff with the
repository's settings, so the same document gives byte-identical files on every machine.

The package directory holds the generated tree plus the hand-written files named in ``HAND_WRITTEN``, which
regeneration keeps. ``tests/client/test_generated.py`` fails while the committed tree differs from a fresh
generation. The generator is not in the runtime image: these functions need a development checkout.
"""

from __future__ import annotations

import filecmp
import json
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from vru_cli.deploy import REPO_ROOT

CLIENT_DIR = REPO_ROOT / "clients" / "python"
PACKAGE = "vru_client"
PACKAGE_DIR = CLIENT_DIR / "src" / PACKAGE
CONFIG = CLIENT_DIR / "openapi-python-client.yaml"
#: Hand-written files in the package directory: not generated, kept by regeneration (the token helper, and the
#: PEP 561 marker that lets a partner's type checker use the client's types).
HAND_WRITTEN = frozenset({"oauth.py", "py.typed"})
REGENERATE = "./vru client generate"
_IGNORED = frozenset({"__pycache__"})


class GeneratorMissing(RuntimeError):
    """openapi-python-client (a development dependency) is not installed."""


def _tool(name: str) -> str:
    path = Path(sys.executable).parent / name
    if not path.exists():
        raise GeneratorMissing(f"{name} is not installed (a development dependency): run ./vru from a checkout")
    return str(path)


def generate(document: dict[str, Any], target: Path) -> None:
    """Write the generated package (without the hand-written modules) into ``target``, which must not exist."""
    generator, ruff = _tool("openapi-python-client"), _tool("ruff")
    with tempfile.TemporaryDirectory(prefix="vru-client-") as tmp:
        spec = Path(tmp) / "openapi.json"
        spec.write_text(json.dumps(document, indent=2, sort_keys=False) + "\n")
        command = [generator, "generate", "--path", str(spec), "--meta", "none", "--config", str(CONFIG)]
        result = subprocess.run(  # noqa: S603
            [*command, "--output-path", str(target)],
            cwd=tmp,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0 or not (target / "__init__.py").exists():
            raise RuntimeError(f"openapi-python-client failed:\n{result.stdout}\n{result.stderr}")
    settings = str(REPO_ROOT / "pyproject.toml")
    for step in (["check", "--fix-only", "--quiet", "--exit-zero"], ["format", "--quiet"]):
        subprocess.run([ruff, *step, "--config", settings, str(target)], check=True)  # noqa: S603


def _files(root: Path) -> Iterator[Path]:
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if path.is_file() and not _IGNORED & set(relative.parts) and str(relative) not in HAND_WRITTEN:
            yield relative


def compare(fresh: Path, committed: Path = PACKAGE_DIR) -> list[str]:
    """Files of ``committed`` that differ from the generated tree ``fresh``: added, removed or changed (byte by
    byte), the hand-written ones aside; empty when they are the same."""
    new, old = set(_files(fresh)), set(_files(committed))
    changed = [p for p in sorted(new & old) if not filecmp.cmp(fresh / p, committed / p, shallow=False)]
    return (
        [f"missing {p}" for p in sorted(new - old)]
        + [f"not generated {p}" for p in sorted(old - new)]
        + [f"differs {p}" for p in changed]
    )


def differences(document: dict[str, Any], committed: Path = PACKAGE_DIR) -> list[str]:
    """What a fresh generation from ``document`` would change in ``committed`` (empty when up to date)."""
    with tempfile.TemporaryDirectory(prefix="vru-client-") as tmp:
        fresh = Path(tmp) / PACKAGE
        generate(document, fresh)
        return compare(fresh, committed)


def write(document: dict[str, Any], package_dir: Path = PACKAGE_DIR) -> int:
    """Regenerate the committed package in place, keeping the hand-written modules; return the file count."""
    with tempfile.TemporaryDirectory(prefix="vru-client-") as tmp:
        fresh = Path(tmp) / PACKAGE
        generate(document, fresh)
        package_dir.mkdir(parents=True, exist_ok=True)
        for child in package_dir.iterdir():
            if child.name in HAND_WRITTEN:
                continue
            if child.is_dir():
                shutil.rmtree(child)
            else:
                child.unlink()
        files = list(_files(fresh))
        for relative in files:
            (package_dir / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(fresh / relative, package_dir / relative)
        return len(files)
