"""What the analysis needs from the outside world, as ports the CLI fills with adapters."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from analyzer.model import Analysis, Definition, ImportSite

__all__ = [
    "AnalysisStore",
    "CutStore",
    "GraphSource",
    "ScannedModule",
    "ScannedPackage",
    "SolvedComponent",
]


@dataclass(frozen=True, order=True)
class ScannedModule:
    """A module found on disk: its file (relative to the root), size, and shim sources.

    `reexports_from` is set when the module only re-exports names from those modules.
    """

    name: str
    file: str
    lines: int
    is_package: bool = False
    reexports_from: tuple[str, ...] | None = None


@dataclass(frozen=True)
class ScannedPackage:
    """Every module of a top-level package and every import between two of them."""

    root: str
    package: str
    modules: tuple[ScannedModule, ...]
    sites: tuple[ImportSite, ...]


class GraphSource(Protocol):
    """Reads a package's modules and imports, without importing or running any of it."""

    def scan(self, package: str) -> ScannedPackage:
        """The package that holds `package` (its top-level package), scanned whole."""
        ...

    def definitions(self, modules: Iterable[str]) -> tuple[Definition, ...]:
        """The top-level functions and classes of the given modules, with their sizes."""
        ...

    def digest(self, package: str) -> str:
        """A digest of everything `scan(package)` reads: equal digests give equal scans."""
        ...


@dataclass(frozen=True)
class SolvedComponent:
    """What the search found for a strongly connected weighted graph: the edges to cut,
    whether they are a proven minimum, one shortest cycle of the graph, and one cycle through
    each cut edge."""

    cut: tuple[tuple[str, str], ...]
    exact: bool
    witness: tuple[str, ...]
    cut_witnesses: tuple[tuple[str, ...], ...]


class CutStore(Protocol):
    """Remembers what was found for a component, keyed by a digest of its weighted edges (which
    also encode each edge's kind and the statements of the kinds cut), so an unchanged layer
    does not pay for the search again."""

    def get(self, key: str) -> SolvedComponent | None: ...

    def put(self, key: str, solved: SolvedComponent) -> None: ...


class AnalysisStore(Protocol):
    """Remembers whole analyses, keyed by a digest of all they were computed from (the
    target's settings and the scanned files), so an unchanged layer is not analysed again."""

    def get(self, key: str) -> Analysis | None: ...

    def put(self, key: str, analysis: Analysis) -> None: ...
