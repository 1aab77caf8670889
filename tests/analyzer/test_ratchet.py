from __future__ import annotations

from analyzer import baseline, ratchet
from analyzer.model import Analysis
from tests.fakes.analyses import AnalysisBuilder, seed_layer


def _layer(*, extra_cycle: bool = False, configuration: int = 485, fixed: bool = False) -> Analysis:
    builder = AnalysisBuilder()
    builder.module("perps_bot", 420).module("configuration", configuration).module("builder", 210)
    builder.imports("perps_bot", "builder", line=12)
    if not fixed:
        builder.imports("builder", "perps_bot", line=3, text="from x import PerpsBot")
    builder.imports("configuration", "symbols", line=8)
    if extra_cycle:
        builder.imports("symbols", "configuration", line=2)
    return builder.build()


def test_same_analysis_passes_with_nothing_to_tighten() -> None:
    recorded = baseline.from_analysis(seed_layer())
    result = ratchet.compare(recorded, seed_layer())
    assert result.passed
    assert (result.regressions, result.tightenable, result.stale) == ((), (), ())
    assert result.gate().message == "same as the baseline"


def test_new_cycle_and_its_import_are_regressions_at_the_line() -> None:
    recorded = baseline.from_analysis(_layer())
    result = ratchet.compare(recorded, _layer(extra_cycle=True))
    assert not result.passed
    kinds = [(c.kind, c.subject) for c in result.regressions]
    assert kinds == [
        ("figure-rose", "all_kinds_circular_dependencies"),
        ("figure-rose", "all_kinds_statements_to_cut"),
        ("figure-rose", "circular_dependencies"),
        ("figure-rose", "cycles"),
        ("figure-rose", "mutual_pairs"),
        ("figure-rose", "statements_to_cut"),
        ("new-cycle", "bot.orchestration.configuration bot.orchestration.symbols"),
        ("new-cycle-import", "bot.orchestration.configuration -> bot.orchestration.symbols"),
    ]
    gate = result.gate()
    assert gate.gate == "baseline"
    assert not gate.passed
    assert [(loc.file, loc.line) for loc in gate.locations] == [
        ("bot/orchestration/configuration.py", 8)
    ]


def test_moving_an_import_to_another_line_is_not_a_regression() -> None:
    before = AnalysisBuilder().imports("a", "b", line=3).imports("b", "a", line=4).build()
    after = AnalysisBuilder().imports("a", "b", line=30).imports("b", "a", line=40).build()
    assert ratchet.compare(baseline.from_analysis(before), after).passed


def test_growth_past_allowance_and_new_oversized_module_fail() -> None:
    recorded = baseline.from_analysis(_layer())
    grown = _layer(configuration=500)
    result = ratchet.compare(recorded, grown)
    assert [c.message for c in result.regressions] == [
        "bot.orchestration.configuration grew past its allowance: 485 -> 500"
    ]
    small = baseline.from_analysis(_layer(configuration=100))
    result = ratchet.compare(small, _layer())
    assert [c.kind for c in result.regressions] == ["figure-rose", "new-oversized-module"]


def test_improvement_passes_and_says_what_to_tighten() -> None:
    recorded = baseline.from_analysis(_layer())
    result = ratchet.compare(recorded, _layer(fixed=True, configuration=400))
    assert result.passed
    assert [c.message for c in result.tightenable] == [
        "allowance of bot.orchestration.configuration can shrink: 485 -> 400",
        "all_kinds_circular_dependencies 1 -> 0",
        "all_kinds_statements_to_cut 1 -> 0",
        "circular_dependencies 1 -> 0",
        "cycles 1 -> 0",
        "mutual_pairs 1 -> 0",
        "statements_to_cut 1 -> 0",
    ]
    assert [c.kind for c in result.stale] == [
        "stale-cycle",
        "stale-cycle-import",
        "stale-cycle-import",
    ]
    assert result.gate().message == "better than the baseline: 10 entries can be tightened"


def test_apply_adds_the_baseline_gate() -> None:
    recorded = baseline.from_analysis(_layer())
    analysis = ratchet.apply(
        _layer(extra_cycle=True), ratchet.compare(recorded, _layer(extra_cycle=True))
    )
    assert [g.gate for g in analysis.gates][-1] == "baseline"
