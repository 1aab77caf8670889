"""grimp's side of a scan: the package as grimp describes it, and the imports it resolves.

grimp parses the files (in Rust, in parallel) and resolves every import between modules of the
package; its errors become ours here, once. Loaded only when a file is not in the scan cache.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from analyzer.errors import UnparsableModule

if TYPE_CHECKING:
    from grimp.application.ports.modulefinder import FoundPackage
    from grimp.domain.valueobjects import DirectImport

__all__ = ["found_by_grimp", "grimp_imports", "paths_of"]


def grimp_imports(
    root: Path,
    top: str,
    found: FoundPackage | None,
    paths: dict[str, str],
    names: list[str],
    *,
    relative: Callable[[str], str],
) -> dict[str, set[DirectImport]]:
    """grimp's imports of modules `names`, resolved against every module in `paths`; a syntax
    error names its file by `relative`."""
    from grimp.application.scanning import scan_imports
    from grimp.exceptions import SourceSyntaxError

    if found is None:
        found = _found_package(root, top, paths)
    files = {module_file.module.name: module_file for module_file in found.module_files}
    try:
        scanned = scan_imports(
            [files[name] for name in names],
            found_packages={found},
            include_external_packages=False,
            exclude_type_checking_imports=False,
        )
    except SourceSyntaxError as error:
        raise UnparsableModule(
            f"{relative(error.filename)}:{error.lineno}: invalid syntax"
            + (f": {error.text.strip()}" if error.text else ""),
            file=relative(error.filename),
            line=error.lineno,
            hint="Fix it first: a graph without this file could hide a cycle.",
        ) from error
    return {module_file.module.name: direct for module_file, direct in scanned.items()}


def _found_package(root: Path, top: str, paths: dict[str, str]) -> FoundPackage:
    """grimp's description of a regular package whose modules we listed."""
    from grimp.application.ports.modulefinder import FoundPackage, ModuleFile
    from grimp.domain.valueobjects import Module

    return FoundPackage(
        name=top,
        directory=str(root / top),
        # grimp reads modification times only for its own cache, which is not used here.
        module_files=frozenset(ModuleFile(module=Module(name), mtime=0.0) for name in paths),
        namespace_packages=frozenset(),
    )


def found_by_grimp(root: Path, top: str) -> FoundPackage:
    """A namespace package, as grimp's module finder sees it."""
    from grimp.adaptors.filesystem import FileSystem
    from grimp.adaptors.modulefinder import ModuleFinder

    return ModuleFinder().find_package(
        package_name=top, package_directory=str(root / top), file_system=FileSystem()
    )


def paths_of(found: FoundPackage) -> dict[str, str]:
    """Each module of a package grimp found: name -> file."""
    paths = {}
    for module_file in found.module_files:
        name = module_file.module.name
        base = os.path.join(found.directory, *name.split(".")[1:])
        package_init = os.path.join(base, "__init__.py")
        paths[name] = package_init if os.path.isfile(package_init) else base + ".py"
    return paths
