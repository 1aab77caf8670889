"""The import-graph analyzer: cycles and the imports to cut, sizes, extraction candidates,
re-export shims and gates, for one layer of a Python code base.

`analyse(target, source=...)` is the use case; `scan_cycles(root, package)` is the short way
for callers that only need the cycles (such as a codemod checking its own result).
"""

from __future__ import annotations

from pathlib import Path

from analyzer.analyse import analyse
from analyzer.config import GateConfig, Target, load_target
from analyzer.cycles import find_cycles
from analyzer.errors import AnalyzerError
from analyzer.model import Analysis, ImportKind
from analyzer.parents import import_edges
from analyzer.ports import GraphSource

__all__ = [
    "Analysis",
    "AnalyzerError",
    "GateConfig",
    "GraphSource",
    "Target",
    "analyse",
    "load_target",
    "scan_cycles",
]


def scan_cycles(
    root: Path, package: str, *, import_time: bool = False
) -> tuple[tuple[str, ...], ...]:
    """The import cycles of `package` found under `root`: each a sorted tuple of modules.

    Every kind of import counts (module level, function level, TYPE_CHECKING), and so do the
    parent packages' `__init__` modules an import runs; with
    `import_time`, only the cycles of kind import-time (as `unknot analyze` counts them: the
    module-level imports alone close them).
    """
    from analyzer.adapters.grimp_source import GrimpSource

    scanned = GrimpSource(root).scan(package)
    inside = [
        m.name for m in scanned.modules if m.name == package or m.name.startswith(package + ".")
    ]
    keep = set(inside)
    modules = {m.name for m in scanned.modules}
    edges = [
        e for e in import_edges(scanned.sites, modules) if e.importer in keep and e.imported in keep
    ]
    cycles = find_cycles(inside, edges)
    if import_time:
        cycles = tuple(c for c in cycles if c.kind == ImportKind.IMPORT_TIME)
    return tuple(cycle.modules for cycle in cycles)
