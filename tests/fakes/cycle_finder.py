"""A CycleFinder whose answers are given as data: cycles reported when a file exists."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

__all__ = ["FakeCycleFinder"]


class FakeCycleFinder:
    """`cycles_when[path]` is reported for a package whenever `root / path` exists.

    The codemod asks once for the tree as it is and once for a scratch copy with the change
    applied, so a file that only exists after the move stands for a cycle the move creates.
    """

    def __init__(self, cycles_when: Mapping[str, tuple[tuple[str, ...], ...]]) -> None:
        self.cycles_when = dict(cycles_when)
        self.calls: list[tuple[Path, str]] = []

    def cycles(self, root: Path, package: str) -> tuple[tuple[str, ...], ...]:
        self.calls.append((root, package))
        found: list[tuple[str, ...]] = []
        for path, cycles in sorted(self.cycles_when.items()):
            if (root / path).exists():
                found += [c for c in cycles if c[0].split(".")[0] == package]
        return tuple(sorted(set(found)))
