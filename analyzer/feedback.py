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
    if len(nodes) <= EXACT_LIMIT:
        order = _exact_order(graph, nodes)
        exact = True
    else:
        order = _sift(graph, _greedy_order(graph, nodes))
        exact = False
    cut = _backward_edges(graph, order)
    if not exact:
        cut = _prune(graph, cut)
    return sorted(cut), exact


def _backward_edges(graph: Digraph, order: list[str]) -> list[tuple[str, str]]:
    position = {node: i for i, node in enumerate(order)}
    return [
        (node, succ) for node in order for succ in graph[node] if position[succ] <= position[node]
    ]


def _exact_order(graph: Digraph, nodes: list[str]) -> list[str]:
    """The ordering with the least backward weight, by DP over subsets placed first."""
    n = len(nodes)
    bit = {node: 1 << i for i, node in enumerate(nodes)}
    # back[v][S]: weight of edges from v to members of S (backward if v comes after S).
    back: list[list[int]] = []
    for node in nodes:
        row = [0]
        for target in nodes:
            weight = graph[node].get(target, 0)
            row = row + [value + weight for value in row]
        back.append(row)
    full = (1 << n) - 1
    best = [0] + [-1] * full
    choice = [0] * (full + 1)
    for placed in range(full):
        cost = best[placed]
        if cost < 0:
            continue
        for i in range(n):
            mask = 1 << i
            if placed & mask:
                continue
            following = placed | mask
            candidate = cost + back[i][placed]
            if best[following] < 0 or candidate < best[following]:
                best[following] = candidate
                choice[following] = i
    order: list[str] = []
    state = full
    while state:
        i = choice[state]
        order.append(nodes[i])
        state &= ~bit[nodes[i]]
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
    """Move each node to the position that most lowers the backward weight, until stable."""
    weight = {(a, b): w for a in graph for b, w in graph[a].items() if a != b}
    for _ in range(_SIFT_PASSES):
        improved = False
        for node in list(order):
            i = order.index(node)
            rest = order[:i] + order[i + 1 :]
            # Cost of node at slot k: edges node->u for u before k, u->node for u at/after k.
            cost = sum(weight.get((u, node), 0) for u in rest)
            best_cost, best_slot = cost, 0
            for k, u in enumerate(rest, 1):
                cost += weight.get((node, u), 0) - weight.get((u, node), 0)
                if cost < best_cost:
                    best_cost, best_slot = cost, k
            current = sum(weight.get((node, u), 0) for u in rest[:i]) + sum(
                weight.get((u, node), 0) for u in rest[i:]
            )
            if best_cost < current:
                rest.insert(best_slot, node)
                order = rest
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
