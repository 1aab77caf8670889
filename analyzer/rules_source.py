"""The graph the rules are checked on: grimp's graph of several top-level packages on disk.

An adapter: it finds the packages under `root` (never importing them), lets grimp scan them
together so that imports between them are edges too, and maps each module to its file.
"""

from __future__ import annotations

from pathlib import Path

import grimp
from grimp.adaptors.filesystem import FileSystem
from grimp.adaptors.modulefinder import ModuleFinder
from grimp.application.ports.modulefinder import FoundPackage, ModuleFile
from grimp.application.scanning import scan_imports
from grimp.exceptions import SourceSyntaxError

from analyzer.errors import PackageNotFound, UnparsableModule, UnreadableModule

__all__ = ["build_rules_graph"]


def build_rules_graph(
    root: Path, packages: tuple[str, ...], *, cwd: Path | None = None
) -> tuple[grimp.ImportGraph, dict[str, str]]:
    """grimp's graph of `packages` (top-level names) under `root`, and each module's file
    (relative to `cwd` when given and possible, so that CI and editors find it)."""
    found = _find_packages(root, packages)
    module_files = [module_file for package in found for module_file in package.module_files]
    try:
        scanned = scan_imports(
            module_files,
            found_packages=found,
            include_external_packages=False,
            exclude_type_checking_imports=False,
        )
    except SourceSyntaxError as error:
        raise UnparsableModule(
            f"{error.filename}:{error.lineno}: invalid syntax",
            file=str(error.filename),
            line=error.lineno,
            hint="Fix the syntax error first.",
        ) from error
    except UnicodeError as error:  # grimp reads every file as UTF-8
        raise _not_utf8(root, module_files, cwd) from error
    graph = grimp.ImportGraph()
    files: dict[str, str] = {}
    for module_file in module_files:
        graph.add_module(module_file.module.name)
        files[module_file.module.name] = _shown(root, _file_of(root, module_file.module.name), cwd)
    for module_file, imports in scanned.items():
        for direct in imports:
            graph.add_import(
                importer=module_file.module.name,
                imported=direct.imported.name,
                line_number=direct.line_number,
                line_contents=direct.line_contents,
            )
    return graph, files


def _not_utf8(root: Path, module_files: list[ModuleFile], cwd: Path | None) -> UnreadableModule:
    """The first file, in name order, that is not UTF-8, as the error that names it."""
    for module_file in sorted(module_files, key=lambda each: each.module.name):
        file = _file_of(root, module_file.module.name)
        data = (root / file).read_bytes()
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as error:
            line = data.count(b"\n", 0, error.start) + 1
            return UnreadableModule(
                f"{_shown(root, file, cwd)}:{line}: not UTF-8 (byte {data[error.start]:#04x}).",
                hint="Save the file as UTF-8 (what Python reads by default), or move it out of "
                "the package.",
                code="not-utf8",
            )
    return UnreadableModule("A file is not UTF-8.", hint="Save every file as UTF-8.")


def _file_of(root: Path, name: str) -> str:
    """The module's file relative to `root`: `a/b.py`, or `a/b/__init__.py` for a package."""
    module = Path(*name.split(".")).with_suffix(".py")
    return (
        module.as_posix()
        if (root / module).is_file()
        else (module.with_suffix("") / "__init__.py").as_posix()
    )


def _shown(root: Path, file: str, cwd: Path | None) -> str:
    if cwd is None:
        return file
    try:
        return (root / file).resolve().relative_to(cwd.resolve()).as_posix()
    except ValueError:
        return file


def _find_packages(root: Path, packages: tuple[str, ...]) -> set[FoundPackage]:
    found = set()
    for package in packages:
        directory = root / package
        if not (directory / "__init__.py").is_file():
            raise PackageNotFound(
                f"No package '{package}' under {root}.",
                hint="List the top-level packages to check in the rules' `packages`.",
            )
        found.add(
            ModuleFinder().find_package(
                package_name=package, package_directory=str(directory), file_system=FileSystem()
            )
        )
    return found
