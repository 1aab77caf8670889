"""The analysis use case: scan a target, find its cycles, sizes, candidates and shims, gate it."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Sequence

from analyzer.candidates import rank_candidates, tier_of
from analyzer.config import Target
from analyzer.cycles import find_cycles, mutual_pairs
from analyzer.errors import PackageNotFound
from analyzer.gates import evaluate_gates, gate_kind, line_allowance
from analyzer.model import (
    Analysis,
    Cut,
    Cycle,
    Edge,
    Ignore,
    ImportSite,
    ModuleInfo,
    Shim,
    Summary,
    site_order,
)
from analyzer.packages import collapse_edges
from analyzer.parents import import_edges
from analyzer.ports import AnalysisStore, CutStore, GraphSource, ScannedModule

__all__ = ["analyse", "group_edges"]

_LARGEST_DEFINITIONS = 10


def analyse(
    target: Target,
    *,
    source: GraphSource,
    cuts: CutStore | None = None,
    results: AnalysisStore | None = None,
    package_level: bool = True,
) -> Analysis:
    """Everything `unknot analyze` reports for `target`, read through `source`; `cuts`
    remembers the cut of each component between runs, `results` whole analyses. Without
    `package_level`, the package-level cycles are left out (none are reported)."""
    if not package_level:
        return _analyse(target, source, cuts, package_level=False)
    if results is None:
        return _analyse(target, source, cuts)
    digest = hashlib.sha256(repr(target).encode())
    digest.update(source.digest(target.package).encode())
    key = digest.hexdigest()
    analysis = results.get(key)
    if analysis is None:
        analysis = _analyse(target, source, cuts)
        results.put(key, analysis)
    return analysis


def _analyse(
    target: Target, source: GraphSource, cuts: CutStore | None, *, package_level: bool = True
) -> Analysis:
    scanned = source.scan(target.package)
    package = target.package
    inside = [m for m in scanned.modules if _within(m.name, package)]
    if not inside:
        raise PackageNotFound(
            f"No module of '{package}' under {scanned.root}: its folder holds no Python file "
            "that can be imported as part of it.",
            hint="Python imports only `.py` files in folders named like identifiers; "
            "analyse the package that holds them.",
        )
    names = [m.name for m in inside]
    layer = set(names)
    all_edges = import_edges(scanned.sites, {m.name for m in scanned.modules})
    edges, used = _apply_ignores(
        [e for e in all_edges if e.importer in layer and e.imported in layer],
        target.gates.ignores,
    )
    kind = gate_kind(target.gates)
    cycles = find_cycles(names, edges, gate_kind=kind, store=cuts)
    package_cycles: tuple[Cycle, ...] = ()
    if package_level:
        package_nodes, package_edges = collapse_edges(names, edges, package=package)
        package_cycles = find_cycles(
            package_nodes, package_edges, gate_kind=None, by_module_pairs=True, store=cuts
        )
    in_cycle = {module for cycle in cycles for module in cycle.modules}
    counts = _target_imports(edges)
    modules = _module_infos(
        inside, edges, all_edges, layer=layer, in_cycle=in_cycle, target=target, counts=counts
    )
    gates = evaluate_gates(cycles, modules, target.gates)
    biggest = sorted(modules, key=lambda m: (-m.lines, m.name))[: 2 * _LARGEST_DEFINITIONS]
    definitions = sorted(source.definitions(m.name for m in biggest), key=lambda d: (-d.lines, d))
    gate_cuts = [cut for cycle in cycles for cut in cycle.gate_cuts]
    all_cuts = [cut for cycle in cycles for cut in cycle.cuts]
    pairs = mutual_pairs(edges)
    return Analysis(
        target=target.name,
        package=package,
        root=scanned.root,
        summary=Summary(
            modules=len(modules),
            lines=sum(m.lines for m in modules),
            circular_dependencies=len(gate_cuts),
            statements_to_cut=_statements(gate_cuts),
            all_kinds_circular_dependencies=len(all_cuts),
            all_kinds_statements_to_cut=_statements(all_cuts),
            gate_kind=kind.value,
            cycles=len(cycles),
            cycles_by_kind=tuple(
                sorted(
                    (k, sum(1 for c in cycles if c.kind == k))
                    for k in {c.kind.value for c in cycles}
                )
            ),
            mutual_pairs=len(pairs),
            modules_over_limit=sum(
                1 for m in modules if m.lines > line_allowance(m.name, target.gates)
            ),
            max_module_lines=target.gates.max_module_lines,
            package_circular_dependencies=sum(
                len({(site.importer, site.imported) for site in cut.sites})
                for cycle in package_cycles
                for cut in cycle.cuts
            ),
        ),
        modules=modules,
        imports=tuple(edges),
        cycles=cycles,
        package_cycles=package_cycles,
        mutual_pairs=pairs,
        largest_definitions=tuple(definitions[:_LARGEST_DEFINITIONS]),
        candidates=rank_candidates(modules, all_edges, package=package, target_imports=counts),
        shims=_shims(inside, all_edges),
        gates=gates,
        ignores=target.gates.ignores,
        unused_ignores=tuple(i for i in target.gates.ignores if i not in used),
        warnings=target.warnings,
    )


def _statements(cuts: Sequence[Cut]) -> int:
    """The statements to remove: one that imports several modules of a cycle counts once."""
    return len({(site.file, site.line) for cut in cuts for site in cut.sites})


def _within(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def group_edges(sites: Sequence[ImportSite]) -> list[Edge]:
    """One edge per (importer, imported), holding its statements in file order."""
    grouped: dict[tuple[str, str], list[ImportSite]] = defaultdict(list)
    for site in sorted(sites, key=site_order):
        if site.importer != site.imported:
            grouped[(site.importer, site.imported)].append(site)
    return [Edge(a, b, tuple(s)) for (a, b), s in sorted(grouped.items())]


def _apply_ignores(edges: list[Edge], ignores: Sequence[Ignore]) -> tuple[list[Edge], set[Ignore]]:
    if not ignores:
        return edges, set()
    wanted = {(i.importer, i.imported): i for i in ignores}
    used = {wanted[(e.importer, e.imported)] for e in edges if (e.importer, e.imported) in wanted}
    return [e for e in edges if (e.importer, e.imported) not in wanted], used


def _target_imports(edges: Sequence[Edge]) -> dict[str, int]:
    """How many modules of the layer each module imports, the layer's root and its own
    ancestor packages included: importing one runs its `__init__`, which ties the module to
    whatever that imports."""
    counts: dict[str, int] = defaultdict(int)
    for edge in edges:
        counts[edge.importer] += 1
    return counts


def _module_infos(
    inside: Sequence[ScannedModule],
    edges: Sequence[Edge],
    all_edges: Sequence[Edge],
    *,
    layer: set[str],
    in_cycle: set[str],
    target: Target,
    counts: dict[str, int],
) -> tuple[ModuleInfo, ...]:
    fan_in: dict[str, int] = defaultdict(int)
    fan_out: dict[str, int] = defaultdict(int)
    outside: dict[str, int] = defaultdict(int)
    for edge in edges:
        fan_in[edge.imported] += 1
        fan_out[edge.importer] += 1
    if len(edges) < len(all_edges):  # else every edge is inside the layer
        for edge in all_edges:
            if edge.imported in layer and edge.importer not in layer:
                outside[edge.imported] += 1
    tier2 = target.gates.tier2_max_imports
    return tuple(
        ModuleInfo(
            name=m.name,
            file=m.file,
            lines=m.lines,
            fan_in=fan_in[m.name],
            fan_out=fan_out[m.name],
            importers_outside=outside[m.name],
            in_cycle=m.name in in_cycle,
            tier=tier_of(counts.get(m.name, 0), tier2_max=tier2),
        )
        for m in inside
    )


def _shims(inside: Sequence[ScannedModule], all_edges: Sequence[Edge]) -> tuple[Shim, ...]:
    shims = []
    for module in inside:
        if module.reexports_from is None:
            continue
        importers = sorted({e.importer for e in all_edges if e.imported == module.name})
        shims.append(
            Shim(
                module=module.name,
                file=module.file,
                sources=module.reexports_from,
                importers=tuple(importers),
            )
        )
    return tuple(sorted(shims))
