"""`unknot plan` end to end: the proposed plan, unedited, migrates the sample packages to their
gates, with the packages' own tests and `mypy --strict` passing after every step."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tests.codemods.repos import copy_asset, snapshot
from tests.unknot.test_migrate_cli import ENV

pytestmark = pytest.mark.slow

OWN_TESTS = f"PYTHONPATH=src {sys.executable} -m pytest -q -p no:cacheprovider tests"
MYPY = f"{sys.executable} -m mypy --strict --no-incremental src tests"


def _sources(root: Path) -> dict[str, bytes]:
    """The tree's files but the scan cache."""
    return {k: v for k, v in snapshot(root).items() if not k.startswith(".unknot_cache/")}


def _unknot(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "unknot", *args],
        cwd=root,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


@pytest.mark.parametrize(
    ("asset", "target", "ops"),
    [
        ("migrate_layer", "orchestration", ["move-symbol", "move", "move", "move", "remove-shim"]),
        ("symbols_split", "shop", ["move-symbol", "move-symbol"]),
    ],
)
def test_the_unedited_plan_migrates_to_the_gates(
    tmp_path: Path, asset: str, target: str, ops: list[str]
) -> None:
    root = copy_asset(asset, tmp_path)
    before = _sources(root)
    plan = tmp_path / "plan.toml"
    proposed = _unknot(root, "plan", target, "-o", str(plan))
    assert proposed.returncode == 0, proposed.stderr
    assert _sources(root) == before  # only the scan cache is written, as analyze writes it
    ignored = (root / ".unknot_cache" / ".gitignore").read_text()
    assert ignored.endswith("*\n")
    data = tomllib.loads(plan.read_text())
    assert [step["op"] for step in data["steps"]] == ops
    assert all(step["why"] and step["expect"] for step in data["steps"])
    assert data["steps"][-1]["expect"]["modules_over_limit"] == 0
    assert data["steps"][-1]["expect"]["cycles.import-time"] == 0

    migrated = _unknot(
        root, "migrate", str(plan), "--apply", "--verify", OWN_TESTS, "--verify", MYPY
    )
    assert migrated.returncode == 0, migrated.stdout + migrated.stderr
    assert f"✅ complete ({len(ops)}/{len(ops)} steps done)" in migrated.stdout
    analysed = _unknot(root, "analyze", target)
    assert analysed.returncode == 0, analysed.stdout


def test_a_plan_written_twice_is_the_same_and_a_bad_target_is_refused(tmp_path: Path) -> None:
    root = copy_asset("migrate_layer", tmp_path)
    first, second = _unknot(root, "plan", "orchestration"), _unknot(root, "plan", "orchestration")
    assert first.returncode == 0
    assert first.stdout == second.stdout
    assert first.stdout.startswith("# unknot plan for orchestration (app.orchestration).")
    bad = _unknot(root, "plan", "orchestra-tion")
    assert bad.returncode == 2
    assert bad.stderr.startswith("error[target-not-found]")
    assert "Did you mean 'orchestration'?" in bad.stderr


@pytest.mark.parametrize("asset", ["migrate_layer", "plan_seed"])
def test_the_exact_plan_has_the_same_steps_and_expectations(tmp_path: Path, asset: str) -> None:
    """`--exact` tries each step for real in a scratch copy; the in-memory plan predicts the
    same steps, in the same order, expecting the same figures."""
    root = copy_asset(asset, tmp_path)
    in_memory, exact = (
        _unknot(root, "plan", "orchestration"),
        _unknot(root, "plan", "orchestration", "--exact"),
    )
    assert in_memory.returncode == exact.returncode == 0, in_memory.stderr + exact.stderr
    steps = tomllib.loads(in_memory.stdout)["steps"]
    assert len(steps) > 3
    assert steps == tomllib.loads(exact.stdout)["steps"]


def test_the_seed_shaped_layer_is_planned_and_migrated_with_its_checks_passing(
    tmp_path: Path,
) -> None:
    """The seed's tangle: a central class and six services importing each other (the services
    only for annotations), a pair for a constant, four tier-1 modules, two modules over 300
    lines. Every cut the plan can make without typing-import is made; the central cycle needs
    the typing-import codemod (on whichever side of each pair the cut falls), and the plan says
    so when it is not installed."""
    root = copy_asset("plan_seed", tmp_path)
    plan = tmp_path / "plan.toml"
    assert _unknot(root, "plan", "orchestration", "-o", str(plan)).returncode == 0
    data = tomllib.loads(plan.read_text())
    ops = [step["op"] for step in data["steps"]]
    assert ops.count("move") == 4
    assert "move-symbol" in ops
    typing_ready = importlib.util.find_spec("codemods.typing_imports") is not None
    central = 0 if typing_ready else 1
    if not typing_ready:
        assert any("typing-import would cut it" in note for note in data["notes"])
    last = data["steps"][-1]["expect"]
    assert (last["cycles.import-time"], last["modules_over_limit"]) == (central, 0)

    migrated = _unknot(
        root, "migrate", str(plan), "--apply", "--verify", OWN_TESTS, "--verify", MYPY
    )
    assert migrated.returncode == 0, migrated.stdout + migrated.stderr
    table = [line for line in migrated.stdout.splitlines() if line.startswith("| 0 | baseline")]
    assert table == ["| 0 | baseline | 2 | 2 | 7 | 16 | 816 | 2 |"]
    analysed = _unknot(root, "analyze", "orchestration", "--format", "json")
    summary = json.loads(analysed.stdout)["summary"]
    assert summary["modules_over_limit"] == 0
    assert summary["cycles_by_kind"].get("import-time", 0) == central
    if typing_ready:  # the services still name the bot in annotations: a typing-only cycle
        assert summary["cycles_by_kind"] == {"typing": 1}


def test_an_output_in_a_missing_directory_is_refused_before_planning(tmp_path: Path) -> None:
    root = copy_asset("migrate_layer", tmp_path)
    before = snapshot(root)
    refused = _unknot(root, "plan", "orchestration", "-o", "no/such/dir/plan.toml")
    assert refused.returncode == 2
    assert refused.stderr.startswith("error[no-such-directory]")
    assert "hint:" in refused.stderr
    assert snapshot(root) == before
