"""The step registry: every operation of the plan format runs its codemod."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from codemods.engine.errors import CodemodError
from codemods.plans import OPS, RunOptions, parse_plan, run_step
from tests.codemods.repos import snapshot

HEAD = '[target]\npackage = "app.orchestration"\nroot = "src"\n'


def test_every_operation_of_the_plan_format_is_registered() -> None:
    assert list(OPS) == ["move", "remove-shim", "move-symbol", "extract-protocol", "typing-import"]
    for spec in OPS.values():
        assert set(spec.lists | spec.flags) <= set(spec.required + spec.optional)
        step = parse_plan(HEAD + "[[steps]]\n" + spec.example.replace(", ", "\n") + "\n").steps[0]
        assert step.op == spec.name


@pytest.mark.parametrize("op", ["extract-protocol", "typing-import"])
def test_protocol_and_typing_import_steps_reach_their_codemods(
    op: str, asset_repo: Callable[[str], Path]
) -> None:
    """The example step names modules the sample does not have: the codemod itself refuses it
    (its own error, not a missing-codemod one), and a dry run writes nothing."""
    root = asset_repo("symbols_mutual")
    spec = OPS[op]
    step = parse_plan(HEAD + "[[steps]]\n" + spec.example.replace(", ", "\n") + "\n").steps[0]
    before = snapshot(root)
    with pytest.raises(CodemodError) as raised:
        run_step(root, step, RunOptions())
    assert raised.value.code != "op-unavailable"
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
