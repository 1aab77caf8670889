"""Running the real `unknot` CLI in a subprocess, for the end-to-end tests."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ASSETS = Path(__file__).parents[1] / "assets"
REPO = Path(__file__).parents[2]


def run_unknot(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "unknot", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def copy_asset(name: str, destination: Path) -> Path:
    """A copy of `tests/assets/<name>` under `destination`, without any scan cache."""
    project = destination / name
    shutil.copytree(ASSETS / name, project, ignore=shutil.ignore_patterns(".unknot_cache"))
    return project
