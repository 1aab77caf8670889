from __future__ import annotations

import itertools
import random

import pytest

from analyzer.exact import _bounded_search, _OverBudgetError, _subset_dp, _Tables
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


@pytest.mark.parametrize("seed", range(12))
def test_bounded_search_and_subset_dp_agree(seed: int) -> None:
    graph = _strongly_connected(seed, nodes=11, extra=30)
    nodes = sorted(graph)
    tables = _Tables(graph, nodes)
    worst = sum(w for succ in graph.values() for w in succ.values()) + 1
    searched = _bounded_search(tables, worst - tables.self_loops, budget=1 << 11)
    programmed = _subset_dp(tables, worst - tables.self_loops)
    assert searched is not None
    assert programmed is not None
    cost = _order_cost(graph, [nodes[i] for i in searched])
    assert cost == _order_cost(graph, [nodes[i] for i in programmed])
    # Nothing beats the optimum, and both agree on that too.
    assert _bounded_search(tables, cost - tables.self_loops, budget=1 << 11) is None
    assert _subset_dp(tables, cost - tables.self_loops) is None


def test_bounded_search_gives_up_over_its_budget() -> None:
    graph = _strongly_connected(3, nodes=10, extra=40)
    tables = _Tables(graph, sorted(graph))
    with pytest.raises(_OverBudgetError):
        _bounded_search(tables, 10**9, budget=4)


@pytest.mark.parametrize("seed", range(6))
def test_exact_cut_is_minimum_weight_on_eight_nodes(seed: int) -> None:
    graph = _strongly_connected(100 + seed, nodes=8, extra=20)
    cut, exact = feedback_arc_set(graph)
    assert exact
    assert sum(graph[a][b] for a, b in cut) == _brute_force_minimum(graph)


def _order_cost(graph: dict[str, dict[str, int]], order: list[str]) -> int:
    position = {n: i for i, n in enumerate(order)}
    return sum(w for a in graph for b, w in graph[a].items() if position[b] <= position[a])
