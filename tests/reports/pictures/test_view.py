from __future__ import annotations

from analyzer.model import ImportKind
from reports.pictures.view import GraphView, strongly_connected
from tests.fakes.analyses import AnalysisBuilder, seed_layer


def test_module_view_has_every_module_and_marks_cycles_and_cuts() -> None:
    view = GraphView.of(seed_layer())
    assert [(n.label, n.cycle) for n in view.nodes] == [
        ("builder", 1),
        ("configuration", 2),
        ("core.protocol", None),
        ("perps_bot", 1),
        ("symbols", 2),
        ("system_monitor", 1),
    ]
    cuts = [
        (e.importer.rpartition(".")[2], e.imported.rpartition(".")[2]) for e in view.edges if e.cut
    ]
    # The gate's cut, as the text report heads it: the typing-only cycle is not gated.
    assert cuts == [("builder", "perps_bot")]


def test_collapse_merges_modules_into_packages_and_weights_edges() -> None:
    builder = AnalysisBuilder(package="app")
    builder.imports("app.api.views", "app.core.models", line=1)
    builder.imports("app.api.urls", "app.core.models", line=2)
    builder.imports("app.api.urls", "app.core.db", line=3)
    builder.imports("app.core.db", "app.api.hooks", line=4, kind=ImportKind.DEFERRED)
    view = GraphView.of(builder.build(), collapse=1)
    assert [(n.name, n.modules, n.cycle) for n in view.nodes] == [
        ("app.api", 3, 1),
        ("app.core", 2, 1),
    ]
    assert [(e.importer, e.imported, e.weight, e.kind) for e in view.edges] == [
        ("app.api", "app.core", 3, ImportKind.IMPORT_TIME),
        ("app.core", "app.api", 1, ImportKind.DEFERRED),
    ]


def test_cycles_only_keeps_the_cyclic_part() -> None:
    view = GraphView.of(seed_layer(), cycles_only=True)
    assert "core.protocol" not in [n.label for n in view.nodes]
    assert all(e.cycle is not None for e in view.edges)
    assert len(view.edges) == 6


def test_strongly_connected_matches_a_hand_computation() -> None:
    edges = [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d"), ("d", "e"), ("e", "d"), ("f", "a")]
    assert strongly_connected(list("abcdef"), edges) == [("a", "b", "c"), ("d", "e")]
