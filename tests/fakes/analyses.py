"""Build `Analysis` objects in memory, the way the analyzer would, for renderer tests.

`AnalysisBuilder` takes modules with their sizes and import statements, and derives the rest
(strongly connected components, one shortest witness, a minimum set of imports to cut found by
brute force, tiers, gates) so that tests read like the package they describe.
"""

from __future__ import annotations

import itertools
from collections import defaultdict, deque
from dataclasses import dataclass, field

from analyzer.model import (
    Analysis,
    Candidate,
    Cut,
    Cycle,
    Definition,
    Edge,
    GateOutcome,
    ImportKind,
    ImportSite,
    Location,
    ModuleInfo,
    MutualPair,
    Shim,
    Summary,
)

__all__ = ["AnalysisBuilder", "seed_layer"]


@dataclass
class AnalysisBuilder:
    target: str = "orchestration"
    package: str = "bot.orchestration"
    root: str = "."
    max_module_lines: int = 300
    max_import_time_cycles: int = 0
    lines: dict[str, int] = field(default_factory=dict)
    sites: list[ImportSite] = field(default_factory=list)
    shims: list[Shim] = field(default_factory=list)
    definitions: list[Definition] = field(default_factory=list)

    def module(self, name: str, lines: int) -> AnalysisBuilder:
        self.lines[self._full(name)] = lines
        return self

    def imports(
        self,
        importer: str,
        imported: str,
        *,
        line: int = 1,
        kind: ImportKind = ImportKind.IMPORT_TIME,
        text: str | None = None,
    ) -> AnalysisBuilder:
        full_importer, full_imported = self._full(importer), self._full(imported)
        for name in (full_importer, full_imported):
            self.lines.setdefault(name, 10)
        parent, _, leaf = full_imported.rpartition(".")
        statement = text if text is not None else f"from {parent} import {leaf}"
        file = self.file(full_importer)
        self.sites.append(ImportSite(full_importer, full_imported, file, line, statement, kind))
        return self

    def shim(self, name: str, source: str, *importers: str) -> AnalysisBuilder:
        full = self._full(name)
        self.lines.setdefault(full, 3)
        self.shims.append(
            Shim(full, self.file(full), (source,), tuple(sorted(self._full(i) for i in importers)))
        )
        return self

    def file(self, module: str) -> str:
        return module.replace(".", "/") + ".py"

    def _full(self, name: str) -> str:
        inside = name == self.package or name.startswith(self.package + ".")
        return name if inside else f"{self.package}.{name}"

    def build(self) -> Analysis:
        edges = _edges(self.sites)
        components = _components(sorted(self.lines), edges)
        cycles = tuple(_cycle(members, edges) for members in components)
        in_cycle = {name for members in components for name in members}
        modules = tuple(self._module_info(name, edges, in_cycle) for name in sorted(self.lines))
        pairs = tuple(
            MutualPair(a, b, _strongest(edges[(a, b)] + edges[(b, a)]))
            for a, b in sorted(edges)
            if a < b and (b, a) in edges
        )
        cuts = [cut for cycle in cycles for cut in cycle.cuts]
        gate_cuts = [cut for cycle in cycles for cut in cycle.gate_cuts]
        oversized = [m for m in modules if m.lines > self.max_module_lines]
        import_time = sum(1 for c in cycles if c.kind is ImportKind.IMPORT_TIME)
        summary = Summary(
            modules=len(modules),
            lines=sum(m.lines for m in modules),
            circular_dependencies=len(gate_cuts),
            statements_to_cut=sum(cut.weight for cut in gate_cuts),
            all_kinds_circular_dependencies=len(cuts),
            all_kinds_statements_to_cut=sum(cut.weight for cut in cuts),
            gate_kind=ImportKind.IMPORT_TIME.value,
            cycles=len(cycles),
            cycles_by_kind=tuple(
                sorted(
                    (kind.value, sum(1 for c in cycles if c.kind is kind))
                    for kind in {c.kind for c in cycles}
                )
            ),
            mutual_pairs=len(pairs),
            modules_over_limit=len(oversized),
            max_module_lines=self.max_module_lines,
            package_circular_dependencies=0,
        )
        gates = (
            GateOutcome(
                gate="max-cycles.import-time",
                passed=import_time <= self.max_import_time_cycles,
                limit=self.max_import_time_cycles,
                actual=import_time,
                message=f"{import_time} import-time cycle(s), at most "
                f"{self.max_import_time_cycles} allowed",
                locations=tuple(
                    Location(site.file, site.line, site.text)
                    for cycle in cycles
                    if cycle.kind is ImportKind.IMPORT_TIME
                    for cut in cycle.gate_cuts
                    for site in cut.sites
                ),
            ),
            GateOutcome(
                gate="max-module-lines",
                passed=not oversized,
                limit=self.max_module_lines,
                actual=max((m.lines for m in modules), default=0),
                message=f"{len(oversized)} module(s) over {self.max_module_lines} lines",
                locations=tuple(Location(m.file, 1) for m in oversized),
            ),
        )
        return Analysis(
            target=self.target,
            package=self.package,
            root=self.root,
            summary=summary,
            modules=modules,
            imports=tuple(Edge(a, b, tuple(sorted(s))) for (a, b), s in sorted(edges.items())),
            cycles=cycles,
            package_cycles=(),
            mutual_pairs=pairs,
            largest_definitions=tuple(sorted(self.definitions)),
            candidates=tuple(sorted(_candidate(m) for m in modules)),
            shims=tuple(sorted(self.shims)),
            gates=gates,
        )

    def _module_info(
        self, name: str, edges: dict[tuple[str, str], list[ImportSite]], in_cycle: set[str]
    ) -> ModuleInfo:
        fan_out = sum(1 for a, _ in edges if a == name)
        return ModuleInfo(
            name=name,
            file=self.file(name),
            lines=self.lines[name],
            fan_in=sum(1 for _, b in edges if b == name),
            fan_out=fan_out,
            importers_outside=0,
            in_cycle=name in in_cycle,
            tier=1 if fan_out == 0 else 2 if fan_out <= 2 else 3,
        )


