"""The in-memory prediction against the codemods themselves: each sample's plan, proposed in
memory, is predicted again in memory (`--simulate`) and run for real in a scratch copy (the dry
run); every figure agrees step by step, but the lines, which the prediction estimates (within
2%, or 3 lines)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from analyzer.config import load_target
from codemods.plans import Mode, load_plan, predict
from codemods.plans.planner import propose
from codemods.plans.virtual import Unpredictable, VirtualBench, simulate
from tests.codemods.repos import copy_asset
from unknot.plan_wiring import AnalyzerFigures, plan_target
from unknot.virtual_graph import scan_graph

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("asset", "target", "steps"),
    [("migrate_layer", "orchestration", 5), ("plan_seed", "orchestration", 0)],
)
def test_the_prediction_agrees_with_the_codemods(
    tmp_path: Path, asset: str, target: str, steps: int
) -> None:
    root = copy_asset(asset, tmp_path)
    wanted = plan_target(load_target(target, cwd=root, no_cache=True), root)
    plan = propose(VirtualBench(scan_graph(root, wanted)))
    assert len(plan.steps) == steps or (steps == 0 and len(plan.steps) > 3)
    simulated = simulate(plan, scan_graph(root, wanted))
    measured = predict(plan, root, measure=AnalyzerFigures(), mode=Mode.DRY_RUN)
    assert measured.failed is None, measured.failed
    assert [r.status for r in simulated.records] == [r.status for r in measured.records]
    for guess, fact in zip(simulated.records, measured.records, strict=True):
        assert guess.after is not None
        assert fact.after is not None
        guessed, found = dict(guess.after.values), dict(fact.after.values)
        lines = guessed.pop("lines"), found.pop("lines")
        assert guessed == found, guess.step.title
        assert abs(lines[0] - lines[1]) <= max(3, lines[1] / 50), guess.step.title
    assert measured.current.passed


def test_a_step_the_prediction_cannot_model_sends_the_simulation_to_the_scratch_copy(
    tmp_path: Path,
) -> None:
    """`extract-protocol` is not modelled in memory: `simulate` says so, and `migrate
    --simulate` prints the dry run's figures instead."""
    root = copy_asset("protocol_cycle", tmp_path)
    plan = tmp_path / "plan.toml"
    plan.write_text(
        '[target]\nname = "orchestration"\npackage = "perps.orchestration"\nroot = "src"\n\n'
        '[[steps]]\nop = "extract-protocol"\ntarget = "perps.orchestration.perps_bot:PerpsBot"\n'
        'into = "perps.orchestration.core.bot_interface"\nname = "IBotRuntime"\n'
    )
    loaded = load_plan(plan)
    with pytest.raises(Unpredictable):
        simulate(loaded, scan_graph(root, loaded.target))
    command = [sys.executable, "-m", "unknot", "migrate", str(plan)]
    simulated = subprocess.run(
        [*command, "--simulate"], cwd=root, capture_output=True, text=True, check=False
    )
    dry = subprocess.run(command, cwd=root, capture_output=True, text=True, check=False)
    assert simulated.returncode == dry.returncode == 0, simulated.stderr + dry.stderr
    rows = [line for line in simulated.stdout.splitlines() if line.startswith("| 1 |")]
    assert rows == [line for line in dry.stdout.splitlines() if line.startswith("| 1 |")]
    assert rows[0].split(" | ")[3] == "0"  # import-time cycles after the step


def test_a_module_predicted_just_under_its_limit_counts_as_over_it(tmp_path: Path) -> None:
    """Lines are estimated: a module predicted within 2% under the limit is expected over it
    (an expectation is an upper bound, so a step that ends under it still passes)."""
    root = copy_asset("migrate_layer", tmp_path)
    wanted = plan_target(load_target("orchestration", cwd=root, no_cache=True), root)
    graph = scan_graph(root, wanted)
    module = "app.orchestration.bot"
    assert graph.figures().get("modules_over_limit") == 0
    limit = wanted.max_module_lines
    assert graph.resized(module, limit - 7).figures().get("modules_over_limit") == 0
    near = graph.resized(module, limit - 5).figures()
    assert near.get("modules_over_limit") == 1
    assert "max-module-lines" in near.failed_gates
    assert graph.resized(module, limit + 1).figures().get("modules_over_limit") == 1
