"""The post-move cycle check through the CycleFinder port (a fake here, the analyzer in the CLI)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from codemods import MoveRequest, move_module
from codemods.engine.apply import ChangeSet
from codemods.engine.cycle_check import cycle_delta
from codemods.engine.layout import Layout
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


def test_the_delta_names_the_cycles_a_change_breaks_and_keeps(
    asset_repo: Callable[[str], Path],
) -> None:
    root = asset_repo("codemods_cycle")
    pricing = root / "src/loop/core/pricing.py"
    kept = ("loop.a", "loop.core.pricing")
    finder = FakeCycleFinder(
        {"loop/core/pricing.py": (kept,)},
        import_time_when={("loop/core/pricing.py", "# the cut import"): (CYCLE,)},
    )
    pricing.write_text(pricing.read_text(encoding="utf-8") + "# the cut import\n")
    changes = ChangeSet(root, writes=((pricing, "x = 1\n"),))
    layout = Layout.detect(root)
    delta = cycle_delta(layout, changes, ["loop.core.pricing"], finder, import_time=True)
    assert delta.before == tuple(sorted((kept, CYCLE)))
    assert delta.after == (kept,)
    assert delta.removed == (CYCLE,)
    assert delta.new == ()
    every_kind = cycle_delta(layout, changes, ["loop.core.pricing"], finder)
    assert every_kind.removed == every_kind.new == ()


def test_a_cycle_between_packages_the_move_creates_is_reported(
    asset_repo: Callable[[str], Path],
) -> None:
    root = asset_repo("codemods_cycle")
    packages = ("loop.billing", "loop.core")
    finder = FakeCycleFinder(packages_when={"loop/billing/rates.py": (packages,)})
    outcome = move_module(
        MoveRequest(root, "loop.core.pricing", "loop.billing.rates"), cycle_finder=finder
    )
    assert outcome.summary.new_cycles == ()
    assert outcome.summary.new_package_cycles == (packages,)
    assert "warning: new package cycle: loop.billing <-> loop.core" in outcome.summary.lines()
