"""The planner on the facts of tests/assets/migrate_layer, on a workbench that runs nothing:
which steps it proposes, in which order and why, that every step is computed on the layer as
the steps before it left it, and how a step that fails its run is left out."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from codemods.plans import Figures, PlanTarget, Step
from codemods.plans.facts import CutFact, LayerFacts, ModuleFact, ShimFact
from codemods.plans.planner import propose
from codemods.plans.results import Status, StepRecord
from codemods.plans.scratch import Accept

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


@dataclass
class FakeBench:
    """Runs nothing: a kept step takes its module out of the facts (a move, a removed shim) or
    the first import to cut (a cut), and removes an import to cut, except steps of the op
    `failing` (which fail) and of the op `stuck` (which cut none)."""

    facts_now: LayerFacts
    failing: str = ""
    stuck: str = ""
    tried: list[Step] = field(default_factory=list)
    to_cut: int = 5
    modules: int = 10

    def facts(self) -> LayerFacts:
        return self.facts_now

    def attempt(self, number: int, step: Step, accept: Accept) -> StepRecord:
        self.tried.append(step)
        before = Figures({"imports_to_cut": self.to_cut, "modules": self.modules})
        cut = step.op != self.stuck and step.why.startswith("cuts ")
        after = Figures(
            {
                "modules": self.modules - 1,
                "cycles.import-time": 0,
                "imports_to_cut": self.to_cut - cut,
            }
        )
        if step.op == self.failing:
            record = StepRecord(number, step, Status.FAILED, before, error="error[x]: no")
        else:
            record = StepRecord(number, step, Status.PREDICTED, before, after)
        reason = accept(record)
        if reason:
            return replace(record, status=Status.LEFT_OUT, error=reason)
        self.to_cut, self.modules = after.get("imports_to_cut"), after.get("modules")
        self._take(step, cut=cut)
        return record

    def _take(self, step: Step, *, cut: bool) -> None:
        gone = step.text("old") or step.text("module")
        modules = tuple(m for m in self.facts_now.modules if m.name != gone)
        shims = tuple(s for s in self.facts_now.shims if s.module != gone)
        cuts = self.facts_now.cuts[1:] if cut else self.facts_now.cuts
        self.facts_now = replace(self.facts_now, modules=modules, cuts=cuts, shims=shims)


def test_cuts_first_then_tier_one_moves_then_unused_shims() -> None:
    plan = propose(FakeBench(FACTS))
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
    bench = FakeBench(FACTS, failing="move")
    plan = propose(bench)
    assert [s.op for s in plan.steps] == ["move-symbol", "remove-shim"]
    assert [s.op for s in bench.tried].count("move") == 1
    assert any(
        n.startswith("left out `move app.orchestration.market_monitor") and "error[x]" in n
        for n in plan.notes
    )
    assert plan.steps[1].expect[2] == ("modules", 8)


def test_each_step_is_computed_on_the_layer_the_steps_before_it_left() -> None:
    """A module the cuts moved away is not named again by a later phase."""
    moved_away = replace(
        FACTS, cuts=(CutFact("app.orchestration.market_monitor", "app.orchestration.bot"),)
    )
    bench = FakeBench(moved_away)
    plan = propose(bench)
    olds = [s.text("old") for s in plan.steps if s.op == "move"]
    assert olds == ["app.orchestration.market_monitor"]
    assert plan.steps[0].why.startswith("cuts app.orchestration.market_monitor")


def test_the_names_an_importer_takes_move_when_they_stand_alone(tmp_path: Path) -> None:
    """...and not when they use the importer: the moved code would take the cycle along."""
    (tmp_path / "a.py").write_text(
        "from app.orchestration import b\n\n\ndef run() -> int:\n    return b.helper()\n"
    )
    b = "from app.orchestration import a\n\n\ndef helper() -> int:\n    return 1\n\n\n"
    (tmp_path / "b.py").write_text(b + "def public() -> int:\n    return a.run()\n")
    modules = tuple(
        ModuleFact(f"app.orchestration.{leaf}", tmp_path / f"{leaf}.py", 5, 2) for leaf in "ab"
    )
    cut = CutFact("app.orchestration.a", "app.orchestration.b")
    plan = propose(FakeBench(LayerFacts(TARGET, modules, (cut,), ())))
    assert plan.steps[0].op == "move-symbol"
    assert plan.steps[0].texts("symbols") == ("app.orchestration.b:helper",)
    assert plan.steps[0].text("dest") == "app.orchestration.shared.b"

    (tmp_path / "b.py").write_text(b.replace("return 1", "return a.run()"))
    plan = propose(FakeBench(LayerFacts(TARGET, modules, (cut,), ())))
    assert "move-symbol" not in [s.op for s in plan.steps]


def test_an_import_needed_only_inside_functions_is_deferred_into_them(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(
        "from app.orchestration import b\n\n\ndef make() -> int:\n"
        "    return b.public() + size()\n\n\ndef size() -> int:\n    return 2\n"
    )
    (tmp_path / "b.py").write_text(
        "from app.orchestration import a\n\nX = a.make\n\n\ndef public() -> int:\n"
        "    return 1\n\n\ndef helper() -> int:\n    return public()\n"
    )
    modules = tuple(
        ModuleFact(f"app.orchestration.{leaf}", tmp_path / f"{leaf}.py", 5, 2) for leaf in "ab"
    )
    cut = CutFact("app.orchestration.b", "app.orchestration.a")
    plan = propose(FakeBench(LayerFacts(TARGET, modules, (cut,), ())))
    assert [(s.op, s.args) for s in plan.steps] == [
        (
            "typing-import",
            (
                ("module", "app.orchestration.a"),
                ("imported", "app.orchestration.b"),
                ("defer", True),
            ),
        )
    ]
    assert plan.steps[0].title.endswith("--defer")


def test_a_cut_with_no_step_gets_a_note(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("from app.orchestration import b\n\nX = b.helper()\n")
    (tmp_path / "b.py").write_text(
        "import app.orchestration.a\n\nY = app.orchestration.a.X\n\ndef public() -> int:\n"
        "    return 1\n\ndef helper() -> int:\n    return public()\n"
    )
    modules = tuple(
        ModuleFact(f"app.orchestration.{leaf}", tmp_path / f"{leaf}.py", 5, 2) for leaf in "ab"
    )
    cut = CutFact("app.orchestration.a", "app.orchestration.b")
    plan = propose(FakeBench(LayerFacts(TARGET, modules, (cut,), ())))
    assert plan.steps == ()
    assert plan.notes == (
        "no cheap cut for app.orchestration.a -> app.orchestration.b: consider "
        "extract-protocol or a hand-made step",
    )


def test_a_cut_step_that_leaves_the_imports_to_cut_as_they_were_is_left_out() -> None:
    """...and the next way to cut the same import is tried (here: deferring it)."""
    plan = propose(FakeBench(FACTS, stuck="move-symbol"))
    assert plan.steps[0].title == (
        "typing-import app.orchestration.symbols app.orchestration.configuration --defer"
    )
    assert [s.op for s in plan.steps][1:] == ["move", "remove-shim"]
    assert plan.notes == (
        "left out `move-symbol app.orchestration.configuration:TOP_VOLUME_BASES "
        "app.orchestration.shared.configuration`: the imports to cut stay at 5",
    )
    kept = propose(FakeBench(FACTS, stuck="move"))
    assert [s.op for s in kept.steps] == ["move-symbol", "move", "remove-shim"]
