"""The projects' source trees: each sdist (tests included) downloaded once into
.bench/realworld/ (never committed) and unpacked as a pristine copy to work on copies of."""

from __future__ import annotations

import subprocess
import sys
import tarfile
from pathlib import Path

from tests.codemods.realworld.projects import Project

__all__ = ["WORK", "fetch"]

WORK = Path(__file__).resolve().parents[3] / ".bench" / "realworld"


def fetch(project: Project) -> Path:
    """The pristine source tree of the project's sdist (downloaded once)."""
    pristine = WORK / project.name / "pristine"
    if pristine.is_dir():
        return pristine
    downloads = WORK / project.name / "sdist"
    pip = [sys.executable, "-m", "pip", "download", "--quiet", "--no-binary", ":all:"]
    subprocess.run([*pip, "--no-deps", project.requirement, "-d", str(downloads)], check=True)
    (archive,) = downloads.glob("*.tar.gz")
    with tarfile.open(archive) as tar:
        tar.extractall(WORK / project.name / "extract", filter="data")
    (top,) = (WORK / project.name / "extract").iterdir()
    top.rename(pristine)
    return pristine
