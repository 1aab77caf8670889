"""The codemods' `CycleFinder` port, filled with the analyzer.

The cycles are those `unknot analyze` counts: an import also runs the `__init__` of every
parent package of what it imports (a circular import through a parent's `__init__` fails at
import time as surely as a direct one). One scan serves both questions about the same files.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from analyzer.model import Edge
    from analyzer.ports import ScannedPackage

__all__ = ["AnalyzerCycles"]

Cycles = tuple[tuple[str, ...], ...]


class AnalyzerCycles:
    """Cycles between modules, and between sibling packages, of a package on disk."""

    def __init__(self) -> None:
        # The scan of the last `cycles` call, taken (once) by `package_cycles` of its package.
        self._last: tuple[tuple[Path, str], ScannedPackage] | None = None

    def cycles(self, root: Path, package: str, *, import_time: bool = False) -> Cycles:
        from analyzer.adapters.grimp_source import GrimpSource
        from analyzer.cycles import find_cycles
        from analyzer.model import ImportKind

        scanned = GrimpSource(root).scan(package)
        self._last = ((root, package), scanned)
        names, edges = _edges(scanned, package)
        found = find_cycles(names, edges, gate_kind=None)
        if import_time:
            found = tuple(c for c in found if c.kind == ImportKind.IMPORT_TIME)
        return tuple(sorted(cycle.modules for cycle in found))

    def package_cycles(self, root: Path, package: str) -> Cycles:
        from analyzer.adapters.grimp_source import GrimpSource
        from analyzer.graph import strongly_connected_components

        last, self._last = self._last, None
        if last is not None and last[0] == (root, package):
            scanned = last[1]
        else:
            scanned = GrimpSource(root).scan(package)
        names, edges = _edges(scanned, package)
        packages = {n.rpartition(".")[0] for n in names}
        graph: dict[str, dict[str, int]] = defaultdict(dict)
        for edge in edges:
            pair = _siblings(edge.importer, edge.imported)
            if pair is not None:
                graph[pair[0]][pair[1]] = 1
                graph[pair[1]]  # every node is a key
        components = strongly_connected_components(graph)
        # A component of modules alone is a module cycle, already reported as one.
        return tuple(sorted(c for c in components if packages.intersection(c)))


def _edges(scanned: ScannedPackage, package: str) -> tuple[list[str], Sequence[Edge]]:
    """The modules of `package` and the imports between them, each import also running the
    `__init__` of the parent packages of what it imports."""
    from analyzer.analyse import group_edges
    from analyzer.parents import with_parents

    every = {m.name for m in scanned.modules}
    inside = sorted(n for n in every if n == package or n.startswith(package + "."))
    keep = set(inside)
    sites = with_parents(scanned.sites, every)
    edges = [e for e in group_edges(sites) if e.importer in keep and e.imported in keep]
    return inside, edges


def _siblings(importer: str, imported: str) -> tuple[str, str] | None:
    """The two children of their deepest common package that hold `importer` and `imported`,
    None when one holds the other."""
    left, right = importer.split("."), imported.split(".")
    common = 0
    while common < min(len(left), len(right)) and left[common] == right[common]:
        common += 1
    if common in (len(left), len(right)):
        return None
    return ".".join(left[: common + 1]), ".".join(right[: common + 1])
