"""The layer at package granularity: each module folded into its child of the target."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from analyzer.model import Edge, ImportSite, site_order

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
    it stands for (its weight for cuts is the number of module imports they hold). `edges`
    come sorted by importer and imported, as `import_edges` gives them.

    A parent package's `__init__` that a statement runs implicitly lies in the same child as
    the module the statement names, so between two children it adds no dependency of its own:
    an implicit site is kept only where its statement is not already there explicitly (an
    ignored import can leave it alone).
    """
    nodes = sorted({child_of(m, package) for m in modules})
    explicit: dict[tuple[str, str], list[ImportSite]] = defaultdict(list)
    implicit: dict[tuple[str, str], list[ImportSite]] = defaultdict(list)
    children: dict[str, str] = {}
    for edge in edges:
        a = children.get(edge.importer) or children.setdefault(
            edge.importer, child_of(edge.importer, package)
        )
        b = children.get(edge.imported) or children.setdefault(
            edge.imported, child_of(edge.imported, package)
        )
        if a == b or package in (a, b):
            continue
        key = (a, b)
        statements = edge.sites
        if len(statements) == 1 and not statements[0].implicit:  # most edges
            explicit[key].append(statements[0])
            continue
        for site in statements:
            (implicit if site.implicit else explicit)[key].append(site)
    for key, sites in implicit.items():
        named = {(s.file, s.line) for s in explicit.get(key, ())}
        kept = [s for s in sites if (s.file, s.line) not in named]
        if kept:  # the only lists not in file order already (edges come sorted)
            explicit[key] = sorted([*explicit.get(key, ()), *kept], key=site_order)
    collapsed = [Edge.of(a, b, tuple(sites)) for (a, b), sites in sorted(explicit.items())]
    return nodes, collapsed
