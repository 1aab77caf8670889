"""Which imports to cut: a small weighted feedback arc set of a strongly connected component.

Removing a feedback arc set leaves a component acyclic. Small components (up to 16 nodes)
are solved exactly by dynamic programming over subsets (the cheapest ordering of the nodes,
where the backward edges are the cut); larger ones by a greedy ordering (Eades, Lin & Smyth)
improved by moving single nodes to their best position, then pruned to a minimal set.
"""

from __future__ import annotations

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

    Dynamic programming over the sets of nodes placed first, one layer per set size:
    best[T] = min over i in T of best[T - i] + (weight of edges from i back into T - i).
    Each layer is computed with list comprehensions, one per node, which keeps 16 nodes
    (65,536 sets) fast in pure Python.
    """
    n = len(nodes)
    full = (1 << n) - 1
    # back[i][S], the weight of the edges from node i into the set S, is split into two
    # tables over the low and the high bits of S: 2 x 256 entries instead of 65,536.
    half = (n + 1) // 2
    low_mask = (1 << half) - 1
    low_tables, high_tables = [], []
    for a in nodes:
        low, high = [0], [0]
        for position, b in enumerate(nodes):
            weight = graph[a].get(b, 0)
            table = low if position < half else high
            table.extend([value + weight for value in table])
        low_tables.append(low)
        high_tables.append(high)
    self_loops = sum(graph[a].get(a, 0) for a in nodes)
    best = [0] * (full + 1)
    layers: list[list[int]] = [[] for _ in range(n + 1)]
    for state in range(1, full + 1):
        layers[state.bit_count()].append(state)
    infinity = upper_bound + self_loops + 1
    for layer in layers[1:]:
        columns = []
        for i in range(n):
            bit, low, high = 1 << i, low_tables[i], high_tables[i]
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
    if best[full] + self_loops > upper_bound:
        return None
    order: list[str] = []
    state = full
    while state:
        i = next(
            i
            for i in range(n)
            if state >> i & 1
            and best[state ^ (1 << i)]
            + low_tables[i][(state ^ (1 << i)) & low_mask]
            + high_tables[i][(state ^ (1 << i)) >> half]
            == best[state]
        )
        order.append(nodes[i])
        state ^= 1 << i
    return order[::-1]


def _greedy_order(graph: Digraph, nodes: list[str]) -> list[str]:
    """Eades-Lin-Smyth: peel sinks to the end, sources to the front, else the most 'source-like'."""
    succ = {n: dict(graph[n]) for n in nodes}
    pred: dict[str, dict[str, int]] = {n: {} for n in nodes}
    for n in nodes:
        for m, w in graph[n].items():
            pred[m][n] = w
    for n in nodes:  # self-loops are always cut; they do not guide the order
        succ[n].pop(n, None)
        pred[n].pop(n, None)
    remaining = set(nodes)
    front: list[str] = []
    back: list[str] = []

    def remove(node: str) -> None:
        remaining.discard(node)
        for m in succ.pop(node):
            pred[m].pop(node, None)
        for m in pred.pop(node):
            succ[m].pop(node, None)

    while remaining:
        changed = True
        while changed:
            changed = False
            for node in sorted(n for n in remaining if not succ[n]):
                back.append(node)
                remove(node)
                changed = True
            for node in sorted(n for n in remaining if not pred[n]):
                front.append(node)
                remove(node)
                changed = True
        if remaining:
            node = max(
                sorted(remaining),
                key=lambda n: sum(succ[n].values()) - sum(pred[n].values()),
            )
            front.append(node)
            remove(node)
    return front + back[::-1]


def _sift(graph: Digraph, order: list[str]) -> list[str]:
    """Move each node to the slot that most lowers the backward weight, until stable.

    Taking node v out of the order, the cost of slot k is the weight of its predecessors at or
    after k plus its successors before k; it only changes at v's neighbours, so each node
    costs O(degree log degree) rather than O(nodes).
    """
    succ = {n: {m: w for m, w in graph[n].items() if m != n} for n in graph}
    pred: dict[str, dict[str, int]] = {n: {} for n in graph}
    for n, targets in succ.items():
        for m, w in targets.items():
            pred[m][n] = w
    for _ in range(_SIFT_PASSES):
        improved = False
        for node in list(order):
            position = {n: i for i, n in enumerate(order)}
            here = position.pop(node)
            events = sorted(
                [(position[m] - (position[m] > here), w) for m, w in succ[node].items()]
                + [(position[m] - (position[m] > here), -w) for m, w in pred[node].items()]
            )
            cost = sum(pred[node].values())
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
            if best_cost < current:
                order.remove(node)
                order.insert(best_slot, node)
                improved = True
        if not improved:
            break
    return order


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
