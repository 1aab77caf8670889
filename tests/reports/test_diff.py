from __future__ import annotations

from analyzer.model import Analysis
from reports.diff import diff
from tests.fakes.analyses import AnalysisBuilder


def _before() -> Analysis:
    builder = AnalysisBuilder()
    builder.module("account_telemetry", 120).module("equity_calculator", 80)
    builder.module("perps_bot", 200).module("builder", 150).module("old_helpers", 40)
    builder.imports("perps_bot", "account_telemetry").imports("builder", "account_telemetry")
    builder.imports("perps_bot", "builder").imports("builder", "perps_bot")
    builder.imports("perps_bot", "equity_calculator")
    return builder.build()


def _after() -> Analysis:
    builder = AnalysisBuilder()
    builder.module("telemetry.account_snapshot", 118).module("equity_calculator", 80)
    builder.module("perps_bot", 190).module("builders.perps_bot_builder", 150)
    builder.module("brand_new", 30)
    builder.imports("perps_bot", "telemetry.account_snapshot")
    builder.imports("builders.perps_bot_builder", "telemetry.account_snapshot")
    builder.imports("perps_bot", "builders.perps_bot_builder")
    builder.imports("perps_bot", "equity_calculator")
    return builder.build()


def test_moves_are_recognised_not_reported_as_delete_plus_add() -> None:
    result = diff(_before(), _after())
    assert [(m.old, m.new) for m in result.moved] == [
        ("bot.orchestration.account_telemetry", "bot.orchestration.telemetry.account_snapshot"),
        ("bot.orchestration.builder", "bot.orchestration.builders.perps_bot_builder"),
    ]
    assert result.added == ("bot.orchestration.brand_new",)
    assert result.removed == ("bot.orchestration.old_helpers",)
    assert result.candidates_left == ("bot.orchestration.old_helpers",)
    telemetry = result.moved[0]
    assert "1 of 2 importer(s) now import it" in telemetry.evidence


def test_figures_and_cycles_before_and_after() -> None:
    result = diff(_before(), _after())
    figures = {f.key: (f.before, f.after) for f in result.figures}
    assert figures["circular_dependencies"] == (1, 0)
    assert figures["modules"] == (5, 5)
    assert result.cycles_lost == (
        ("bot.orchestration.builders.perps_bot_builder", "bot.orchestration.perps_bot"),
    )
    assert result.cycles_gained == ()


def test_a_cycle_whose_modules_moved_is_neither_gained_nor_lost() -> None:
    before = AnalysisBuilder().imports("a", "b").imports("b", "a").build()
    after = AnalysisBuilder().imports("x.a", "b").imports("b", "x.a").build()
    result = diff(before, after)
    assert [(m.old, m.new) for m in result.moved] == [
        ("bot.orchestration.a", "bot.orchestration.x.a")
    ]
    assert (result.cycles_gained, result.cycles_lost) == ((), ())


def test_content_similarity_decides_between_unrelated_modules() -> None:
    before = AnalysisBuilder().module("alpha", 10).module("beta", 10).build()
    after = AnalysisBuilder().module("first", 10).module("second", 10).build()
    texts = {
        "bot/orchestration/alpha.py": "def alpha():\n    return 1\n" * 5,
        "bot/orchestration/beta.py": "class Beta:\n    pass\n" * 5,
        "bot/orchestration/first.py": "class Beta:\n    pass\n" * 5,
        "bot/orchestration/second.py": "def alpha():\n    return 1\n" * 5,
    }
    result = diff(before, after, read_before=texts.get, read_after=texts.get)
    assert [(m.old[18:], m.new[18:]) for m in result.moved] == [
        ("alpha", "second"),
        ("beta", "first"),
    ]
    without_content = diff(before, after)
    assert without_content.moved == ()
    assert len(without_content.added) == 2


def test_a_module_that_left_the_layer_for_a_new_file_is_moved_not_removed() -> None:
    before = AnalysisBuilder().module("market_monitor", 10).module("bot", 10).build()
    after = AnalysisBuilder().module("bot", 10).module("bot_components", 10).build()
    monitor = "class Monitor:\n    def beat(self) -> None: ...\n" * 5
    before_texts = {
        "bot/orchestration/market_monitor.py": monitor,
        "bot/orchestration/bot.py": "x = 1\n",
        "bot/features/old.py": monitor,  # outside, and there before: not a destination
    }
    after_texts = {
        "bot/features/market/monitor.py": monitor,
        "bot/features/old.py": monitor,
        "bot/orchestration/bot.py": "x = 1\n",
        "bot/orchestration/bot_components.py": "y = 2\n",
    }
    outside = {"bot.features.market.monitor": "bot/features/market/monitor.py"}
    outside["bot.features.old"] = "bot/features/old.py"
    result = diff(
        before,
        after,
        read_before=before_texts.get,
        read_after=after_texts.get,
        outside=outside,
    )
    assert [(m.old, m.new) for m in result.moved] == [
        ("bot.orchestration.market_monitor", "bot.features.market.monitor")
    ]
    assert "moved out of the layer" in result.moved[0].evidence
    assert result.removed == ()
    assert result.added == ("bot.orchestration.bot_components",)


def test_when_both_files_can_be_read_shared_importers_alone_are_no_move() -> None:
    before = AnalysisBuilder().module("calculator", 10).imports("bot", "calculator").build()
    after = AnalysisBuilder().module("risk", 10).imports("bot", "risk").build()
    texts = {
        "bot/orchestration/calculator.py": "def total():\n    return 1\n" * 5,
        "bot/orchestration/risk.py": "class Risk:\n    limit = 2\n" * 5,
    }
    assert diff(before, after, read_before=texts.get, read_after=texts.get).moved == ()
    assert len(diff(before, after).moved) == 1  # no files: the importers are the evidence
