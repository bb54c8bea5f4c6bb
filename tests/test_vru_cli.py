"""``vru bench`` and ``vru test`` pass what follows them on as it is: ``./vru bench --seconds 8`` as the README
writes it failed with "unrecognized arguments" (argparse's REMAINDER does not take a leading option)."""

import subprocess
import sys

from vru_cli.deploy import REPO_ROOT


def test_vru_bench_passes_leading_options_to_the_bench() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "vru_cli.main", "bench", "--seconds", "8", "--help"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "unrecognized arguments" not in result.stderr
    assert "--seconds SECONDS" in result.stdout  # bench/run.py's own usage: it got the options
