"""Which imports to cut: a small weighted feedback arc set of a strongly connected component.

Removing a feedback arc set leaves a component acyclic. Every component first gets a greedy
ordering (Eades, Lin & Smyth) improved by moving single nodes to their best position; the
backward edges of an ordering are its cut. Small components (up to 16 nodes) are then solved
exactly: a search bounded by the 2-cycles still to cut proves that ordering optimal or finds a
better one, with dynamic programming over all subsets where the bound prunes too little.
Larger components keep the heuristic cut, pruned to a minimal set.
"""

from __future__ import annotations

import heapq

from analyzer.graph import Digraph, reachable

__all__ = ["EXACT_LIMIT", "feedback_arc_set"]

EXACT_LIMIT = 16
_SIFT_PASSES = 6


def feedback_arc_set(graph: Digraph) -> tuple[list[tuple[str, str]], bool]:
    """Edges to remove so that `graph` has no cycle, and whether the set is minimum-weight."""
    nodes = sorted(graph)
    order = _sift(graph, _greedy_order(graph, nodes))
    exact = len(nodes) <= EXACT_LIMIT
    if exact:
        order = _exact_order(graph, nodes, upper_bound=_cost(graph, order)) or order
    cut = _backward_edges(graph, order)
    if not exact:
        cut = _prune(graph, cut)
    return sorted(cut), exact


def _cost(graph: Digraph, order: list[str]) -> int:
    return sum(graph[a][b] for a, b in _backward_edges(graph, order))


def _backward_edges(graph: Digraph, order: list[str]) -> list[tuple[str, str]]:
    position = {node: i for i, node in enumerate(order)}
    return [
        (node, succ) for node in order for succ in graph[node] if position[succ] <= position[node]
    ]


def _exact_order(graph: Digraph, nodes: list[str], *, upper_bound: int) -> list[str] | None:
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


def _greedy_order(graph: Digraph, nodes: list[str]) -> list[str]:
    """Eades-Lin-Smyth: peel sinks to the end, sources to the front, else the most 'source-like'
    node (most weight out minus weight in, then the first name), kept in a heap."""
    succ = {n: {m: w for m, w in graph[n].items() if m != n} for n in nodes}
    pred: dict[str, dict[str, int]] = {n: {} for n in nodes}
    for n in nodes:  # self-loops are always cut; they do not guide the order
        for m, w in succ[n].items():
            pred[m][n] = w
    balance = {n: sum(succ[n].values()) - sum(pred[n].values()) for n in nodes}
    heap = [(-balance[n], n) for n in nodes]
    heapq.heapify(heap)
    sinks = {n for n in nodes if not succ[n]}
    sources = {n for n in nodes if not pred[n]} - sinks
    remaining = set(nodes)
    front: list[str] = []
    back: list[str] = []

    def remove(node: str) -> None:
        remaining.discard(node)
        sinks.discard(node)
        sources.discard(node)
        for m, w in succ.pop(node).items():
            del pred[m][node]
            balance[m] += w
            heapq.heappush(heap, (-balance[m], m))
            if not pred[m] and not succ[m]:
                sinks.add(m)
            elif not pred[m]:
                sources.add(m)
        for m, w in pred.pop(node).items():
            del succ[m][node]
            balance[m] -= w
            heapq.heappush(heap, (-balance[m], m))
            if not succ[m]:
                sinks.add(m)
                sources.discard(m)

    while remaining:
        while sinks or sources:
            for node in sorted(sinks):
                back.append(node)
                remove(node)
            for node in sorted(sources):
                front.append(node)
                remove(node)
        while heap and (heap[0][1] not in remaining or -heap[0][0] != balance[heap[0][1]]):
            heapq.heappop(heap)
        if heap:
            node = heapq.heappop(heap)[1]
            front.append(node)
            remove(node)
    return front + back[::-1]


def _sift(graph: Digraph, order: list[str]) -> list[str]:
    """Move each node to the slot that most lowers the backward weight, until stable.

    Taking node v out of the order, the cost of slot k is the weight of its predecessors at or
    after k plus its successors before k; it only changes at v's neighbours, so each node
    costs O(degree log degree) rather than O(nodes). It depends only on the order of v's
    neighbours around v: a node that found no better slot is looked at again only once it or
    a neighbour has moved (the same moves, without the passes over settled nodes).
    """
    succ = {n: {m: w for m, w in graph[n].items() if m != n} for n in graph}
    pred: dict[str, dict[str, int]] = {n: {} for n in graph}
    for n, targets in succ.items():
        for m, w in targets.items():
            pred[m][n] = w
    position = {n: i for i, n in enumerate(order)}
    unsettled = set(order)
    for _ in range(_SIFT_PASSES):
        improved = False
        for node in list(order):
            if node not in unsettled:
                continue
            unsettled.discard(node)
            here = position[node]
            best_slot = _best_slot(node, here, succ[node], pred[node], position)
            if best_slot is not None:
                order.pop(here)
                order.insert(best_slot, node)
                for i in range(min(here, best_slot), max(here, best_slot) + 1):
                    position[order[i]] = i
                unsettled.update(succ[node])
                unsettled.update(pred[node])
                improved = True
        if not improved:
            break
    return order


def _best_slot(
    node: str,
    here: int,
    succ: dict[str, int],
    pred: dict[str, int],
    position: dict[str, int],
) -> int | None:
    """The slot (in the order without `node`) that lowers its backward weight most, or None
    when its own slot `here` is already the best."""
    events = sorted(
        [(position[m] - (position[m] > here), w) for m, w in succ.items()]
        + [(position[m] - (position[m] > here), -w) for m, w in pred.items()]
    )
    cost = sum(pred.values())
    best_cost, best_slot = cost, 0
    current = cost if here == 0 else None
    for index, (slot, delta) in enumerate(events):
        if current is None and slot >= here:
            current = cost
        cost += delta
        last_at_slot = index + 1 == len(events) or events[index + 1][0] != slot
        if last_at_slot and cost < best_cost:
            best_cost, best_slot = cost, slot + 1
    if current is None:
        current = cost
    return best_slot if best_cost < current else None


def _prune(graph: Digraph, cut: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Put back every cut edge, heaviest first, that closes no cycle: the set becomes minimal."""
    removed = set(cut)
    kept = {a: {b: w for b, w in graph[a].items() if (a, b) not in removed} for a in graph}
    result: list[tuple[str, str]] = []
    for a, b in sorted(cut, key=lambda e: (-graph[e[0]][e[1]], e)):
        if a != b and not reachable(kept, b, a):
            kept[a][b] = graph[a][b]
        else:
            result.append((a, b))
    return result
