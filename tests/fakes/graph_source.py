"""An in-memory GraphSource: modules and imports given as data."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from analyzer.model import Definition, ImportKind, ImportSite
from analyzer.ports import ScannedModule, ScannedPackage

__all__ = ["FakeGraphSource"]


class FakeGraphSource:
    """Edges as (importer, imported) or (importer, imported, kind); every module has `lines`."""

    def __init__(
        self,
        edges: Sequence[tuple[str, str] | tuple[str, str, ImportKind]],
        *,
        modules: Iterable[str] = (),
        lines: Mapping[str, int] | None = None,
        reexports: Mapping[str, tuple[str, ...]] | None = None,
        definitions: Sequence[Definition] = (),
    ) -> None:
        self.sites = [
            ImportSite(
                importer=e[0],
                imported=e[1],
                file=e[0].replace(".", "/") + ".py",
                line=i + 1,
                text=f"import {e[1]}",
                kind=e[2] if len(e) == 3 else ImportKind.IMPORT_TIME,  # type: ignore[misc]
            )
            for i, e in enumerate(edges)
        ]
        names = {*modules, *(e[0] for e in edges), *(e[1] for e in edges)}
        self.modules = sorted(names)
        self.lines = dict(lines or {})
        self.reexports = dict(reexports or {})
        self._definitions = tuple(definitions)

    def scan(self, package: str) -> ScannedPackage:
        return ScannedPackage(
            root="/fake",
            package=package.split(".")[0],
            modules=tuple(
                ScannedModule(
                    name=name,
                    file=name.replace(".", "/") + ".py",
                    lines=self.lines.get(name, 10),
                    reexports_from=self.reexports.get(name),
                )
                for name in self.modules
            ),
            sites=tuple(sorted(self.sites)),
        )

    def digest(self, package: str) -> str:
        return repr((package, self.scan(package), self._definitions))

    def definitions(self, modules: Iterable[str]) -> tuple[Definition, ...]:
        wanted = set(modules)
        return tuple(d for d in self._definitions if d.module in wanted)
