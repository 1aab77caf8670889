from __future__ import annotations

from reports import markdown
from tests.fakes.analyses import AnalysisBuilder, seed_layer
from tests.reports.golden import assert_golden

SEED_BASELINE = {"modules": 36, "lines": 7810, "circular_dependencies": 7, "modules_over_limit": 5}


def test_seed_layer_report_matches_golden() -> None:
    assert_golden("seed_layer.md", markdown.render(seed_layer(), baseline=SEED_BASELINE))


def test_report_is_byte_stable() -> None:
    assert markdown.render(seed_layer()) == markdown.render(seed_layer())


def test_current_block_says_down_from_baseline_like_the_seed() -> None:
    text = markdown.render(seed_layer(), baseline=SEED_BASELINE)
    assert (
        "#### Baseline\n\n```\nModules: 36\nLines: 7,810\n"
        "Circular Dependencies (imports to cut to pass the gate): 7\n"
    ) in text
    assert (
        "Circular Dependencies (imports to cut to pass the gate): 1 (down from 7)\n"
        "  - builder ↔️ perps_bot\n"
    ) in text
    assert "Modules >300 lines: 2 (down from 5)" in text


def test_without_baseline_there_is_no_baseline_block() -> None:
    text = markdown.render(seed_layer())
    assert "#### Baseline" not in text
    assert "Circular Dependencies (imports to cut to pass the gate): 1\n" in text
    assert "Circular Dependencies, all kinds (imports to cut): 3\n" in text


def test_cuts_are_a_checklist_at_the_importing_line() -> None:
    text = markdown.render(seed_layer())
    assert (
        "- [ ] `bot/orchestration/builder.py:3` `from bot.orchestration.perps_bot import "
        "PerpsBot` (builder → perps_bot, import-time)"
    ) in text


def test_clean_layer_says_so() -> None:
    clean = AnalysisBuilder().imports("a", "b").build()
    text = markdown.render(clean)
    assert "**Gate: ✅ passed**" in text
    assert "No import cycles. ✅" in text
    assert "### Modules >300 lines\n\nNone. ✅" in text


def test_long_lists_are_capped_with_a_count() -> None:
    builder = AnalysisBuilder()
    for n in range(markdown.MAX_ROWS + 5):
        builder.module(f"big{n:03}", 400)
    text = markdown.render(builder.build())
    assert "… and 5 more." in text


def test_table_cells_escape_pipes() -> None:
    builder = AnalysisBuilder().imports("a", "b")
    builder.shim("s", "x|y", "a")
    assert "`x\\|y`" in markdown.render(builder.build())
