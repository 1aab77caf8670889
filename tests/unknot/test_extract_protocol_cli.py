"""`unknot codemod extract-protocol` end to end on the seed's 7-module cycle: the real CLI in a
subprocess, then the analyzer, the package's own tests and `mypy --strict` on the result."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.codemods.repos import copy_asset, snapshot

TARGET = "perps.orchestration.perps_bot:PerpsBot"
DEST = "perps.orchestration.core.bot_interface"


def _run(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
        env=env,
    )


def _import_time_cycles(root: Path) -> int:
    result = _run(
        "unknot", "analyze", "perps.orchestration", "--root", "src", "--format", "json", cwd=root
    )
    report = json.loads(result.stdout)
    return int(report["summary"]["cycles_by_kind"].get("import-time", 0))


def test_the_protocol_removes_the_cycle_and_the_package_still_passes(tmp_path: Path) -> None:
    root = copy_asset("protocol_cycle", tmp_path)
    assert _import_time_cycles(root) == 1
    result = _run(
        "unknot",
        "codemod",
        "extract-protocol",
        TARGET,
        "--into",
        DEST,
        "--name",
        "IBotRuntime",
        "--with-test",
        "--apply",
        "--format",
        "json",
        cwd=root,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["applied"] is True
    assert report["files_changed"] == 6
    assert sum(n.startswith("import removed ") for n in report["notes"]) == 6
    assert any(n.startswith("breaks the import cycle of 7 modules: ") for n in report["notes"])
    assert _import_time_cycles(root) == 0
    env = {**os.environ, "PYTHONPATH": str(root / "src"), "MYPYPATH": str(root / "src")}
    tests = _run("pytest", "-q", "-p", "no:cacheprovider", "tests", cwd=root, env=env)
    assert tests.returncode == 0, tests.stdout + tests.stderr
    assert "3 passed" in tests.stdout  # the package's two tests and the one written
    cache = str(tmp_path / "mypy_cache")
    typed = _run("mypy", "--strict", "--cache-dir", cache, "src/perps", "tests", cwd=root, env=env)
    assert typed.returncode == 0, typed.stdout + typed.stderr
    again = _run(
        "unknot",
        "codemod",
        "extract-protocol",
        TARGET,
        "--into",
        DEST,
        "--name",
        "IBotRuntime",
        cwd=root,
    )
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith("Nothing to do: ")


def test_bad_input_is_one_error_line_with_a_hint_and_exit_2(tmp_path: Path) -> None:
    root = copy_asset("protocol_cycle", tmp_path)
    before = snapshot(root)
    result = _run(
        "unknot",
        "codemod",
        "extract-protocol",
        "perps.orchestration.perps_bot:PerpBot",
        "--into",
        DEST,
        "--apply",
        cwd=root,
    )
    assert result.returncode == 2
    assert result.stderr.startswith(
        "error[class-not-found]: No class 'PerpBot' at the top level of "
        "'perps.orchestration.perps_bot'."
    )
    assert "Did you mean PerpsBot?" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(root) == before
