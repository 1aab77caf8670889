"""A small weighted digraph and the graph algorithms the analysis needs.

Pure Python on purpose: networkx costs ~0.1 s just to import, more than the whole scan of a
warm cache; the test suite checks these results against networkx.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping, Sequence

__all__ = [
    "Digraph",
    "cycles_through",
    "reachable",
    "shortest_cycle",
    "strongly_connected_components",
    "subgraph",
]

Digraph = Mapping[str, Mapping[str, int]]
"""Successors of each node with the weight of the edge; every node is a key."""


def subgraph(graph: Digraph, nodes: Iterable[str]) -> dict[str, dict[str, int]]:
    keep = set(nodes)
    return {n: {m: w for m, w in graph[n].items() if m in keep} for n in sorted(keep)}


def strongly_connected_components(graph: Digraph) -> list[tuple[str, ...]]:
    """Components with more than one node (or a self-loop), each sorted, largest first."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[tuple[str, ...]] = []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, successors = work[-1]
            advanced = False
            for succ in successors:
                if succ not in index:
                    index[succ] = low[succ] = counter
                    counter += 1
                    stack.append(succ)
                    on_stack.add(succ)
                    work.append((succ, iter(sorted(graph[succ]))))
                    advanced = True
                    break
                if succ in on_stack:
                    low[node] = min(low[node], index[succ])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1 or node in graph[node]:
                    found.append(tuple(sorted(component)))
    return sorted(found, key=lambda c: (-len(c), c))


def shortest_path(
    graph: Digraph,
    source: str,
    target: str,
    *,
    ordered: Mapping[str, Sequence[str]] | None = None,
) -> list[str] | None:
    """Fewest-edge path from source to target (both included), ties broken by name;
    `ordered` is each node's successors sorted, when known."""
    parents: dict[str, str | None] = {source: None}
    queue = deque([source])
    while queue:
        node = queue.popleft()
        for succ in ordered[node] if ordered is not None else sorted(graph[node]):
            if succ in parents:
                continue
            parents[succ] = node
            if succ == target:
                path = [succ]
                while parents[path[-1]] is not None:
                    path.append(parents[path[-1]])  # type: ignore[arg-type]
                return path[::-1]
            queue.append(succ)
    return None


def shortest_cycle(graph: Digraph, *, through: tuple[str, str] | None = None) -> tuple[str, ...]:
    """A shortest cycle, as its nodes in order (the first is not repeated at the end).

    With `through=(a, b)`, the shortest cycle that uses the edge a -> b.
    """
    if through is not None:
        return cycles_through(graph, [through])[0]
    best: tuple[str, ...] = ()
    for node in sorted(graph):
        if node in graph[node]:
            return (node,)
        found = _cycle_back_to(graph, node, limit=len(best) - 1 if best else len(graph))
        if found and (not best or len(found) < len(best)):
            best = found
            if len(best) == 2:
                break
    return _rotate(best)


def cycles_through(graph: Digraph, edges: Sequence[tuple[str, str]]) -> list[tuple[str, ...]]:
    """For each edge a -> b, the shortest cycle that uses it (as `shortest_cycle(graph,
    through=(a, b))`), the successors sorted once for all of them."""
    ordered: dict[str, list[str]] = {}
    found: list[tuple[str, ...]] = []
    for importer, imported in edges:
        if importer == imported:
            found.append((importer,))
            continue
        if not ordered:
            ordered = {node: sorted(succ) for node, succ in graph.items()}
        back = shortest_path(graph, imported, importer, ordered=ordered)
        found.append((importer, *back[:-1]) if back else ())
    return found


def _cycle_back_to(graph: Digraph, start: str, *, limit: int) -> tuple[str, ...]:
    """The shortest cycle through `start` with at most `limit` edges, or ()."""
    parents: dict[str, str] = {}
    frontier = [start]
    for _ in range(limit):
        following: list[str] = []
        for node in frontier:
            for succ in sorted(graph[node]):
                if succ == start:
                    path = [node]
                    while path[-1] != start:
                        path.append(parents[path[-1]])
                    return tuple(path[::-1])
                if succ not in parents:
                    parents[succ] = node
                    following.append(succ)
        if not following:
            return ()
        frontier = following
    return ()


def _rotate(cycle: tuple[str, ...]) -> tuple[str, ...]:
    if not cycle:
        return cycle
    start = cycle.index(min(cycle))
    return cycle[start:] + cycle[:start]


def reachable(graph: Digraph, source: str, target: str) -> bool:
    """Whether a path leads from source to target: a depth-first walk in any order, cheaper
    than a shortest path, which visits successors by name."""
    if source == target:
        return True
    seen = {source}
    stack = [source]
    while stack:
        for succ in graph[stack.pop()]:
            if succ == target:
                return True
            if succ not in seen:
                seen.add(succ)
                stack.append(succ)
    return False
