"""Sample repositories on disk for codemod tests: build, copy, commit and snapshot them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ASSETS = Path(__file__).resolve().parents[1] / "assets"


def git(root: Path, *args: str) -> str:
    out = subprocess.run(
        ["git", "-c", "user.email=t@example.com", "-c", "user.name=t", *args],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout


def commit_all(root: Path) -> None:
    git(root, "add", "-A")
    git(root, "commit", "-qm", "snapshot", "--allow-empty")


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under `root` (git's own files aside) and its bytes."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".git" not in p.parts and "__pycache__" not in p.parts
    }


def make_repo(root: Path, files: dict[str, str], *, use_git: bool = True) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    if use_git:
        git(root, "init", "-q")
        commit_all(root)
    return root


def copy_asset(name: str, destination: Path) -> Path:
    """Copy `tests/assets/<name>` (without its conftest.py) into a committed git work tree."""
    root = destination / name
    shutil.copytree(
        ASSETS / name, root, ignore=shutil.ignore_patterns("conftest.py", "__pycache__")
    )
    git(root, "init", "-q")
    commit_all(root)
    return root


def run_module(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`python -m ARGS` in `cwd` (the CLI as users run it), output captured."""
    return subprocess.run(
        [sys.executable, "-m", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def run_own_tests(root: Path) -> subprocess.CompletedProcess[str]:
    """A sample repository's own test suite, its `src/` on the path."""
    env = {**os.environ, "PYTHONPATH": str(root / "src")}
    return run_module("pytest", "-q", "-p", "no:cacheprovider", "tests", cwd=root, env=env)
