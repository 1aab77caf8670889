"""Import cycles: strongly connected components, their kind, a witness and the imports to cut.

The imports to cut are computed per kind. The cut of kind K looks only at the statements of
kind K or stronger (an import-time cycle is closed by import-time statements alone, whatever
typing-only imports run alongside them): its weights count those statements, and it removes
every cycle they close. The gate's cut is the cut of the gate's kind; the all-kinds cut (kind
`typing`, the weakest) makes the layer acyclic.
"""

from __future__ import annotations

import hashlib
import operator
from collections.abc import Mapping, Sequence

from analyzer.feedback import feedback_arc_set
from analyzer.graph import (
    cycles_through,
    shortest_cycle,
    strongly_connected_components,
    subgraph,
)
from analyzer.model import Cut, Cycle, Edge, ImportKind, ImportSite, MutualPair
from analyzer.ports import CutStore, SolvedComponent

__all__ = ["find_cycles", "mutual_pairs", "weighted_graph"]

_KINDS_BY_STRENGTH = sorted(ImportKind, key=lambda kind: -kind.strength)
_WEAKEST = _KINDS_BY_STRENGTH[-1]


def weighted_graph(
    nodes: Sequence[str],
    edges: Sequence[Edge],
    *,
    kind: ImportKind = _WEAKEST,
    by_module_pairs: bool = False,
) -> dict[str, dict[str, int]]:
    """Successors with weights, over the statements of `kind` or stronger only: an edge with
    none of them is left out. The weight is the number of those statements, or with
    `by_module_pairs` the number of module imports they stand for (package-level graphs).

    Weights are scaled so that, between cuts of equal size, the one through the weaker imports
    (typing-only, then deferred) wins: those are the easiest to remove.
    """
    graph: dict[str, dict[str, int]] = {node: {} for node in nodes}
    if kind is _WEAKEST and not by_module_pairs:
        for edge in edges:
            graph[edge.importer][edge.imported] = len(edge.sites) * _TIE_SCALE + edge.kind.strength
        return graph
    floor = kind.strength
    for edge in edges:
        sites = edge.sites
        if len(sites) == 1:  # most edges
            base = int(sites[0].kind.strength >= floor)
        elif by_module_pairs:
            strong = sites if not floor else [s for s in sites if s.kind.strength >= floor]
            base = len(set(map(_module_pair, strong)))
        else:
            base = sum(1 for s in sites if s.kind.strength >= floor)
        if base:
            graph[edge.importer][edge.imported] = base * _TIE_SCALE + edge.kind.strength
    return graph


_module_pair = operator.attrgetter("importer", "imported")

# Larger than the sum of the tie-breakers of any cut (at most 4 per edge).
_TIE_SCALE = 1 << 20


def _weakest(edge: Edge) -> int:
    """The strength of the edge's weakest statement."""
    sites = edge.sites
    if len(sites) == 1:
        return sites[0].kind.strength
    return min(site.kind.strength for site in sites)


def _at_least(sites: Sequence[ImportSite], kind: ImportKind) -> tuple[ImportSite, ...]:
    if kind is _WEAKEST:
        return tuple(sites)
    return tuple(site for site in sites if site.kind.strength >= kind.strength)


def find_cycles(
    nodes: Sequence[str],
    edges: Sequence[Edge],
    *,
    gate_kind: ImportKind | None = ImportKind.IMPORT_TIME,
    by_module_pairs: bool = False,
    store: CutStore | None = None,
) -> tuple[Cycle, ...]:
    """Every cycle of the graph, as components, largest first, each with the gate's cut (of
    `gate_kind`; none when it is None) and the all-kinds cut. Cuts minimise the number of
    statements cut, or with `by_module_pairs` the number of module imports. `store` remembers
    cuts."""
    by_pair = {(edge.importer, edge.imported): edge for edge in edges}
    graph = weighted_graph(nodes, edges, by_module_pairs=by_module_pairs)
    cycles = []
    for component in strongly_connected_components(graph):
        inner_graph = subgraph(graph, component)
        kind, closing = _kind(inner_graph, by_pair)
        inner = [by_pair[(a, b)] for a, succ in inner_graph.items() for b in succ]
        # The all-kinds cut is also the cut of every kind no statement is weaker than: the
        # graph of that kind's statements is the same graph.
        floor = min(map(_weakest, inner))
        also = frozenset(k for k in ImportKind if k.strength <= floor)
        cut = _KindCut(_WEAKEST, [inner_graph], by_pair, store, also=also)
        gated = gate_kind is not None and kind.strength >= gate_kind.strength
        gate = cut
        if gate_kind is not None and gated and gate_kind not in cut.kinds:
            strong = weighted_graph(
                component, inner, kind=gate_kind, by_module_pairs=by_module_pairs
            )
            if gate_kind is not kind:
                closing = strongly_connected_components(strong)
            gate = _KindCut(gate_kind, [subgraph(strong, m) for m in closing], by_pair, store)
        cycles.append(
            Cycle(
                modules=component,
                kind=kind,
                witness=_witness(component, inner, kind, by_module_pairs, [cut, gate]),
                cuts=cut.cuts,
                exact=cut.exact,
                gate_cuts=gate.cuts if gated else (),
                gate_exact=gate.exact,
            )
        )
    return tuple(cycles)


