"""Import cycles: strongly connected components, their kind, a witness and the imports to cut."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence

from analyzer.feedback import feedback_arc_set
from analyzer.graph import shortest_cycle, strongly_connected_components, subgraph
from analyzer.model import Cut, Cycle, Edge, ImportKind, MutualPair
from analyzer.ports import CutStore, SolvedComponent

__all__ = ["find_cycles", "mutual_pairs", "weighted_graph"]

_KINDS_BY_STRENGTH = sorted(ImportKind, key=lambda kind: -kind.strength)


def weighted_graph(
    nodes: Sequence[str],
    edges: Sequence[Edge],
    *,
    weights: Mapping[tuple[str, str], int] | None = None,
) -> dict[str, dict[str, int]]:
    """Successors with weights: the number of statements, unless `weights` says otherwise.

    Weights are scaled so that, between cuts of equal size, the one through the weaker imports
    (typing-only, then deferred) wins: those are the easiest to remove.
    """
    graph: dict[str, dict[str, int]] = {node: {} for node in nodes}
    for edge in edges:
        key = (edge.importer, edge.imported)
        base = weights[key] if weights else edge.weight
        graph[edge.importer][edge.imported] = base * _TIE_SCALE + edge.kind.strength
    return graph


# Larger than the sum of the tie-breakers of any cut (at most 3 per edge).
_TIE_SCALE = 1 << 20


def find_cycles(
    nodes: Sequence[str],
    edges: Sequence[Edge],
    *,
    weights: Mapping[tuple[str, str], int] | None = None,
    store: CutStore | None = None,
) -> tuple[Cycle, ...]:
    """Every cycle of the graph, as components, largest first; cuts minimise `weights`
    (by default the number of import statements of each edge). `store` remembers cuts."""
    by_pair = {(edge.importer, edge.imported): edge for edge in edges}
    graph = weighted_graph(nodes, edges, weights=weights)
    cycles = []
    for component in strongly_connected_components(graph):
        solved = _solve(subgraph(graph, component), by_pair, store)
        cuts = tuple(
            Cut(importer=a, imported=b, sites=by_pair[(a, b)].sites, witness=witness)
            for (a, b), witness in zip(solved.cut, solved.cut_witnesses, strict=True)
        )
        cycles.append(
            Cycle(
                modules=component,
                kind=ImportKind(solved.kind),
                witness=solved.witness,
                cuts=cuts,
                exact=solved.exact,
            )
        )
    return tuple(cycles)


def _solve(
    inner: dict[str, dict[str, int]],
    by_pair: Mapping[tuple[str, str], Edge],
    store: CutStore | None,
) -> SolvedComponent:
    if store is None:
        return _search(inner, by_pair)
    key = hashlib.blake2b(
        repr(sorted((a, sorted(succ.items())) for a, succ in inner.items())).encode(),
        digest_size=16,
    ).hexdigest()
    solved = store.get(key)
    if solved is None:
        solved = _search(inner, by_pair)
        store.put(key, solved)
    return solved


def _search(
    inner: dict[str, dict[str, int]], by_pair: Mapping[tuple[str, str], Edge]
) -> SolvedComponent:
    cut, exact = feedback_arc_set(inner)
    return SolvedComponent(
        cut=tuple(cut),
        exact=exact,
        kind=_kind(inner, by_pair).value,
        witness=shortest_cycle(inner),
        cut_witnesses=tuple(shortest_cycle(inner, through=edge) for edge in cut),
    )


def _kind(inner: dict[str, dict[str, int]], by_pair: Mapping[tuple[str, str], Edge]) -> ImportKind:
    """The strongest kind K such that the edges of kind K or stronger still close a cycle."""
    for kind in _KINDS_BY_STRENGTH:
        strong = {
            a: {b: w for b, w in succ.items() if by_pair[(a, b)].kind.strength >= kind.strength}
            for a, succ in inner.items()
        }
        if strongly_connected_components(strong):
            return kind
    return ImportKind.TYPING


def mutual_pairs(edges: Sequence[Edge]) -> tuple[MutualPair, ...]:
    by_pair = {(edge.importer, edge.imported): edge for edge in edges}
    pairs = []
    for (a, b), edge in by_pair.items():
        other = by_pair.get((b, a))
        if a < b and other is not None:
            kind = min(edge.kind, other.kind, key=lambda k: k.strength)
            pairs.append(MutualPair(first=a, second=b, kind=kind))
    return tuple(sorted(pairs))
