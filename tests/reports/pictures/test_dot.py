from __future__ import annotations

from reports.pictures import dot
from reports.pictures.view import GraphView
from tests.fakes.analyses import AnalysisBuilder, seed_layer
from tests.reports.golden import assert_golden


def test_seed_layer_matches_golden() -> None:
    assert_golden("seed_layer.dot", dot.render(GraphView.of(seed_layer())))


def test_cut_edges_are_thick_and_red_and_kinds_have_styles() -> None:
    text = dot.render(GraphView.of(seed_layer()))
    assert (
        '"bot.orchestration.builder" -> "bot.orchestration.perps_bot" [style=solid, '
        'color="#c0392b", penwidth=3, xlabel="cut", fontcolor="#c0392b"];'
    ) in text
    assert '"bot.orchestration.symbols" -> "bot.orchestration.configuration" [style=dotted' in text
    assert (
        '"bot.orchestration.system_monitor" -> "bot.orchestration.perps_bot" [style=dashed' in text
    )
    assert "subgraph cluster_cycle_1 {" in text


def test_quote_escapes() -> None:
    assert dot.quote('a"b\\c\nd') == '"a\\"b\\\\c\\nd"'


def test_large_views_get_compact_settings() -> None:
    builder = AnalysisBuilder(package="big")
    for n in range(dot.LARGE + 1):
        builder.imports(f"big.m{n:03}", f"big.m{n + 1:03}")
    builder.imports("big.m001", "big.m000")  # a small cycle, which would be a cluster
    large = dot.render(GraphView.of(builder.build()))
    assert "splines=line, nslimit=1, mclimit=0.3" in large
    assert "subgraph cluster" not in large
    assert "splines=line" not in dot.render(GraphView.of(seed_layer()))
