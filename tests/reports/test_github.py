from __future__ import annotations

from analyzer.model import Analysis
from reports import github
from tests.fakes.analyses import AnalysisBuilder, seed_layer
from tests.reports.golden import assert_golden


def test_seed_layer_annotations_match_golden() -> None:
    assert_golden("seed_layer.github.txt", github.render(seed_layer()))


def test_an_import_to_cut_is_an_error_at_its_line() -> None:
    first = github.render(seed_layer()).splitlines()[0]
    assert first == (
        "::error file=bot/orchestration/builder.py,line=3,"
        "title=import-cycle%3A bot.orchestration.builder -> bot.orchestration.perps_bot::"
        "Cut `from bot.orchestration.perps_bot import PerpsBot` (import-time import) to pass the "
        "gate: it closes the cycle bot.orchestration.builder -> bot.orchestration.perps_bot -> "
        "bot.orchestration.builder (import-time component of 3 modules)."
    )


def test_failed_gates_and_headline_figures_close_the_output() -> None:
    lines = github.render(seed_layer()).splitlines()
    assert lines[-3:] == [
        "::error title=unknot gate max-cycles.import-time::"
        "1 import-time cycle(s), at most 0 allowed (limit 0, actual 1)",
        "::error title=unknot gate max-module-lines::2 module(s) over 300 lines "
        "(limit 300, actual 485)",
        "::notice title=unknot orchestration::Modules: 6; Lines: 1,269; "
        "Circular Dependencies (imports to cut to pass the gate): 1; all kinds: 3; "
        "Modules >300 lines: 2",
    ]


def test_escaping_keeps_one_command_per_line() -> None:
    assert github.escape_data("50%\nnext\r") == "50%25%0Anext%0D"
    assert github.escape_property("a:b,c") == "a%3Ab%2Cc"


def test_root_prefixes_paths_so_github_finds_the_file() -> None:
    builder = AnalysisBuilder(root="src").imports("a", "b").imports("b", "a", line=7)
    analysis: Analysis = builder.build()
    assert "::error file=src/bot/orchestration/a.py,line=1," in github.render(analysis)
