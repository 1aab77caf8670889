"""Our module listing is grimp's (same modules, same files, on sample and real packages), plus
the modules in folders without an `__init__.py`, which Python imports and grimp leaves out."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest
from grimp.adaptors.filesystem import FileSystem
from grimp.adaptors.modulefinder import ModuleFinder

from analyzer.adapters.packages import module_paths

ASSETS = Path(__file__).parents[1] / "assets"


def _grimps(directory: Path, package: str) -> dict[str, str]:
    found = ModuleFinder().find_package(
        package_name=package, package_directory=str(directory), file_system=FileSystem()
    )
    paths = {}
    for module_file in found.module_files:
        name = module_file.module.name
        base = os.path.join(str(directory), *name.split(".")[1:])
        init = os.path.join(base, "__init__.py")
        paths[name] = init if os.path.isfile(init) else base + ".py"
    return paths


def _packages() -> list[tuple[Path, str]]:
    found = [
        (init.parent, init.parent.name)
        for init in sorted(ASSETS.glob("*/**/__init__.py"))
        if not (init.parent.parent / "__init__.py").is_file()
    ]
    for name in ("django", "sympy"):
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.origin is not None:
            found.append((Path(spec.origin).parent, name))
    return found


def _outside_namespace_folders(paths: dict[str, str] | None) -> dict[str, str]:
    """The listing without the modules whose parent is a folder with no `__init__.py`."""
    assert paths is not None
    return {name: path for name, path in paths.items() if name.rsplit(".", 1)[0] in paths}


@pytest.mark.parametrize(("directory", "package"), _packages(), ids=str)
def test_the_listing_is_grimps(directory: Path, package: str) -> None:
    paths = module_paths(directory, package)
    assert _outside_namespace_folders(paths) == _grimps(directory, package)


def test_odd_files_and_directories_are_left_out_as_grimp_does(tmp_path: Path) -> None:
    top = tmp_path / "pkg"
    (top / "sub").mkdir(parents=True)
    (top / "loose").mkdir()
    (top / "not-an-identifier").mkdir()
    for path in ("__init__.py", "a.py", "b.c.py", ".hidden.py", "sub/__init__.py", "sub/d.py",
                 "loose/e.py", "not-an-identifier/__init__.py", "notes.txt"):  # fmt: skip
        (top / path).write_text("")
    paths = module_paths(top, "pkg")
    assert paths is not None
    assert sorted(paths) == ["pkg", "pkg.a", "pkg.loose.e", "pkg.sub", "pkg.sub.d"]
    assert _outside_namespace_folders(paths) == _grimps(top, "pkg")


def test_a_namespace_package_is_left_to_grimp(tmp_path: Path) -> None:
    (tmp_path / "space").mkdir()
    (tmp_path / "space" / "a.py").write_text("")
    assert module_paths(tmp_path / "space", "space") is None
