"""Which imports to cut: a small weighted feedback arc set of a strongly connected component.

Removing a feedback arc set leaves a component acyclic. Every component first gets a greedy
ordering (Eades, Lin & Smyth) improved by moving single nodes to their best position; the
backward edges of an ordering are its cut. Small components (up to 16 nodes) are then solved
exactly: a search bounded by the 2-cycles still to cut proves that ordering optimal or finds a
better one, with dynamic programming over all subsets where the bound prunes too little
(`analyzer.exact`). Larger components keep the heuristic cut, pruned to a minimal set.
"""

from __future__ import annotations

import heapq

from analyzer.exact import exact_order
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
        order = exact_order(graph, nodes, upper_bound=_cost(graph, order)) or order
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
