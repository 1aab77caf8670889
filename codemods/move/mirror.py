"""Where things go: the moved files, the packages to create, and the mirrored test module."""

from __future__ import annotations

from pathlib import Path

from codemods.engine.apply import FileMove
from codemods.engine.layout import ModuleLocation

__all__ = ["mirrored_test_packages", "mirrored_tests", "missing_packages", "moved_files"]

_TEST_DIRS = ("tests", "test")


def moved_files(source: ModuleLocation, target: Path) -> list[FileMove]:
    """Every file of OLD (one module with its stub, or a whole package with its data files and
    stubs) and its new path."""
    if not source.is_package:
        stub = source.path.with_suffix(".pyi")
        stubs = [FileMove(stub, target.with_suffix(".pyi"))] if stub.is_file() else []
        return [FileMove(source.path, target), *stubs]
    return [
        FileMove(path, target / path.relative_to(source.path))
        for path in sorted(source.path.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    ]


def missing_packages(import_root: Path, new: str) -> list[Path]:
    """The `__init__.py` files to create so that NEW's parent packages exist."""
    created: list[Path] = []
    directory = import_root
    for part in new.split(".")[:-1]:
        directory = directory / part
        namespace = directory.is_dir() and any(directory.glob("*.py"))
        if not (directory / "__init__.py").exists() and not namespace:
            created.append(directory / "__init__.py")
    return created


def _split_test_path(root: Path, path: Path) -> tuple[Path, tuple[str, ...]] | None:
    parts = path.relative_to(root).parts
    for index, part in enumerate(parts[:-1]):
        if part in _TEST_DIRS:
            return root.joinpath(*parts[: index + 1]), parts[index + 1 : -1]
    return None


def _mirror_dir(
    dirs: tuple[str, ...], old_parents: list[str], new_parents: list[str]
) -> tuple[str, ...] | None:
    for drop in (0, 1):
        want = tuple(old_parents[drop:])
        if drop and not want:
            continue
        if len(dirs) >= len(want) and dirs[len(dirs) - len(want) :] == want:
            return dirs[: len(dirs) - len(want)] + tuple(new_parents[drop:])
    return None


def mirrored_tests(root: Path, files: list[Path], old: str, new: str) -> list[FileMove]:
    """The test module (or test package) mirroring OLD, moved to the mirrored place of NEW.

    `tests/unit/a/b/test_c.py` mirrors `a.b.c` (so does `tests/unit/b/test_c.py`, without the
    top package); it moves to `tests/unit/n/test_d.py` for `n.d`.
    """
    *old_parents, old_leaf = old.split(".")
    *new_parents, new_leaf = new.split(".")
    moves: list[FileMove] = []
    for path in files:
        split = _split_test_path(root, path)
        if split is None:
            continue
        base, dirs = split
        if path.name == f"test_{old_leaf}.py":
            mirrored = _mirror_dir(dirs, old_parents, new_parents)
            if mirrored is not None:
                moves.append(FileMove(path, base.joinpath(*mirrored, f"test_{new_leaf}.py")))
        elif old_leaf in dirs:
            at = dirs.index(old_leaf)
            mirrored = _mirror_dir(dirs[:at], old_parents, new_parents)
            if mirrored is not None:
                rest = path.relative_to(base.joinpath(*dirs[: at + 1]))
                moves.append(FileMove(path, base.joinpath(*mirrored, new_leaf, rest)))
    return [m for m in moves if not m.target.exists()]


def mirrored_test_packages(moves: list[FileMove]) -> list[Path]:
    """`__init__.py` files for new test directories, where the old test directory had one."""
    created: set[Path] = set()
    for move in moves:
        if not (move.source.parent / "__init__.py").exists():
            continue
        directory = move.target.parent
        while not directory.exists():
            created.add(directory / "__init__.py")
            directory = directory.parent
    return sorted(created)
