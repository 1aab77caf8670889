from __future__ import annotations

import itertools
import random

import pytest

from analyzer.feedback import feedback_arc_set
from analyzer.graph import strongly_connected_components


def _strongly_connected(seed: int, nodes: int, extra: int) -> dict[str, dict[str, int]]:
    rng = random.Random(seed)
    names = [f"n{i:02d}" for i in range(nodes)]
    graph: dict[str, dict[str, int]] = {n: {} for n in names}
    for a, b in itertools.pairwise([*names, names[0]]):
        graph[a][b] = rng.randint(1, 4)
    for _ in range(extra):
        a, b = rng.sample(names, 2)
        graph[a][b] = rng.randint(1, 4)
    return graph


def _without(
    graph: dict[str, dict[str, int]], cut: list[tuple[str, str]]
) -> dict[str, dict[str, int]]:
    return {a: {b: w for b, w in succ.items() if (a, b) not in cut} for a, succ in graph.items()}


def _brute_force_minimum(graph: dict[str, dict[str, int]]) -> int:
    best = None
    for order in itertools.permutations(sorted(graph)):
        position = {n: i for i, n in enumerate(order)}
        cost = sum(w for a in graph for b, w in graph[a].items() if position[b] <= position[a])
        best = cost if best is None else min(best, cost)
    assert best is not None
    return best


@pytest.mark.parametrize("seed", range(20))
def test_exact_cut_is_minimum_weight(seed: int) -> None:
    graph = _strongly_connected(seed, nodes=6, extra=8)
    cut, exact = feedback_arc_set(graph)
    assert exact
    assert not strongly_connected_components(_without(graph, cut))
    assert sum(graph[a][b] for a, b in cut) == _brute_force_minimum(graph)


@pytest.mark.parametrize("seed", range(10))
def test_heuristic_cut_leaves_no_cycle_and_is_minimal(seed: int) -> None:
    graph = _strongly_connected(seed, nodes=40, extra=80)
    cut, exact = feedback_arc_set(graph)
    assert not exact
    assert not strongly_connected_components(_without(graph, cut))
    for edge in cut:  # minimal: putting any single cut edge back closes a cycle
        rest = [e for e in cut if e != edge]
        assert strongly_connected_components(_without(graph, rest))


def test_self_loop_is_cut() -> None:
    cut, _ = feedback_arc_set({"a": {"a": 1, "b": 1}, "b": {"a": 1}})
    assert ("a", "a") in cut
