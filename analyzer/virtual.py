"""Virtual refactorings: a scanned package edited in memory (a module renamed, removed or
added, an import retyped, added or dropped) and read back as a `GraphSource`, so the analysis
predicts its figures after a change without a file written.

Edits never change the scan they start from: each returns a new `VirtualSource`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from analyzer.model import Definition, ImportKind, ImportSite
from analyzer.ports import ScannedModule, ScannedPackage, SolvedComponent

__all__ = ["MemoryCuts", "VirtualSource"]


class MemoryCuts:
    """The `CutStore` of one process: the cut of each component found once, for the many
    analyses of a layer edited a step at a time."""

    def __init__(self) -> None:
        self._solved: dict[str, SolvedComponent] = {}

    def get(self, key: str) -> SolvedComponent | None:
        return self._solved.get(key)

    def put(self, key: str, solved: SolvedComponent) -> None:
        self._solved[key] = solved


def _renamed(name: str, old: str, new: str) -> str:
    if name == old:
        return new
    return new + name[len(old) :] if name.startswith(old + ".") else name


def _module_file(name: str, *, is_package: bool) -> str:
    path = name.replace(".", "/")
    return f"{path}/__init__.py" if is_package else f"{path}.py"


@dataclass(frozen=True)
class VirtualSource:
    """A package's modules and the import statements between them, as edits left them.

    `layer` is the dotted package whose figures are wanted: statements between two modules
    outside it cannot change them, so they are left out at the start (the modules stay)."""

    scanned: ScannedPackage

    @classmethod
    def of(cls, scanned: ScannedPackage, layer: str) -> VirtualSource:
        def touches(name: str) -> bool:
            return name == layer or name.startswith(layer + ".")

        sites = tuple(s for s in scanned.sites if touches(s.importer) or touches(s.imported))
        return cls(replace(scanned, sites=sites))

    # The GraphSource port.
    def scan(self, package: str) -> ScannedPackage:
        return self.scanned

    def definitions(self, modules: Iterable[str]) -> tuple[Definition, ...]:
        return ()

    def digest(self, package: str) -> str:
        return ""

    # Reading.
    def module(self, name: str) -> ScannedModule | None:
        return next((m for m in self.scanned.modules if m.name == name), None)

    def sites(self, keep: Callable[[ImportSite], bool]) -> list[ImportSite]:
        return [s for s in self.scanned.sites if keep(s)]

    # Editing.
    def _with(
        self,
        modules: Iterable[ScannedModule] | None = None,
        sites: Iterable[ImportSite] | None = None,
    ) -> VirtualSource:
        scanned = self.scanned
        return VirtualSource(
            replace(
                scanned,
                modules=tuple(scanned.modules if modules is None else modules),
                sites=tuple(scanned.sites if sites is None else sites),
            )
        )

    def rename(self, old: str, new: str) -> VirtualSource:
        """`old` and its submodules named under `new`, and every statement with them; the
        packages above `new` that do not exist yet are added, empty."""
        modules = [
            replace(
                m,
                name=_renamed(m.name, old, new),
                file=_module_file(_renamed(m.name, old, new), is_package=m.is_package),
            )
            if _renamed(m.name, old, new) != m.name
            else m
            for m in self.scanned.modules
        ]
        files = {m.name: m.file for m in modules}
        sites = [
            replace(
                s,
                importer=(importer := _renamed(s.importer, old, new)),
                imported=_renamed(s.imported, old, new),
                file=files.get(importer, s.file),
            )
            for s in self.scanned.sites
        ]
        moved = self._with(modules, sites)
        parent = new.rpartition(".")[0]
        while parent and moved.module(parent) is None:
            moved = moved.add_module(parent, 0, is_package=True)
            parent = parent.rpartition(".")[0]
        return moved

    def remove(self, name: str, into: tuple[str, ...]) -> VirtualSource:
        """`name` gone; its statements gone, and those importing it import `into` instead."""
        modules = [m for m in self.scanned.modules if m.name != name]
        sites: list[ImportSite] = []
        for site in self.scanned.sites:
            if site.importer == name:
                continue
            if site.imported == name:
                sites += [replace(site, imported=target) for target in into]
            else:
                sites.append(site)
        return self._with(modules, sites)

    def add_module(self, name: str, lines: int, *, is_package: bool = False) -> VirtualSource:
        file = _module_file(name, is_package=is_package)
        added = ScannedModule(name, file, lines, is_package=is_package)
        return self._with([*self.scanned.modules, added])

    def resize(self, name: str, lines: int) -> VirtualSource:
        return self._with(
            replace(m, lines=max(0, lines)) if m.name == name else m for m in self.scanned.modules
        )

    def retype(self, keep: Callable[[ImportSite], bool], kind: ImportKind) -> VirtualSource:
        """The statements `keep` picks, of `kind` now."""
        return self._with(
            sites=(replace(s, kind=kind) if keep(s) else s for s in self.scanned.sites)
        )

    def drop(self, keep: Callable[[ImportSite], bool]) -> VirtualSource:
        """The statements `keep` picks, gone."""
        return self._with(sites=(s for s in self.scanned.sites if not keep(s)))

    def add(self, sites: Iterable[ImportSite]) -> VirtualSource:
        return self._with(sites=[*self.scanned.sites, *sites])

    def statement(
        self, importer: str, imported: str, line: int, kind: ImportKind, text: str
    ) -> ImportSite:
        """A new statement of `importer` (its file as this source names it)."""
        found = self.module(importer)
        file = found.file if found else _module_file(importer, is_package=False)
        return ImportSite(importer, imported, file, line, text, kind)
