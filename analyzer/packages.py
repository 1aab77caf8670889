"""The layer at package granularity: each module folded into its child of the target."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from analyzer.model import Edge, ImportSite

__all__ = ["child_of", "collapse_edges"]


def child_of(module: str, package: str) -> str:
    """`package.a.b.c` -> `package.a`; the package itself stays itself."""
    if module == package:
        return package
    rest = module[len(package) + 1 :].split(".", 1)[0]
    return f"{package}.{rest}"


def collapse_edges(
    modules: Sequence[str], edges: Sequence[Edge], *, package: str
) -> tuple[list[str], list[Edge]]:
    """Nodes and edges between the target's children; an edge's sites are every statement
    it stands for (its weight for cuts is the number of module imports they hold)."""
    nodes = sorted({child_of(m, package) for m in modules})
    grouped: dict[tuple[str, str], list[ImportSite]] = defaultdict(list)
    for edge in edges:
        key = (child_of(edge.importer, package), child_of(edge.imported, package))
        if key[0] == key[1] or package in key:
            continue
        grouped[key].extend(edge.sites)
    collapsed = [Edge(a, b, tuple(sorted(sites))) for (a, b), sites in sorted(grouped.items())]
    return nodes, collapsed
