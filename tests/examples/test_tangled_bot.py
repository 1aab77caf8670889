"""The tangled example (`examples/tangled_bot/`): the seed's "before" state, measured for real.

In a temporary copy: `unknot analyze orchestration` (the real CLI) reports exactly the seed's 7
mutual imports and its modules over 300 lines, and fails the gate; the example's own tests pass
and `mypy --strict` passes on it, so the tangle is one Python tolerates at import time. Then the
codemods replay the seed's Phase 2 moves and its `configuration <-> symbols` fix on another copy.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.codemods.repos import run_module, run_own_tests

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


MOVES = [
    ("account_telemetry", "bot_v2.monitoring.telemetry.account_snapshot"),
    ("equity_calculator", "bot_v2.features.live_trade.equity.calculator"),
    ("market_monitor", "bot_v2.features.market_data.monitoring.activity_monitor"),
    ("market_data_service", "bot_v2.features.market_data.service"),
]
SHARED = (
    f"{LAYER}.symbols:derivatives_enabled",
    f"{LAYER}.symbols:normalize_symbols",
    f"{LAYER}.configuration:TOP_VOLUME_BASES",
    f"{LAYER}.shared.symbol_utils",
    "--shim",
    *("--with", "PERP_SUFFIX", "--with", "_clean", "--with", "_split"),
    *("--with", "spot_equivalent"),
)


def _copy(destination: Path) -> Path:
    root = destination / "tangled_bot"
    caches = shutil.ignore_patterns(
        ".unknot_cache", "__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache"
    )
    shutil.copytree(EXAMPLE, root, ignore=caches)
    return root


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _copy(tmp_path_factory.mktemp("example"))


def _analysis(root: Path) -> dict[str, Any]:
    result = run_module("unknot", "analyze", "orchestration", "--format", "json", cwd=root)
    assert result.returncode in (0, 1), result.stderr
    analysis: dict[str, Any] = json.loads(result.stdout)
    return analysis


def test_the_analysis_shows_the_seeds_baseline(example: Path) -> None:
    result = run_module("unknot", "analyze", "orchestration", "--format", "json", cwd=example)
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
    result = run_module("unknot", "analyze", "orchestration", "--format", "json", cwd=example)
    assert result.returncode == 1
    tiers = {m["name"]: m["tier"] for m in json.loads(result.stdout)["modules"]}
    for name in ("account_telemetry", "equity_calculator", "market_monitor", "market_data_service"):
        assert tiers[f"{LAYER}.{name}"] == 1, name


def test_the_examples_own_tests_pass(example: Path) -> None:
    result = run_own_tests(example)
    assert result.returncode == 0, result.stdout + result.stderr
    assert " passed" in result.stdout


def test_mypy_strict_passes_on_the_example(example: Path) -> None:
    result = run_module("mypy", "--strict", "src", "tests", cwd=example)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_dry_run_trades_the_sample_candles(example: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(example / "src")}
    result = run_module("bot_v2", "dry-run", "--cycles", "60", "--quiet", cwd=example, env=env)
    assert result.returncode == 0, result.stderr
    last = result.stdout.splitlines()[-1]
    assert last.startswith("60 cycles, ")
    assert " 0 fills" not in last


def test_the_codemods_replay_the_seeds_moves(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    for old, new in MOVES:
        moved = run_module("unknot", "codemod", "move", f"{LAYER}.{old}", new, "--apply", cwd=root)
        assert moved.returncode == 0, moved.stdout + moved.stderr
    summary = _analysis(root)["summary"]
    assert (summary["modules"], summary["mutual_pairs"]) == (12, 7)
    assert (root / "tests/monitoring/telemetry/test_account_snapshot.py").is_file()

    shared = run_module("unknot", "codemod", "move-symbol", *SHARED, "--apply", cwd=root)
    assert shared.returncode == 0, shared.stdout + shared.stderr
    analysis = _analysis(root)
    pairs = sorted((p["first"], p["second"]) for p in analysis["mutual_pairs"])
    assert pairs == [pair for pair in MUTUAL if "symbols" not in pair[1]]
    assert analysis["summary"]["circular_dependencies"] == 6

    tests = run_own_tests(root)
    assert tests.returncode == 0, tests.stdout + tests.stderr
    mypy = run_module("mypy", "--strict", "src", "tests", cwd=root)
    assert mypy.returncode == 0, mypy.stdout + mypy.stderr
