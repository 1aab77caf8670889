"""The plans' `VirtualGraph` port, filled with the analyzer's virtual refactorings: the layer's
scan edited in memory, its figures and facts computed by the analysis itself."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from analyzer.adapters.grimp_source import GrimpSource
from analyzer.analyse import analyse
from analyzer.config import Target
from analyzer.errors import AnalyzerError
from analyzer.model import Analysis, ImportKind, ImportSite
from analyzer.virtual import MemoryCuts, VirtualSource
from codemods.plans.errors import PlanError
from codemods.plans.facts import LayerFacts
from codemods.plans.model import Figures, PlanTarget
from codemods.plans.virtual.graph import ImportFact
from unknot.plan_wiring import figures_of, gate_config, layer_facts

__all__ = ["AnalyzerGraph", "scan_graph"]


_LINES_GATE = "max-module-lines"


def _renamed(name: str, old: str, new: str) -> str:
    if name == old:
        return new
    return new + name[len(old) :] if name.startswith(old + ".") else name


def _fact(site: ImportSite) -> ImportFact:
    return ImportFact(site.importer, site.imported, site.line, site.kind.value, site.text)


def _keys(facts: Iterable[ImportFact]) -> set[tuple[str, str, int]]:
    return {(f.importer, f.imported, f.line) for f in facts}


@dataclass(frozen=True)
class AnalyzerGraph:
    """The layer of `target` in `source`; `origins` maps each module to the file that held
    its code before any step (relative to `root`); `estimated`, the modules whose lines a
    step changed (an estimate, not a count)."""

    source: VirtualSource
    target: PlanTarget
    root: Path
    origins: dict[str, str]
    cuts: MemoryCuts = field(default_factory=MemoryCuts, compare=False)
    moved_out: dict[str, dict[str, str]] = field(default_factory=dict)
    estimated: frozenset[str] = frozenset()
    _analysis: list[Analysis] = field(default_factory=list, compare=False)

    def _edited(
        self,
        source: VirtualSource,
        origins: dict[str, str] | None = None,
        *,
        estimated: frozenset[str] | None = None,
        moved_out: dict[str, dict[str, str]] | None = None,
    ) -> AnalyzerGraph:
        return AnalyzerGraph(
            source,
            self.target,
            self.root,
            self.origins if origins is None else origins,
            self.cuts,
            self.moved_out if moved_out is None else moved_out,
            self.estimated if estimated is None else estimated,
        )

    def origin(self, module: str) -> Path | None:
        file = self.origins.get(module)
        return self.root / file if file is not None else None

    def lines(self, module: str) -> int | None:
        found = self.source.module(module)
        return found.lines if found else None

    def carried(self, module: str) -> dict[str, str]:
        return dict(self.moved_out.get(module, {}))

    def carrying(self, module: str, names: Iterable[str], dest: str) -> AnalyzerGraph:
        moved_out = {
            **self.moved_out,
            module: {**self.carried(module), **dict.fromkeys(names, dest)},
        }
        return self._edited(self.source, moved_out=moved_out)

    def shim_sources(self, module: str) -> tuple[str, ...]:
        found = self.source.module(module)
        return tuple(found.reexports_from or ()) if found else ()

    def imports_of(self, importer: str) -> list[ImportFact]:
        return [_fact(s) for s in self.source.sites(lambda s: s.importer == importer)]

    def importers_of(self, imported: str) -> list[ImportFact]:
        return [_fact(s) for s in self.source.sites(lambda s: s.imported == imported)]

    def renamed(self, old: str, new: str) -> AnalyzerGraph:
        origins = {_renamed(name, old, new): file for name, file in self.origins.items()}
        estimated = frozenset(_renamed(name, old, new) for name in self.estimated)
        return self._edited(self.source.rename(old, new), origins, estimated=estimated)

    def removed(self, module: str, into: tuple[str, ...]) -> AnalyzerGraph:
        origins = {name: file for name, file in self.origins.items() if name != module}
        return self._edited(self.source.remove(module, into), origins)

    def added(self, module: str, lines: int) -> AnalyzerGraph:
        source = self.source
        parent = module.rpartition(".")[0]
        while parent and source.module(parent) is None:
            source = source.add_module(parent, 0, is_package=True)
            parent = parent.rpartition(".")[0]
        return self._edited(source.add_module(module, lines), estimated=self.estimated | {module})

    def resized(self, module: str, lines: int) -> AnalyzerGraph:
        return self._edited(self.source.resize(module, lines), estimated=self.estimated | {module})

    def retyped(self, imports: Iterable[ImportFact], kind: str) -> AnalyzerGraph:
        keys = _keys(imports)
        return self._edited(
            self.source.retype(lambda s: (s.importer, s.imported, s.line) in keys, ImportKind(kind))
        )

    def without(self, imports: Iterable[ImportFact]) -> AnalyzerGraph:
        keys = _keys(imports)
        return self._edited(self.source.drop(lambda s: (s.importer, s.imported, s.line) in keys))

    def with_imports(self, imports: Iterable[ImportFact]) -> AnalyzerGraph:
        source = self.source
        sites = [
            source.statement(f.importer, f.imported, f.line, ImportKind(f.kind), f.text)
            for f in imports
        ]
        return self._edited(source.add(sites))

    def analysis(self) -> Analysis:
        if not self._analysis:
            target = Target(
                self.target.name,
                self.target.package,
                self.root,
                gate_config(self.target),
                cache_dir=None,
            )
            try:
                self._analysis.append(
                    analyse(target, source=self.source, cuts=self.cuts, package_level=False)
                )
            except AnalyzerError as error:
                raise PlanError(error.message, hint=error.hint, code=error.code) from error
        return self._analysis[0]

    def figures(self) -> Figures:
        """The analysis' figures, a module whose lines a step estimated counted over its limit
        when within 2% under it (the imports and blank lines a codemod writes are guessed)."""
        analysis, target = self.analysis(), self.target
        found = figures_of(analysis)
        allowed = dict(target.allow_module_lines)
        near = 0
        for module in analysis.modules:
            if module.name not in self.estimated:
                continue
            limit = allowed.get(module.name, target.max_module_lines)
            near += limit - max(3, limit // 50) < module.lines <= limit
        if not near:
            return found
        values = {**found.values, "modules_over_limit": found.get("modules_over_limit") + near}
        failed = tuple(dict.fromkeys((*found.failed_gates, _LINES_GATE)))
        return Figures(values, failed)

    def facts(self) -> LayerFacts:
        facts = layer_facts(self.analysis(), self.target, self.root)
        modules = tuple(
            m.__class__(
                m.name,
                self.origin(m.name) or m.file,
                m.lines,
                m.tier,
                m.destination,
                m.is_package,
            )
            for m in facts.modules
        )
        return LayerFacts(facts.target, modules, facts.cuts, facts.shims)


def scan_graph(repo: Path, target: PlanTarget, *, cache_dir: Path | None = None) -> AnalyzerGraph:
    """The layer of `target` in the repository at `repo`, scanned once (through the scan
    cache in `cache_dir`, when given)."""
    root = (repo / target.root).resolve()
    try:
        scanned = GrimpSource(root, cache_dir=cache_dir).scan(target.package)
    except AnalyzerError as error:
        raise PlanError(error.message, hint=error.hint, code=error.code) from error
    origins = {m.name: m.file for m in scanned.modules}
    return AnalyzerGraph(VirtualSource.of(scanned, target.package), target, root, origins)
