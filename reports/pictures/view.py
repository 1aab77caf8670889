"""What a picture of a layer shows: nodes, edges, cycles and cuts, at a chosen granularity.

`GraphView.of(analysis, collapse=DEPTH)` draws packages DEPTH levels below the target package
(module edges merged and weighted by their statement count); `cycles_only=True` keeps only the
cyclic parts, each cycle a cluster, with the imports to cut marked: the gate's cut (import-time
by default), the text report's headline, so a cycle of a kind the gate lets pass has none.
Every renderer (Mermaid, DOT, SVG, HTML) draws the same view, so all pictures agree.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from analyzer.graph import strongly_connected_components
from analyzer.model import Analysis, ImportKind

__all__ = ["GraphView", "ViewEdge", "ViewNode", "strongly_connected"]


@dataclass(frozen=True, order=True)
class ViewNode:
    name: str
    label: str
    lines: int
    modules: int
    cycle: int | None


@dataclass(frozen=True, order=True)
class ViewEdge:
    importer: str
    imported: str
    weight: int
    kind: ImportKind
    cut: bool
    cycle: int | None


@dataclass(frozen=True)
class GraphView:
    title: str
    nodes: tuple[ViewNode, ...]
    edges: tuple[ViewEdge, ...]
    cycles: tuple[tuple[str, ...], ...]

    def node(self, name: str) -> ViewNode:
        """The node called `name` (a dictionary built once, so large views stay fast)."""
        index = self.__dict__.get("_index")
        if index is None:
            index = {node.name: node for node in self.nodes}
            object.__setattr__(self, "_index", index)
        return index[name]  # type: ignore[no-any-return]

    @classmethod
    def of(
        cls, analysis: Analysis, *, collapse: int | None = None, cycles_only: bool = False
    ) -> GraphView:
        """The view of `analysis`; `collapse` >= 1 merges modules into packages at that depth."""
        group = _grouper(analysis.package, collapse)
        lines: dict[str, int] = defaultdict(int)
        members: dict[str, int] = defaultdict(int)
        for module in analysis.modules:
            lines[group(module.name)] += module.lines
            members[group(module.name)] += 1
        cut_pairs = {
            (group(c.importer), group(c.imported)) for cy in analysis.cycles for c in cy.gate_cuts
        }
        weights: dict[tuple[str, str], int] = defaultdict(int)
        kinds: dict[tuple[str, str], ImportKind] = {}
        for edge in analysis.imports:
            pair = (group(edge.importer), group(edge.imported))
            if pair[0] == pair[1] or pair[0] not in lines or pair[1] not in lines:
                continue
            weights[pair] += edge.weight
            kind = kinds.get(pair)
            if kind is None or edge.kind.strength > kind.strength:
                kinds[pair] = edge.kind
        cycles = strongly_connected(sorted(lines), sorted(weights))
        cycle_of = {name: n for n, members_ in enumerate(cycles, start=1) for name in members_}
        edges = [
            ViewEdge(
                a, b, weights[(a, b)], kinds[(a, b)], (a, b) in cut_pairs, _same(cycle_of, a, b)
            )
            for a, b in sorted(weights)
        ]
        names = sorted(lines)
        if cycles_only:
            names = [name for name in names if name in cycle_of]
            edges = [edge for edge in edges if edge.cycle is not None]
        nodes = tuple(
            ViewNode(
                name, _label(analysis.package, name), lines[name], members[name], cycle_of.get(name)
            )
            for name in names
        )
        title = f"{analysis.target} ({analysis.package})"
        return cls(title, nodes, tuple(edges), tuple(cycles))


def _same(cycle_of: dict[str, int], a: str, b: str) -> int | None:
    number = cycle_of.get(a)
    return number if number is not None and number == cycle_of.get(b) else None


def _label(package: str, name: str) -> str:
    if name == package:
        return name.rpartition(".")[2] or name
    return name[len(package) + 1 :] if name.startswith(package + ".") else name


def _grouper(package: str, collapse: int | None) -> Callable[[str], str]:
    if not collapse:
        return str
    keep = len(package.split(".")) + collapse

    def group(name: str) -> str:
        return ".".join(name.split(".")[:keep])

    return group


def strongly_connected(nodes: list[str], edges: list[tuple[str, str]]) -> list[tuple[str, ...]]:
    """The components of more than one node, each sorted, in sorted order."""
    graph: dict[str, dict[str, int]] = {node: {} for node in nodes}
    for a, b in edges:
        graph[a][b] = 1
    return sorted(c for c in strongly_connected_components(graph) if len(c) > 1)
