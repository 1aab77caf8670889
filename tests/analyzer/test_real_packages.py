"""The cycle figures on real code bases, checked against networkx on the same edges."""

from __future__ import annotations

import importlib.util
import itertools
from pathlib import Path

import networkx as nx
import pytest

from analyzer.adapters.grimp_source import GrimpSource
from analyzer.analyse import analyse
from analyzer.config import GateConfig, Target
from analyzer.model import Analysis


def _analyse_installed(package: str, tmp_path: Path) -> Analysis:
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        pytest.skip(f"{package} is not installed (pip install -e '.[dev]')")
    root = Path(spec.origin).parent.parent
    target = Target(
        name=package, package=package, root=root, gates=GateConfig(), cache_dir=tmp_path
    )
    return analyse(target, source=GrimpSource(root, cache_dir=tmp_path))


def _check(analysis: Analysis) -> None:
    graph = nx.DiGraph([(e.importer, e.imported) for e in analysis.imports])
    expected = {tuple(sorted(c)) for c in nx.strongly_connected_components(graph) if len(c) > 1}
    assert {cycle.modules for cycle in analysis.cycles} == expected
    for cycle in analysis.cycles:
        cut = {(c.importer, c.imported) for c in cycle.cuts}
        inner = graph.subgraph(cycle.modules).copy()
        inner.remove_edges_from(cut)
        assert nx.is_directed_acyclic_graph(inner), cycle.modules[:3]
        for c in cycle.cuts:  # each cut's witness is a real cycle through it
            ring = [*c.witness, c.witness[0]]
            assert ring[0] == c.importer
            assert ring[1] == c.imported
            assert all(graph.has_edge(a, b) for a, b in itertools.pairwise(ring))
    assert analysis.summary.circular_dependencies == sum(len(c.cuts) for c in analysis.cycles)


@pytest.mark.parametrize("package", ["django", "sympy"])
def test_cycles_match_networkx_and_cuts_break_them(package: str, tmp_path: Path) -> None:
    analysis = _analyse_installed(package, tmp_path)
    assert analysis.cycles
    _check(analysis)


def test_django_package_level_cuts(tmp_path: Path) -> None:
    analysis = _analyse_installed("django", tmp_path)
    # grimp's nominate_cycle_breakers needs 209 module imports here.
    assert analysis.summary.package_circular_dependencies <= 116
    assert all(cycle.exact for cycle in analysis.package_cycles)


def test_warm_cache_gives_the_same_analysis(tmp_path: Path) -> None:
    cold = _analyse_installed("django", tmp_path)
    warm = _analyse_installed("django", tmp_path)
    assert warm == cold
