from __future__ import annotations

from reports.pictures import mermaid
from reports.pictures.view import GraphView
from tests.fakes.analyses import seed_layer
from tests.reports.golden import assert_golden


def test_seed_layer_matches_golden() -> None:
    assert_golden("seed_layer.mmd", mermaid.render(GraphView.of(seed_layer())))


def test_cycles_are_subgraphs_and_cuts_are_red_links() -> None:
    text = mermaid.render(GraphView.of(seed_layer()))
    assert '    subgraph c1["cycle 1: 3 modules"]\n        n0["builder<br/>210 lines"]' in text
    assert '    n0 -->|"cut"| n3\n' in text
    assert '    n4 -.->|"typing"| n1\n' in text
    assert "    n5 -.-> n3\n" in text
    # Only the gate's cut is red: the typing-only cycle of configuration and symbols passes.
    assert "    n1 --> n4\n" in text
    assert text.endswith("    linkStyle 1 stroke:#c0392b,stroke-width:3px\n")


def test_quotes_in_names_cannot_break_the_chart() -> None:
    view = GraphView.of(seed_layer())
    assert '"' not in mermaid._text('a"b')
    assert mermaid.render(view).count("subgraph") == 2


def test_a_chart_too_big_for_github_says_how_to_shrink_it() -> None:
    from tests.fakes.analyses import AnalysisBuilder

    builder = AnalysisBuilder(package="big")
    for n in range(mermaid.GITHUB_MAX_EDGES + 1):
        builder.imports(f"big.a{n:03}", f"big.b{n:03}")
    text = mermaid.render(GraphView.of(builder.build()))
    assert (
        "%% 501 links: Mermaid draws at most 500 by default; draw packages with --collapse 1"
        in text
    )
    assert "%%" not in mermaid.render(GraphView.of(seed_layer()))
