"""What the codemods ask of the outside world, as ports the composition root fills."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

__all__ = ["CycleFinder"]


class CycleFinder(Protocol):
    """Finds the import cycles of a package in a source tree (the CLI fills it with analyzer)."""

    def cycles(
        self, root: Path, package: str, *, import_time: bool = False
    ) -> tuple[tuple[str, ...], ...]:
        """Each cycle's modules (a strongly connected component with more than one), sorted.

        Every kind of import counts; with `import_time`, only the cycles that module-level
        imports close on their own (those that can fail when the package is imported). An
        import also runs the `__init__` of each parent package of what it imports, so a cycle
        closed through a parent's `__init__` is one.
        """
        ...

    def package_cycles(self, root: Path, package: str) -> tuple[tuple[str, ...], ...]:
        """Each cycle between sibling packages (every module folded into its ancestor that is
        a child of the deepest package both sides share), sorted; one of modules alone is a
        module cycle and not repeated here."""
        ...
