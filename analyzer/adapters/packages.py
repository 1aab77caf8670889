"""Find a package's files under a source root, never through the interpreter's import path.

A user's package may be named like one of ours (`analyzer`, `reports`, `bot`) or like a
module already imported in this process; `importlib` would hand us the wrong files.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from analyzer.errors import PackageNotFound, RootNotFound

__all__ = ["find_package_directory", "require_root"]


def require_root(root: Path) -> Path:
    if not root.is_dir():
        raise RootNotFound(
            f"Source root '{root}' does not exist or is not a directory.",
            hint="Pass --root with the directory that holds your top-level package.",
        )
    return root.resolve()


def find_package_directory(root: Path, package: str) -> Path:
    """The directory of dotted `package` under `root`; a close name is suggested when absent."""
    directory = root
    for depth, part in enumerate(package.split(".")):
        candidate = directory / part
        if not (candidate.is_dir() and _holds_python(candidate)):
            known = _subpackages(directory)
            near = difflib.get_close_matches(part, known, n=1)
            where = f"under {directory}" if depth == 0 else f"in package '{directory.name}'"
            hint = (
                f"Did you mean '{_dotted(package, depth, near[0])}'?"
                if near
                else ("Pass --root with the directory that holds the package (e.g. src).")
            )
            if (directory / f"{part}.py").is_file():
                hint = f"'{part}' is a module, not a package; analyse its package instead."
            raise PackageNotFound(f"No package '{package}' {where}.", hint=hint)
        directory = candidate
    return directory


def _dotted(package: str, depth: int, replacement: str) -> str:
    parts = package.split(".")
    return ".".join([*parts[:depth], replacement])


def _holds_python(directory: Path) -> bool:
    return (directory / "__init__.py").is_file() or any(directory.rglob("*.py"))


def _subpackages(directory: Path) -> list[str]:
    try:
        return sorted(
            child.name
            for child in directory.iterdir()
            if child.is_dir() and child.name.isidentifier() and (child / "__init__.py").is_file()
        )
    except OSError:
        return []
