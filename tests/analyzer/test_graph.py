from __future__ import annotations

import random

import networkx as nx
import pytest

from analyzer.graph import shortest_cycle, strongly_connected_components


def _random_graph(seed: int, nodes: int, edges: int) -> dict[str, dict[str, int]]:
    rng = random.Random(seed)
    names = [f"m{i:02d}" for i in range(nodes)]
    graph: dict[str, dict[str, int]] = {n: {} for n in names}
    for _ in range(edges):
        a, b = rng.sample(names, 2)
        graph[a][b] = rng.randint(1, 3)
    return graph


@pytest.mark.parametrize("seed", range(25))
def test_components_match_networkx(seed: int) -> None:
    graph = _random_graph(seed, nodes=30, edges=45)
    expected = nx.DiGraph([(a, b) for a in graph for b in graph[a]])
    expected.add_nodes_from(graph)
    theirs = {tuple(sorted(c)) for c in nx.strongly_connected_components(expected) if len(c) > 1}
    assert set(strongly_connected_components(graph)) == theirs


def test_components_are_sorted_largest_first() -> None:
    graph = {"a": {"b": 1}, "b": {"a": 1}, "c": {"d": 1}, "d": {"e": 1}, "e": {"c": 1}}
    assert strongly_connected_components(graph) == [("c", "d", "e"), ("a", "b")]


def test_shortest_cycle_prefers_the_mutual_pair() -> None:
    graph = {"a": {"b": 1}, "b": {"c": 1, "a": 1}, "c": {"a": 1}}
    assert shortest_cycle(graph) == ("a", "b")


def test_shortest_cycle_through_an_edge() -> None:
    graph = {"a": {"b": 1}, "b": {"c": 1}, "c": {"a": 1, "b": 1}}
    assert shortest_cycle(graph, through=("a", "b")) == ("a", "b", "c")
    assert shortest_cycle(graph, through=("c", "b")) == ("c", "b")


@pytest.mark.parametrize("seed", range(10))
def test_shortest_cycle_length_matches_networkx(seed: int) -> None:
    graph = _random_graph(seed, nodes=20, edges=40)
    for component in strongly_connected_components(graph):
        inner = {n: {m: w for m, w in graph[n].items() if m in component} for n in component}
        nxg = nx.DiGraph([(a, b) for a in inner for b in inner[a]])
        expected = min(len(nx.find_cycle(nxg, source=n)) for n in component)
        ours = shortest_cycle(inner)
        assert len(ours) <= expected
        assert all(ours[(i + 1) % len(ours)] in inner[n] for i, n in enumerate(ours))
