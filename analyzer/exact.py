"""The exact minimum-weight feedback arc set of a small component, as the ordering whose
backward edges weigh least.

A search bounded by the 2-cycles still to cut usually proves the heuristic's ordering optimal
at once; where the bound prunes too little, dynamic programming over every subset of the nodes
finishes the job.
"""

from __future__ import annotations

from analyzer.graph import Digraph

__all__ = ["exact_order"]


def exact_order(graph: Digraph, nodes: list[str], *, upper_bound: int) -> list[str] | None:
    """The ordering with the least backward weight, or None when `upper_bound` is optimal.

    A bounded search settles most components at once: the ordering found by the heuristic is
    usually optimal, and a lower bound proves it. Where the bound is too weak to prune, dynamic
    programming over every subset of the nodes finishes the job.
    """
    tables = _Tables(graph, nodes)
    bound = upper_bound - tables.self_loops
    try:
        order = _bounded_search(tables, bound, budget=_search_budget(len(nodes)))
    except _OverBudgetError:
        order = _subset_dp(tables, bound)
    return None if order is None else [nodes[i] for i in order]


def _search_budget(size: int) -> int:
    """Sets the bounded search may keep before the dynamic program, which visits all 2**size
    sets at a lower cost per set, is cheaper."""
    return 1 << max(0, size - 3)


class _Tables:
    """Per-node sums over sets of nodes, each split into two tables over the low and the high
    bits of the set: 2 x 256 entries for 16 nodes instead of 65,536.

    `out[i]` sums the weights of the edges from node i into a set, `into[i]` those from a set
    into node i, and `pairs[i]` the lighter direction of each pair i <-> j over the nodes j of
    a set. Self-loops are left out: every ordering cuts them.
    """

    def __init__(self, graph: Digraph, nodes: list[str]) -> None:
        n = len(nodes)
        weight = [[graph[a].get(b, 0) if a != b else 0 for b in nodes] for a in nodes]
        self.size = n
        self.half = (n + 1) // 2
        self.low_mask = (1 << self.half) - 1
        self.self_loops = sum(graph[a].get(a, 0) for a in nodes)
        self.out = [self._split(weight[i]) for i in range(n)]
        self.into = [self._split([weight[j][i] for j in range(n)]) for i in range(n)]
        self.pairs = [
            self._split([min(weight[i][j], weight[j][i]) for j in range(n)]) for i in range(n)
        ]
        self.all_pairs = sum(
            min(weight[i][j], weight[j][i]) for i in range(n) for j in range(i + 1, n)
        )

    def _split(self, values: list[int]) -> tuple[list[int], list[int]]:
        low, high = [0], [0]
        for position, value in enumerate(values):
            table = low if position < self.half else high
            table.extend([total + value for total in table])
        return low, high


class _OverBudgetError(Exception):
    """The lower bound prunes too little for the bounded search to pay off."""


def _bounded_search(tables: _Tables, bound: int, *, budget: int) -> list[int] | None:
    """Best-first over the sets T of nodes placed first, pruned by a lower bound.

    Once T is placed first, every edge from the rest R into T is backward whatever follows,
    so committed(T) = backward weight inside T + weight of R -> T. Every cycle i -> j -> i
    inside R still costs its lighter edge, and these 2-cycles share no edge, so their sum
    bounds the rest from below. A set whose committed weight plus that bound reaches `bound`
    cannot lead to a better ordering. Returns node indices in order, or None when nothing beats
    `bound`; raises `_OverBudgetError` when more than `budget` sets survive.
    """
    full = (1 << tables.size) - 1
    low_mask, half = tables.low_mask, tables.half
    layer = {0: (0, tables.all_pairs)}
    last_placed: dict[int, int] = {}
    for _ in range(tables.size):
        following: dict[int, tuple[int, int]] = {}
        for placed, (committed, pairs_left) in layer.items():
            rest = full ^ placed
            candidates = rest
            while candidates:
                bit = candidates & -candidates
                candidates ^= bit
                i = bit.bit_length() - 1
                after = rest ^ bit
                into_low, into_high = tables.into[i]
                pairs_low, pairs_high = tables.pairs[i]
                total = committed + into_low[after & low_mask] + into_high[after >> half]
                left = pairs_left - pairs_low[after & low_mask] - pairs_high[after >> half]
                if total + left >= bound:
                    continue
                known = following.get(placed | bit)
                if known is None or total < known[0]:
                    following[placed | bit] = (total, left)
                    last_placed[placed | bit] = i
        if not following:
            return None
        if len(last_placed) > budget:
            raise _OverBudgetError
        layer = following
    order = []
    placed = full
    while placed:
        order.append(last_placed[placed])
        placed ^= 1 << order[-1]
    return order[::-1]


def _subset_dp(tables: _Tables, bound: int) -> list[int] | None:
    """The cheapest ordering by dynamic programming over all subsets, or None if none beats
    `bound`: best[T] = min over i in T of best[T - i] + weight(i -> T - i), one layer per set
    size, each computed with one list comprehension per node."""
    n = tables.size
    full = (1 << n) - 1
    low_mask, half = tables.low_mask, tables.half
    best = [0] * (full + 1)
    layers: list[list[int]] = [[] for _ in range(n + 1)]
    for state in range(1, full + 1):
        layers[state.bit_count()].append(state)
    infinity = bound + 1
    for layer in layers[1:]:
        columns = []
        for i in range(n):
            bit, (low, high) = 1 << i, tables.out[i]
            columns.append(
                [
                    best[u] + low[u & low_mask] + high[u >> half]
                    if (u := t ^ bit) < t
                    else infinity
                    for t in layer
                ]
            )
        for state, value in zip(layer, map(min, *columns) if n > 1 else columns[0], strict=True):
            best[state] = value
    if best[full] >= bound:
        return None
    order: list[int] = []
    state = full
    while state:
        i = next(
            i
            for i in range(n)
            if state >> i & 1
            and best[state ^ (1 << i)]
            + tables.out[i][0][(state ^ (1 << i)) & low_mask]
            + tables.out[i][1][(state ^ (1 << i)) >> half]
            == best[state]
        )
        order.append(i)
        state ^= 1 << i
    return order[::-1]