def _candidate(module: ModuleInfo) -> Candidate:
    return Candidate(
        tier=module.tier,
        target_imports=module.fan_out,
        module=module.name,
        lines=module.lines,
        importers_inside=module.fan_in,
        importers_outside=module.importers_outside,
        in_cycle=module.in_cycle,
        destination=None,
    )


def _edges(sites: list[ImportSite]) -> dict[tuple[str, str], list[ImportSite]]:
    edges: dict[tuple[str, str], list[ImportSite]] = defaultdict(list)
    for site in sites:
        edges[(site.importer, site.imported)].append(site)
    return dict(edges)


def _strongest(sites: list[ImportSite]) -> ImportKind:
    return max((site.kind for site in sites), key=lambda kind: kind.strength)


def _reaches(start: str, edges: set[tuple[str, str]]) -> set[str]:
    seen, todo = {start}, [start]
    while todo:
        node = todo.pop()
        for a, b in edges:
            if a == node and b not in seen:
                seen.add(b)
                todo.append(b)
    return seen


def _components(
    names: list[str], edges: dict[tuple[str, str], list[ImportSite]]
) -> list[tuple[str, ...]]:
    pairs = set(edges)
    reach = {name: _reaches(name, pairs) for name in names}
    found = {tuple(sorted(b for b in names if b in reach[a] and a in reach[b])) for a in names}
    return sorted(members for members in found if len(members) > 1)


def _shortest_cycle(members: tuple[str, ...], pairs: set[tuple[str, str]]) -> tuple[str, ...]:
    best: tuple[str, ...] = ()
    for start in members:
        parents: dict[str, str] = {}
        queue, seen = deque([start]), {start}
        while queue:
            node = queue.popleft()
            for a, b in sorted(pairs):
                if a != node:
                    continue
                if b == start:
                    path = [node]
                    while path[-1] != start:
                        path.append(parents[path[-1]])
                    cycle = tuple(reversed(path))
                    if not best or len(cycle) < len(best):
                        best = cycle
                    queue.clear()
                    break
                if b not in seen:
                    seen.add(b)
                    parents[b] = node
                    queue.append(b)
    return best


