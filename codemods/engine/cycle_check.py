"""After a change: which import cycles did it create or break? Asked through `CycleFinder`.

The changed files are laid out in a scratch copy of the touched packages, so the check also
works for a dry run, and the cycles found there are compared with those of the tree as it is.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from codemods.engine.apply import ChangeSet
from codemods.engine.layout import Layout
from codemods.engine.names import Rename
from codemods.engine.ports import CycleFinder

__all__ = ["CycleDelta", "cycle_delta", "new_cycles"]


@dataclass(frozen=True)
class CycleDelta:
    """The import cycles of the touched packages before and after a change, each sorted."""

    before: tuple[tuple[str, ...], ...]
    after: tuple[tuple[str, ...], ...]
    packages_before: tuple[tuple[str, ...], ...] = ()
    packages_after: tuple[tuple[str, ...], ...] = ()

    @property
    def new(self) -> tuple[tuple[str, ...], ...]:
        """The cycles the change creates."""
        return tuple(c for c in self.after if c not in set(self.before))

    @property
    def new_packages(self) -> tuple[tuple[str, ...], ...]:
        """The cycles between packages the change creates."""
        return tuple(c for c in self.packages_after if c not in set(self.packages_before))

    @property
    def removed(self) -> tuple[tuple[str, ...], ...]:
        """The cycles the change breaks (a cycle that only shrinks is not broken)."""
        return tuple(c for c in self.before if c not in set(self.after))


def _copy_tree(layout: Layout, packages: list[tuple[Path, str]], scratch: Path) -> dict[Path, Path]:
    """Copy each (import root, package) into `scratch`; return each import root's copy."""
    copies: dict[Path, Path] = {}
    for index, import_root in enumerate(layout.import_roots):
        copies[import_root] = scratch / str(index)
        copies[import_root].mkdir()
    for import_root, package in packages:
        source = import_root / package
        if source.is_dir():
            shutil.copytree(
                source,
                copies[import_root] / package,
                ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
            )
        elif source.with_suffix(".py").is_file():
            shutil.copy2(source.with_suffix(".py"), copies[import_root] / f"{package}.py")
    return copies


def _relocate(path: Path, copies: dict[Path, Path]) -> Path | None:
    for import_root, copy in copies.items():  # deepest import root first
        if path.is_relative_to(import_root):
            return copy / path.relative_to(import_root)
    return None


def _apply_in_copy(changes: ChangeSet, copies: dict[Path, Path]) -> None:
    for move in changes.moves:
        source, target = _relocate(move.source, copies), _relocate(move.target, copies)
        if source is not None and target is not None and source.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            source.replace(target)
    for path, text in changes.writes:
        copy = _relocate(path, copies)
        if copy is not None and path.suffix == ".py":
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.write_text(text, encoding="utf-8")
    for path in changes.deletes:
        copy = _relocate(path, copies)
        if copy is not None and copy.exists():
            copy.unlink()


def _top_packages(layout: Layout, names: list[str]) -> list[tuple[Path, str]]:
    """The top-level packages of `names` that exist (a top-level module has no cycle of its
    own to analyse)."""
    found = []
    for top in sorted({n.split(".")[0] for n in names}):
        for import_root in layout.import_roots:
            if (import_root / top / "__init__.py").is_file():
                found.append((import_root, top))
                break
    return found


def new_cycles(
    layout: Layout,
    changes: ChangeSet,
    touched: list[str],
    finder: CycleFinder,
    *,
    rename: Rename | None = None,
) -> tuple[tuple[str, ...], ...]:
    """The import cycles in the packages of the `touched` modules after `changes` that were not
    there before (a module renamed by `rename` counts under its new name)."""
    return cycle_delta(layout, changes, touched, finder, rename=rename).new


def _renamed(cycle: tuple[str, ...], rename: Rename | None) -> tuple[str, ...]:
    if rename is None:
        return cycle
    return tuple(sorted(rename.apply(m) or m for m in cycle))


def cycle_delta(
    layout: Layout,
    changes: ChangeSet,
    touched: list[str],
    finder: CycleFinder,
    *,
    rename: Rename | None = None,
    import_time: bool = False,
    packages: bool = False,
) -> CycleDelta:
    """The import cycles in the packages of the `touched` modules before and after `changes`
    (a module renamed by `rename` counts under its new name); with `import_time`, only those
    that module-level imports close on their own; with `packages`, the cycles between
    packages too."""
    tops = _top_packages(layout, touched)
    before: set[tuple[str, ...]] = set()
    packages_before: set[tuple[str, ...]] = set()
    for import_root, package in tops:
        found = finder.cycles(import_root, package, import_time=import_time)
        before.update(_renamed(c, rename) for c in found)
        if packages:
            found = finder.package_cycles(import_root, package)
            packages_before.update(_renamed(c, rename) for c in found)
    after: set[tuple[str, ...]] = set()
    packages_after: set[tuple[str, ...]] = set()
    with tempfile.TemporaryDirectory(prefix="unknot-cycles-") as scratch:
        copies = _copy_tree(layout, tops, Path(scratch))
        _apply_in_copy(changes, copies)
        for top in sorted({n.split(".")[0] for n in touched}):
            # the copy's own packages: a package the change emptied is gone, a new one is there
            copy = next((c for c in copies.values() if (c / top / "__init__.py").is_file()), None)
            if copy is not None:
                found = finder.cycles(copy, top, import_time=import_time)
                after.update(tuple(sorted(c)) for c in found)
                if packages:
                    packages_after.update(finder.package_cycles(copy, top))
    return CycleDelta(
        tuple(sorted(before)),
        tuple(sorted(after)),
        tuple(sorted(packages_before)),
        tuple(sorted(packages_after)),
    )
