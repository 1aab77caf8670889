"""Move much-imported modules in real projects from PyPI and run their own test suites.

`nox -s realworld` runs this. For each project: fetch its sdist (tests included) with
`pip download --no-binary :all: --no-deps` into .bench/realworld/ (never committed), run its
tests, apply each move with the real CLI, run its tests again; any test failing after the moves
that did not fail before is a regression, and the script exits 1.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import time
from dataclasses import dataclass
from pathlib import Path

WORK = Path(__file__).resolve().parents[2] / ".bench" / "realworld"


@dataclass(frozen=True)
class Project:
    name: str
    requirement: str
    moves: tuple[tuple[str, str], ...]


PROJECTS = (
    Project(
        "click",
        "click==8.5.1",
        (
            ("click.termui", "click.ui.termui"),  # monkeypatch targets, relative imports
            ("click._termui_impl", "click.ui._termui_impl"),  # function-level imports, chains
            ("click._compat", "click.support.compat"),  # imported by most modules
        ),
    ),
    Project(
        "itsdangerous",
        "itsdangerous==2.2.0",
        (
            ("itsdangerous.encoding", "itsdangerous.codec.encoding"),
            ("itsdangerous.exc", "itsdangerous.errors"),
        ),
    ),
)


def fetch(project: Project) -> Path:
    """The pristine source tree of the project's sdist (downloaded once)."""
    pristine = WORK / project.name / "pristine"
    if pristine.is_dir():
        return pristine
    downloads = WORK / project.name / "sdist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--quiet",
            "--no-binary",
            ":all:",
            "--no-deps",
            project.requirement,
            "-d",
            str(downloads),
        ],
        check=True,
    )
    (archive,) = downloads.glob("*.tar.gz")
    with tarfile.open(archive) as tar:
        tar.extractall(WORK / project.name / "extract", filter="data")
    (top,) = (WORK / project.name / "extract").iterdir()
    top.rename(pristine)
    return pristine


def run_tests(root: Path) -> tuple[set[str], str]:
    """The ids of failing tests, and pytest's closing line."""
    env = {**os.environ, "PYTHONPATH": str(root / "src")}
    out = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rfE", "tests"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    failing = {m.group(1) for m in re.finditer(r"^(?:FAILED|ERROR) (\S+)", out.stdout, re.M)}
    closing = out.stdout.strip().splitlines()[-1] if out.stdout.strip() else out.stderr[-300:]
    return failing, closing


def move(root: Path, old: str, new: str) -> dict[str, object]:
    start = time.perf_counter()
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "unknot",
            "codemod",
            "move",
            old,
            new,
            "--root",
            str(root),
            "--apply",
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - start
    if out.returncode != 0:
        raise SystemExit(f"move {old} {new} failed:\n{out.stderr}")
    return {**json.loads(out.stdout), "seconds": round(seconds, 2)}


def check(project: Project) -> bool:
    pristine = fetch(project)
    root = WORK / project.name / "run"
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(pristine, root)
    before, closing = run_tests(root)
    print(f"\n## {project.requirement}\nbefore: {closing}")
    for old, new in project.moves:
        report = move(root, old, new)
        print(
            f"move {old} -> {new}: {report['seconds']} s, scanned {report['files_scanned']}, "
            f"parsed {report['files_parsed']}, changed {report['files_changed']}, imports "
            f"{report['imports_rewritten']}, strings {report['strings_rewritten']}, for review "
            f"{len(report['strings_for_review'])}, tests moved {len(report['tests_moved'])}, "  # type: ignore[arg-type]
            f"new cycles {len(report['new_cycles'])}"  # type: ignore[arg-type]
        )
    after, closing = run_tests(root)
    print(f"after:  {closing}")
    new_failures = sorted(after - before)
    for test in new_failures:
        print(f"NEW FAILURE: {test}")
    return not new_failures


def main(argv: list[str]) -> int:
    wanted = set(argv)
    results = [check(p) for p in PROJECTS if not wanted or p.name in wanted]
    print("\nno new failures" if all(results) else "\nnew failures: see above")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
