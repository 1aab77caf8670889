"""Where a repository's modules are: its import roots and the Python files under them.

Modules are found on disk, from the repository's own roots (`src/` layouts, the package
directories pyproject declares, the root itself), never through the interpreter's `sys.path`:
the package being changed may also be installed, or share a name with something imported here.
"""

from __future__ import annotations

import difflib
import os
import subprocess
import tomllib
from dataclasses import dataclass
from pathlib import Path

from codemods.engine.errors import ModuleNotFound

__all__ = ["Layout", "ModuleLocation", "find_repository_root", "python_files", "walk_sources"]

# Never the user's code, at any depth: VCS data, environments, caches.
_SKIP_DIRS = frozenset(
    {
        ".git",
        ".hg",
        ".venv",
        ".tox",
        ".nox",
        "node_modules",
        "__pycache__",
        "site-packages",
        ".unknot_cache",
        ".mypy_cache",
        ".pytest_cache",
        ".ruff_cache",
        ".bench",
    }
)
# Build output, skipped only at the top of the repository (a package may be named `build`).
_SKIP_TOP_DIRS = frozenset({"build", "dist", "venv"})


def find_repository_root(start: Path) -> Path:
    """The enclosing git work tree, else the nearest directory with a pyproject.toml, else start."""
    start = start.resolve()
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"],
            cwd=start,
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        out = None
    if out is not None and out.returncode == 0 and out.stdout.strip():
        return Path(out.stdout.strip()).resolve()
    for candidate in (start, *start.parents):
        if (candidate / "pyproject.toml").is_file():
            return candidate
    return start


def walk_sources(root: Path, suffixes: tuple[str, ...]) -> list[Path]:
    """Every file under `root` ending in one of `suffixes`, sorted, skipping environments
    (any directory with a `pyvenv.cfg`), caches and build output."""
    found: list[Path] = []
    for directory, dirs, files in os.walk(root):
        top = Path(directory) == root
        dirs[:] = sorted(
            d
            for d in dirs
            if d not in _SKIP_DIRS
            and not (top and d in _SKIP_TOP_DIRS)
            and not d.endswith(".egg-info")
            and not Path(directory, d, "pyvenv.cfg").exists()
        )
        found.extend(Path(directory, f) for f in files if f.endswith(suffixes))
    return sorted(found)


def python_files(root: Path) -> list[Path]:
    """Every `.py` file under `root` (tests included), sorted, skipping caches and environments."""
    return walk_sources(root, (".py",))


def _declared_roots(root: Path) -> list[Path]:
    pyproject = root / "pyproject.toml"
    if not pyproject.is_file():
        return []
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return []
    tool = data.get("tool", {})
    setuptools = tool.get("setuptools", {})
    declared: list[str] = []
    find = setuptools.get("packages", {})
    if isinstance(find, dict):
        where = find.get("find", {}).get("where", [])
        declared.extend(w for w in where if isinstance(w, str))
    package_dir = setuptools.get("package-dir", {})
    if isinstance(package_dir, dict) and isinstance(package_dir.get(""), str):
        declared.append(package_dir[""])
    for entry in tool.get("poetry", {}).get("packages", []):
        if isinstance(entry, dict) and isinstance(entry.get("from"), str):
            declared.append(entry["from"])
    return [root / d for d in declared]


@dataclass(frozen=True)
class ModuleLocation:
    """A module or package found on disk: its import root and its file or directory."""

    name: str
    root: Path
    path: Path

    @property
    def is_package(self) -> bool:
        return self.path.is_dir()


@dataclass(frozen=True)
class Layout:
    """The repository root and its import roots, deepest first."""

    root: Path
    import_roots: tuple[Path, ...]

    @classmethod
    def detect(cls, root: Path, import_roots: tuple[Path, ...] = ()) -> Layout:
        """Given roots win; otherwise `src/`, the directories pyproject declares, then root."""
        root = root.resolve()
        if import_roots:
            roots = [r.resolve() for r in import_roots]
        else:
            roots = [*_declared_roots(root), root / "src", root]
        unique = {r.resolve(): None for r in roots if r.is_dir()}
        ordered = sorted(unique, key=lambda r: len(r.parts), reverse=True)
        return cls(root=root, import_roots=tuple(ordered))

    def module_of(self, path: Path) -> tuple[str, str] | None:
        """`(module, package)` of a Python file, from the deepest import root that holds it."""
        for import_root in self.import_roots:
            try:
                rel = (path if path.is_absolute() else path.resolve()).relative_to(import_root)
            except ValueError:
                continue
            parts = list(rel.with_suffix("").parts)
            is_init = parts and parts[-1] == "__init__"
            if is_init:
                parts = parts[:-1]
            if not parts or not all(p.isidentifier() for p in parts):
                return None
            module = ".".join(parts)
            return module, module if is_init else ".".join(parts[:-1])
        return None

    def locate(self, module: str) -> ModuleLocation | None:
        """The module or package `module` in the first import root that has it."""
        rel = Path(*module.split("."))
        for import_root in self.import_roots:
            as_file = import_root / rel.with_suffix(".py")
            if as_file.is_file():
                return ModuleLocation(module, import_root, as_file)
            as_dir = import_root / rel
            if as_dir.is_dir() and any(as_dir.glob("*.py")):
                return ModuleLocation(module, import_root, as_dir)
        return None

    def home_for(self, new: str, source: ModuleLocation) -> Path:
        """The import root NEW goes into: the one holding NEW's top package, else OLD's."""
        top = new.split(".", maxsplit=1)[0]
        for import_root in self.import_roots:
            if (import_root / top).is_dir() or (import_root / f"{top}.py").is_file():
                return import_root
        return source.root

    def require(self, module: str, files: list[Path] | None = None) -> ModuleLocation:
        """`module`'s location; `ModuleNotFound`, with close names, when it has none."""
        found = self.locate(module)
        if found is None:
            raise self.not_found(module, files)
        return found

    def not_found(self, module: str, files: list[Path] | None = None) -> ModuleNotFound:
        """The error for a module that is not under the import roots, with close names."""
        known = self.all_modules(files if files is not None else python_files(self.root))
        close = difflib.get_close_matches(module, known, n=3, cutoff=0.6)
        return ModuleNotFound(
            f"No module '{module}' under the import roots of {self.root}.",
            hint=f"Did you mean {', '.join(close)}?"
            if close
            else "Check --root and --import-root.",
        )

    def all_modules(self, files: list[Path]) -> list[str]:
        """Every module and package name among `files` (for close-name suggestions)."""
        names: set[str] = set()
        for path in files:
            found = self.module_of(path)
            if found is not None:
                names.add(found[0])
        return sorted(names)
