"""The planner on the facts of tests/assets/migrate_layer, with a stand-in for the scratch run:
which steps it proposes, in which order and why, and how a step that fails its run is left out."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from codemods.plans import Figures, Plan, PlanTarget
from codemods.plans.facts import CutFact, LayerFacts, ModuleFact, ShimFact
from codemods.plans.planner import propose
from codemods.plans.results import Migration, Mode, Status, StepRecord
from codemods.plans.simulate import Accept

LAYER = Path(__file__).resolve().parents[2] / "assets/migrate_layer/src/app/orchestration"
TARGET = PlanTarget("orchestration", "app.orchestration", "src")


def _module(leaf: str, tier: int, destination: str | None = None) -> ModuleFact:
    return ModuleFact(f"app.orchestration.{leaf}", LAYER / f"{leaf}.py", 10, tier, destination)


FACTS = LayerFacts(
    TARGET,
    modules=(
        _module("bot", 3),
        _module("configuration", 2),
        _module("symbols", 2),
        _module("market_monitor", 1, "app.features.market_monitor"),
        _module("legacy_symbols", 2),
    ),
    cuts=(CutFact("app.orchestration.symbols", "app.orchestration.configuration"),),
    shims=(
        ShimFact("app.orchestration.legacy_symbols", ()),
        ShimFact("app.orchestration.bot", ("app.x",)),
    ),
)


class FakePredict:
    """Runs nothing: every step succeeds, takes a module away and removes an import to cut,
    except steps of the op `failing` (which fail) and of the op `stuck` (which cut none); a
    step `accept` gives a reason against is left out, as if undone."""

    def __init__(self, failing: str = "", stuck: str = "") -> None:
        self.failing = failing
        self.stuck = stuck
        self.plans: list[Plan] = []

    def __call__(self, plan: Plan, accept: Accept) -> Migration:
        self.plans.append(plan)
        records = []
        to_cut, modules = 5, 10
        for number, step in enumerate(plan.steps, start=1):
            before = Figures({"imports_to_cut": to_cut, "modules": modules})
            after = Figures(
                {
                    "modules": modules - 1,
                    "cycles.import-time": 0,
                    "imports_to_cut": to_cut - (step.op != self.stuck),
                }
            )
            if step.op == self.failing:
                record = StepRecord(number, step, Status.FAILED, before, error="error[x]: no")
            else:
                record = StepRecord(number, step, Status.PREDICTED, before, after)
            reason = accept(record)
            if reason:
                record = replace(record, status=Status.LEFT_OUT, error=reason)
            elif record.status is Status.PREDICTED:
                to_cut, modules = after.get("imports_to_cut"), after.get("modules")
            records.append(record)
        return Migration(plan, Mode.SIMULATE, Figures(), tuple(records), Figures())


def test_cuts_first_then_tier_one_moves_then_unused_shims() -> None:
    plan = propose(FACTS, predict=FakePredict())
    assert [(s.op, s.args) for s in plan.steps] == [
        (
            "move-symbol",
            (
                ("symbols", ("app.orchestration.configuration:TOP_VOLUME_BASES",)),
                ("dest", "app.orchestration.shared.configuration"),
            ),
        ),
        (
            "move",
            (("old", "app.orchestration.market_monitor"), ("new", "app.features.market_monitor")),
        ),
        ("remove-shim", (("module", "app.orchestration.legacy_symbols"),)),
    ]
    first = plan.steps[0]
    assert first.why.startswith(
        "cuts app.orchestration.symbols -> app.orchestration.configuration: TOP_VOLUME_BASES"
    )
    assert first.expect == (
        ("cycles.import-time", 0),
        ("imports_to_cut", 4),
        ("modules", 9),
        ("modules_over_limit", 0),
    )
    assert [s.tag for s in plan.steps] == [
        "migrate/move-symbol-configuration",
        "migrate/move-market_monitor",
        "migrate/remove-shim-legacy_symbols",
    ]


def test_a_step_that_fails_its_run_is_left_out_with_a_note() -> None:
    predict = FakePredict(failing="move")
    plan = propose(FACTS, predict=predict)
    assert [s.op for s in plan.steps] == ["move-symbol", "remove-shim"]
    assert len(predict.plans) == 1
    assert any(
        n.startswith("left out `move app.orchestration.market_monitor") and "error[x]" in n
        for n in plan.notes
    )
    assert plan.steps[1].expect[2] == ("modules", 8)


def test_the_names_an_importer_takes_move_when_they_stand_alone() -> None:
    cut = CutFact("app.orchestration.configuration", "app.orchestration.symbols")
    facts = LayerFacts(TARGET, FACTS.modules, (cut,), ())
    plan = propose(facts, predict=FakePredict())
    assert [s.op for s in plan.steps] == ["move-symbol", "move"]
    assert plan.steps[0].texts("symbols") == (
        "app.orchestration.symbols:derivatives_enabled",
        "app.orchestration.symbols:normalize_symbols",
    )


def test_a_cut_whose_names_need_the_rest_of_their_module_gets_a_note(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("from app.orchestration import b\n\nX = b.helper()\n")
    (tmp_path / "b.py").write_text(
        "import app.orchestration.a\n\ndef public() -> int:\n    return 1\n\n"
        "def helper() -> int:\n    return public()\n"
    )
    modules = tuple(
        ModuleFact(f"app.orchestration.{leaf}", tmp_path / f"{leaf}.py", 5, 2) for leaf in "ab"
    )
    cut = CutFact("app.orchestration.a", "app.orchestration.b")
    plan = propose(LayerFacts(TARGET, modules, (cut,), ()), predict=FakePredict())
    assert plan.steps == ()
    assert plan.notes == (
        "no cheap cut for app.orchestration.a -> app.orchestration.b: consider "
        "extract-protocol or a hand-made step",
    )


def test_a_cut_step_that_leaves_the_imports_to_cut_as_they_were_is_left_out() -> None:
    plan = propose(FACTS, predict=FakePredict(stuck="move-symbol"))
    assert [s.op for s in plan.steps] == ["move", "remove-shim"]
    assert plan.notes == (
        "left out `move-symbol app.orchestration.configuration:TOP_VOLUME_BASES "
        "app.orchestration.shared.configuration`: the imports to cut stay at 5",
    )
    kept = propose(FACTS, predict=FakePredict(stuck="move"))
    assert [s.op for s in kept.steps] == ["move-symbol", "move", "remove-shim"]
