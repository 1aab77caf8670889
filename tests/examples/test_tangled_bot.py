"""The tangled example (`examples/tangled_bot/`): the seed's "before" state, measured for real.

In a temporary copy: `unknot analyze orchestration` (the real CLI) reports exactly the seed's 7
mutual imports and its modules over 300 lines, and fails the gate; the example's own tests pass
and `mypy --strict` passes on it, so the tangle is one Python tolerates at import time.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

EXAMPLE = Path(__file__).parents[2] / "examples" / "tangled_bot"
LAYER = "bot_v2.orchestration"
MUTUAL = sorted(
    tuple(sorted((f"{LAYER}.{a}", f"{LAYER}.{b}")))
    for a, b in [
        ("perps_bot", "perps_bot_builder"),
        ("perps_bot", "system_monitor"),
        ("perps_bot", "lifecycle_service"),
        ("perps_bot", "runtime_coordinator"),
        ("perps_bot", "strategy_orchestrator"),
        ("perps_bot", "execution_coordinator"),
        ("configuration", "symbols"),
    ]
)
OVERSIZED = [f"{LAYER}.{name}" for name in ("configuration", "live_execution", "perps_bot_builder")]


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("example") / "tangled_bot"
    caches = shutil.ignore_patterns(
        ".unknot_cache", "__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache"
    )
    shutil.copytree(EXAMPLE, root, ignore=caches)
    return root


def _run(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_the_analysis_shows_the_seeds_baseline(example: Path) -> None:
    result = _run("unknot", "analyze", "orchestration", "--format", "json", cwd=example)
    assert result.returncode == 1, result.stderr
    analysis = json.loads(result.stdout)
    pairs = sorted((p["first"], p["second"]) for p in analysis["mutual_pairs"])
    assert pairs == MUTUAL
    assert {p["kind"] for p in analysis["mutual_pairs"]} == {"import-time"}
    summary = analysis["summary"]
    assert summary["circular_dependencies"] == 7
    assert summary["cycles_by_kind"] == {"import-time": 2}
    over = sorted(m["name"] for m in analysis["modules"] if m["lines"] > 300)
    assert over == OVERSIZED
    assert all(m["lines"] < 500 for m in analysis["modules"])
    assert summary["modules_over_limit"] == 3
    failed = sorted(g["gate"] for g in analysis["gates"] if not g["passed"])
    assert failed == ["max-cycles.import-time", "max-module-lines"]


def test_the_seeds_tier_one_modules_import_nothing_from_the_layer(example: Path) -> None:
    result = _run("unknot", "analyze", "orchestration", "--format", "json", cwd=example)
    tiers = {m["name"]: m["tier"] for m in json.loads(result.stdout)["modules"]}
    for name in ("account_telemetry", "equity_calculator", "market_monitor", "market_data_service"):
        assert tiers[f"{LAYER}.{name}"] == 1, name


def test_the_examples_own_tests_pass(example: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(example / "src")}
    result = _run("pytest", "-q", "-p", "no:cacheprovider", "tests", cwd=example, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert " passed" in result.stdout


def test_mypy_strict_passes_on_the_example(example: Path) -> None:
    result = _run("mypy", "--strict", "src", "tests", cwd=example)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_dry_run_trades_the_sample_candles(example: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(example / "src")}
    result = _run("bot_v2", "dry-run", "--cycles", "60", "--quiet", cwd=example, env=env)
    assert result.returncode == 0, result.stderr
    last = result.stdout.splitlines()[-1]
    assert last.startswith("60 cycles, ")
    assert " 0 fills" not in last