class _KindCut:
    """The cut of one kind in one component, solved per strongly connected part of the graph
    of the component's statements of that kind or stronger (`parts`). `kinds` are the kinds
    it is the cut of."""

    def __init__(
        self,
        kind: ImportKind,
        parts: Sequence[dict[str, dict[str, int]]],
        by_pair: Mapping[tuple[str, str], Edge],
        store: CutStore | None,
        *,
        also: frozenset[ImportKind] = frozenset(),
    ) -> None:
        self.kinds = also | {kind}
        cuts: list[Cut] = []
        self.exact = True
        self.witnesses: list[tuple[str, ...]] = []
        for part in parts:
            solved = _solve(part, store)
            self.exact &= solved.exact
            self.witnesses.append(solved.witness)
            cuts += [
                Cut(a, b, _at_least(by_pair[(a, b)].sites, kind), witness)
                for (a, b), witness in zip(solved.cut, solved.cut_witnesses, strict=True)
            ]
        self.cuts = tuple(sorted(cuts))


def _witness(
    component: tuple[str, ...],
    edges: Sequence[Edge],
    kind: ImportKind,
    by_module_pairs: bool,
    known: Sequence[_KindCut],
) -> tuple[str, ...]:
    """A shortest cycle through imports of `kind` or stronger only."""
    for cut in known:
        if kind in cut.kinds and cut.witnesses:
            return min(cut.witnesses, key=lambda ring: (len(ring), ring))
    return shortest_cycle(
        weighted_graph(component, edges, kind=kind, by_module_pairs=by_module_pairs)
    )


def _solve(inner: dict[str, dict[str, int]], store: CutStore | None) -> SolvedComponent:
    if store is None:
        return _search(inner)
    key = hashlib.blake2b(
        repr(sorted((a, sorted(succ.items())) for a, succ in inner.items())).encode(),
        digest_size=16,
    ).hexdigest()
    solved = store.get(key)
    if solved is None:
        solved = _search(inner)
        store.put(key, solved)
    return solved


def _search(inner: dict[str, dict[str, int]]) -> SolvedComponent:
    cut, exact = feedback_arc_set(inner)
    return SolvedComponent(
        cut=tuple(cut),
        exact=exact,
        witness=shortest_cycle(inner),
        cut_witnesses=tuple(cycles_through(inner, cut)),
    )


def _kind(
    inner: dict[str, dict[str, int]], by_pair: Mapping[tuple[str, str], Edge]
) -> tuple[ImportKind, list[tuple[str, ...]]]:
    """The strongest kind K such that the edges of kind K or stronger still close a cycle, and
    the strongly connected parts they form."""
    for kind in _KINDS_BY_STRENGTH:
        strong = {
            a: {b: w for b, w in succ.items() if by_pair[(a, b)].kind.strength >= kind.strength}
            for a, succ in inner.items()
        }
        parts = strongly_connected_components(strong)
        if parts:
            return kind, parts
    return _WEAKEST, [tuple(sorted(inner))]


def mutual_pairs(edges: Sequence[Edge]) -> tuple[MutualPair, ...]:
    by_pair = {(edge.importer, edge.imported): edge for edge in edges}
    pairs = []
    for (a, b), edge in by_pair.items():
        if a < b and (other := by_pair.get((b, a))) is not None:
            kind = min(edge.kind, other.kind, key=lambda k: k.strength)
            pairs.append(MutualPair(first=a, second=b, kind=kind))
    return tuple(sorted(pairs))
