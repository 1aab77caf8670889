"""A CycleFinder whose answers are given as data: cycles reported when a file exists."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

__all__ = ["FakeCycleFinder"]

Cycles = tuple[tuple[str, ...], ...]


class FakeCycleFinder:
    """`cycles_when[path]` is reported for a package whenever `root / path` exists;
    `import_time_when[(path, line)]` is reported when asked for import-time cycles only, and
    whenever `root / path` has `line` at module level (unindented); `packages_when[path]`, the
    cycles between packages, whenever `root / path` exists.

    The codemod asks once for the tree as it is and once for a scratch copy with the change
    applied, so a file that only exists after the move stands for a cycle the move creates, and
    an import line that only exists before a change stands for a cycle the change breaks.
    """

    def __init__(
        self,
        cycles_when: Mapping[str, Cycles] | None = None,
        *,
        import_time_when: Mapping[tuple[str, str], Cycles] | None = None,
        packages_when: Mapping[str, Cycles] | None = None,
    ) -> None:
        self.cycles_when = dict(cycles_when or {})
        self.packages_when = dict(packages_when or {})
        self.import_time_when = dict(import_time_when or {})
        self.calls: list[tuple[Path, str]] = []

    def cycles(self, root: Path, package: str, *, import_time: bool = False) -> Cycles:
        self.calls.append((root, package))
        found: list[tuple[str, ...]] = []
        for path, cycles in sorted(self.cycles_when.items()):
            if (root / path).exists():
                found += [c for c in cycles if c[0].split(".")[0] == package]
        if import_time:
            for (path, line), cycles in sorted(self.import_time_when.items()):
                file = root / path
                if file.is_file() and line in file.read_text(encoding="utf-8").splitlines():
                    found += [c for c in cycles if c[0].split(".")[0] == package]
        return tuple(sorted(set(found)))

    def package_cycles(self, root: Path, package: str) -> Cycles:
        found = [
            c
            for path, cycles in sorted(self.packages_when.items())
            if (root / path).exists()
            for c in cycles
            if c[0].split(".")[0] == package
        ]
        return tuple(sorted(set(found)))
