"""The port of the planner's in-memory predictions: the layer's import graph, edited as a
step would edit the code, with the analyzer's figures and facts read back from it (the CLI
fills it with the analyzer's virtual refactorings)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from codemods.plans.facts import LayerFacts
from codemods.plans.model import Figures

__all__ = ["ImportFact", "VirtualGraph"]

IMPORT_TIME, DEFERRED, TYPING = "import-time", "deferred", "typing"


@dataclass(frozen=True, order=True)
class ImportFact:
    """One import statement: `importer` imports `imported` at `line` of its file, of `kind`
    (the analyzer's import kinds: "import-time", "deferred", "typing", ...)."""

    importer: str
    imported: str
    line: int
    kind: str
    text: str = ""


class VirtualGraph(Protocol):
    """A layer's import graph as the steps so far would leave it. Edits return a new graph."""

    def origin(self, module: str) -> Path | None:
        """The file that held the module's code before any step (None for one a step made)."""
        ...

    def lines(self, module: str) -> int | None:
        """The module's size in lines; None when there is no such module."""
        ...

    def carried(self, module: str) -> dict[str, str]:
        """The names earlier steps moved out of the module's code, each with where it went."""
        ...

    def carrying(self, module: str, names: Iterable[str], dest: str) -> VirtualGraph:
        """The graph, knowing that `names` left the module's code for `dest`."""
        ...

    def shim_sources(self, module: str) -> tuple[str, ...]:
        """The modules a re-export shim re-exports from (empty for any other module)."""
        ...

    def imports_of(self, importer: str) -> list[ImportFact]: ...

    def importers_of(self, imported: str) -> list[ImportFact]: ...

    def renamed(self, old: str, new: str) -> VirtualGraph:
        """`old` and its submodules under `new`, with every import of them."""
        ...

    def removed(self, module: str, into: tuple[str, ...]) -> VirtualGraph:
        """`module` gone; its importers import `into` instead."""
        ...

    def added(self, module: str, lines: int) -> VirtualGraph:
        """A new module (and the packages above it that do not exist yet)."""
        ...

    def resized(self, module: str, lines: int) -> VirtualGraph: ...

    def retyped(self, imports: Iterable[ImportFact], kind: str) -> VirtualGraph: ...

    def without(self, imports: Iterable[ImportFact]) -> VirtualGraph: ...

    def with_imports(self, imports: Iterable[ImportFact]) -> VirtualGraph: ...

    def figures(self) -> Figures:
        """The analyzer's figures of the layer in this graph, with the gates it fails."""
        ...

    def facts(self) -> LayerFacts:
        """The planner's facts of the layer in this graph; each module's file is its origin."""
        ...