def _through(importer: str, imported: str, pairs: set[tuple[str, str]]) -> tuple[str, ...]:
    """A shortest cycle that uses the edge importer -> imported."""
    parents: dict[str, str] = {}
    queue, seen = deque([imported]), {imported}
    while queue:
        node = queue.popleft()
        if node == importer:
            path = [node]
            while path[-1] != imported:
                path.append(parents[path[-1]])
            return (importer, *reversed(path[1:]))
        for a, b in sorted(pairs):
            if a == node and b not in seen:
                seen.add(b)
                parents[b] = node
                queue.append(b)
    return (importer, imported)


def _acyclic(pairs: set[tuple[str, str]]) -> bool:
    return all(a not in _reaches(b, pairs) for a, b in pairs)


def _min_cut(
    pairs: list[tuple[str, str]], edges: dict[tuple[str, str], list[ImportSite]]
) -> tuple[Cut, ...]:
    """A minimum set of imports (by statements) whose removal leaves `pairs` acyclic."""
    cut_set: tuple[tuple[str, str], ...] = ()
    for size in range(1, len(pairs) + 1):
        options = [
            combo
            for combo in itertools.combinations(pairs, size)
            if _acyclic(set(pairs) - set(combo))
        ]
        if options:
            cut_set = min(options, key=lambda combo: (sum(len(edges[e]) for e in combo), combo))
            break
    return tuple(
        Cut(a, b, tuple(sorted(edges[(a, b)])), _through(a, b, set(pairs))) for a, b in cut_set
    )


def _cycle(members: tuple[str, ...], edges: dict[tuple[str, str], list[ImportSite]]) -> Cycle:
    inner = sorted((a, b) for a, b in edges if a in members and b in members)
    pairs = set(inner)
    cuts = _min_cut(inner, edges)
    kinds = [site.kind for edge in inner for site in edges[edge]]
    import_time = {
        e: [s for s in edges[e] if s.kind is ImportKind.IMPORT_TIME]
        for e in inner
        if any(s.kind is ImportKind.IMPORT_TIME for s in edges[e])
    }
    if _acyclic(set(import_time)):
        kind = max(kinds, key=lambda k: k.strength if k is not ImportKind.IMPORT_TIME else -1)
        return Cycle(members, kind, _shortest_cycle(members, pairs), cuts, exact=True)
    gate_cuts = _min_cut(sorted(import_time), import_time)
    witness = _shortest_cycle(members, set(import_time))
    return Cycle(members, ImportKind.IMPORT_TIME, witness, cuts, exact=True, gate_cuts=gate_cuts)


def seed_layer() -> Analysis:
    """A small layer in the seed's shape: two cycles, an oversized module, a shim."""
    builder = AnalysisBuilder()
    builder.module("perps_bot", 420).module("configuration", 485).module("symbols", 4)
    builder.module("system_monitor", 120).module("builder", 210).module("core.protocol", 30)
    builder.imports("perps_bot", "builder", line=12)
    builder.imports(
        "builder", "perps_bot", line=3, text="from bot.orchestration.perps_bot import PerpsBot"
    )
    builder.imports("perps_bot", "system_monitor", line=13)
    builder.imports("system_monitor", "perps_bot", line=40, kind=ImportKind.DEFERRED)
    builder.imports("configuration", "symbols", line=8)
    builder.imports("symbols", "configuration", line=2, kind=ImportKind.TYPING)
    builder.imports("builder", "core.protocol", line=4)
    builder.shim("symbols", "bot.shared.symbol_utils", "configuration")
    builder.definitions.append(
        Definition("bot.orchestration.configuration", "BotConfig", "class", 20, 260)
    )
    return builder.build()
