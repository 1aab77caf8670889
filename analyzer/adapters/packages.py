"""Find a package's files under a source root, never through the interpreter's import path.

A user's package may be named like one of ours (`analyzer`, `reports`, `bot`) or like a
module already imported in this process; `importlib` would hand us the wrong files.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

from analyzer.errors import PackageNotFound, RootNotFound

__all__ = ["find_package_directory", "module_paths", "require_root"]


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


def module_paths(directory: Path, package: str) -> dict[str, str] | None:
    """Every module of the regular package `package` in `directory`: name -> file.

    The modules Python can import, found without loading grimp (a warm scan needs nothing
    else from it): below the top, directories with an identifier for a name, with an
    `__init__.py` or holding `.py` files of their own (a folder without `__init__.py` is a
    namespace package portion, PEP 420, and `import package.folder.module` works; folders of
    data, such as translations or static files, are not walked further); only `.py` files
    with no other dot, not hidden. None for a namespace package (no `__init__.py` at the top),
    which grimp's finder handles.
    """
    top = str(directory)
    if not os.path.isfile(os.path.join(top, "__init__.py")):
        return None
    paths: dict[str, str] = {}
    for dirpath, dirs, files in os.walk(top, followlinks=True):
        if "__init__.py" not in files and not any(name.endswith(".py") for name in files):
            dirs.clear()
            continue
        dirs[:] = [d for d in dirs if d.isidentifier()]
        inner = dirpath[len(top) + 1 :]
        prefix = ".".join([package, *inner.split(os.sep)]) if inner else package
        for filename in files:
            if filename.startswith(".") or not filename.endswith(".py"):
                continue
            if filename.count(".") > 1:
                continue
            name = prefix if filename == "__init__.py" else f"{prefix}.{filename[:-3]}"
            paths[name] = os.path.join(dirpath, filename)
    return paths
