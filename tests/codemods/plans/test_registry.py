"""The step registry: every operation runs its codemod; one whose codemod is not installed
fails with `op-unavailable` before anything changes."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path

import pytest

from codemods.plans import OPS, OpUnavailable, RunOptions, parse_plan, run_step
from codemods.plans.registry import check_available
from tests.codemods.repos import snapshot

HEAD = '[target]\npackage = "app.orchestration"\nroot = "src"\n'


def test_every_operation_of_the_plan_format_is_registered() -> None:
    assert list(OPS) == ["move", "remove-shim", "move-symbol", "extract-protocol", "typing-import"]
    for spec in OPS.values():
        assert set(spec.lists | spec.flags) <= set(spec.required + spec.optional)
        step = parse_plan(HEAD + "[[steps]]\n" + spec.example.replace(", ", "\n") + "\n").steps[0]
        assert step.op == spec.name


@pytest.mark.parametrize("op", ["extract-protocol", "typing-import"])
def test_late_operations_run_when_installed_else_fail_as_unavailable(
    op: str, asset_repo: Callable[[str], Path]
) -> None:
    root = asset_repo("symbols_mutual")
    spec = OPS[op]
    step = parse_plan(HEAD + "[[steps]]\n" + spec.example.replace(", ", "\n") + "\n").steps[0]
    before = snapshot(root)
    if importlib.util.find_spec(spec.module) is None:
        with pytest.raises(OpUnavailable) as raised:
            check_available((step,))
        assert raised.value.code == "op-unavailable"
        assert f"Step 1 ({op})" in raised.value.message
        with pytest.raises(OpUnavailable):
            run_step(root, step, RunOptions())
    else:
        check_available((step,))
    assert snapshot(root) == before


def test_a_move_step_runs_the_move_codemod(asset_repo: Callable[[str], Path]) -> None:
    root = asset_repo("symbols_mutual")
    plan = parse_plan(
        HEAD + '[[steps]]\nop = "move"\nold = "app.orchestration.symbols"\n'
        'new = "app.shared.symbols"\n'
    )
    before = snapshot(root)
    dry = run_step(root, plan.steps[0], RunOptions())
    assert "rename to src/app/shared/symbols.py" in dry.diff
    assert snapshot(root) == before
    applied = run_step(root, plan.steps[0], RunOptions(apply=True))
    assert applied.summary.applied
    assert (root / "src/app/shared/symbols.py").is_file()
