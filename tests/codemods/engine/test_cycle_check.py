"""The post-move cycle check through the CycleFinder port (a fake here, the analyzer in the CLI)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from codemods import MoveRequest, move_module
from tests.fakes.cycle_finder import FakeCycleFinder

CYCLE = ("loop.a", "loop.billing.rates")


def test_a_cycle_that_only_exists_after_the_move_is_reported(
    asset_repo: Callable[[str], Path],
) -> None:
    root = asset_repo("codemods_cycle")
    finder = FakeCycleFinder({"loop/billing/rates.py": (CYCLE,)})
    outcome = move_module(
        MoveRequest(root, "loop.core.pricing", "loop.billing.rates"), cycle_finder=finder
    )
    assert outcome.summary.new_cycles == (CYCLE,)
    assert "warning: new import cycle: loop.a <-> loop.billing.rates" in outcome.summary.lines()
    assert outcome.summary.as_dict()["new_cycles"] == [list(CYCLE)]
    roots = {call[0] for call in finder.calls}
    assert root / "src" in roots
    assert len(roots) == 2, "once on the tree as it is, once on a scratch copy after the move"
    assert not (root / "src/loop/billing").exists(), "a dry run writes nothing"


def test_a_cycle_that_was_already_there_is_not_new(asset_repo: Callable[[str], Path]) -> None:
    root = asset_repo("codemods_cycle")
    finder = FakeCycleFinder(
        {
            "loop/core/pricing.py": (("loop.a", "loop.core.pricing"),),
            "loop/billing/rates.py": (CYCLE,),
        }
    )
    outcome = move_module(
        MoveRequest(root, "loop.core.pricing", "loop.billing.rates"), cycle_finder=finder
    )
    assert outcome.summary.new_cycles == ()
