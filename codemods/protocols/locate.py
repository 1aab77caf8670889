"""Locate: the repository layout, MODULE's file, CLASS in it, and DEST, each found once."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

import libcst as cst

from codemods.engine.errors import FilesUnreadable
from codemods.engine.layout import Layout, ModuleLocation, python_files
from codemods.protocols.bindings import Binding, ClassRef, module_bindings
from codemods.protocols.errors import ClassNotFound, DestinationIsSource, NotAClass
from codemods.protocols.members import ClassShape, with_bases
from codemods.protocols.request import ProtocolRequest

__all__ = ["Located", "locate"]


@dataclass(frozen=True, eq=False)
class Located:
    """Where everything is: the layout and its files, MODULE and CLASS, DEST (maybe new)."""

    layout: Layout
    files: tuple[Path, ...]
    source: ModuleLocation
    source_path: Path
    shape: ClassShape
    bindings: dict[str, Binding]
    ref: ClassRef
    dest_path: Path
    dest_text: str | None

    @property
    def dest_names(self) -> frozenset[str]:
        if self.dest_text is None:
            return frozenset()
        return frozenset(module_bindings(cst.parse_module(self.dest_text), "", ""))


def _file(location: ModuleLocation) -> Path:
    return location.path / "__init__.py" if location.is_package else location.path


def _parse(path: Path, root: Path) -> cst.Module:
    try:
        return cst.parse_module(path.read_text(encoding="utf-8"))
    except cst.ParserSyntaxError as exc:
        where = f"{path.relative_to(root)}:{exc.raw_line}"
        raise FilesUnreadable(
            f"{where}: {exc.message}",
            hint="Fix the file (valid Python) and run again; nothing was written.",
            code="syntax-error",
        ) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise FilesUnreadable(f"Cannot read {path}: {exc}", hint="Fix the file first.") from exc


def _module(layout: Layout, files: list[Path], module: str) -> ModuleLocation:
    found = layout.require(module, files)
    return found


def _classes(tree: cst.Module) -> dict[str, cst.ClassDef]:
    return {s.name.value: s for s in tree.body if isinstance(s, cst.ClassDef)}


def _class(tree: cst.Module, module: str, name: str) -> cst.ClassDef:
    classes = _classes(tree)
    if name in classes:
        return classes[name]
    if name in module_bindings(tree, module, ""):
        raise NotAClass(
            f"'{module}:{name}' is not a class.",
            hint="A protocol is extracted from a class defined at the top level of MODULE.",
        )
    close = difflib.get_close_matches(name, sorted(classes), n=3, cutoff=0.6)
    raise ClassNotFound(
        f"No class '{name}' at the top level of '{module}'.",
        hint=f"Did you mean {', '.join(close)}?"
        if close
        else f"Its classes: {', '.join(sorted(classes)) or 'none'}.",
    )


def _dest(layout: Layout, request: ProtocolRequest, source: ModuleLocation) -> Path:
    if request.into == request.module:
        raise DestinationIsSource(
            f"The protocol cannot go into '{request.module}' itself.",
            hint="Name another module with --into (it is created when missing).",
        )
    found = layout.locate(request.into)
    if found is not None:
        return _file(found)
    home = layout.home_for(request.into, source)
    return home.joinpath(*request.into.split(".")).with_suffix(".py")


def _reexports(layout: Layout, request: ProtocolRequest) -> tuple[tuple[str, str], ...]:
    """`(package, name)` for each package above MODULE whose `__init__` re-exports CLASS
    (`from .perps_bot import PerpsBot`), deepest first, re-exports of re-exports included."""
    known = {(request.module, request.class_name)}
    found: list[tuple[str, str]] = []
    parts = request.module.split(".")
    for depth in range(len(parts) - 1, 0, -1):
        package = ".".join(parts[:depth])
        location = layout.locate(package)
        if location is None or not location.is_package:
            continue
        try:
            tree = cst.parse_module(_file(location).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, cst.ParserSyntaxError):
            continue
        for binding in module_bindings(tree, package, package).values():
            if (binding.module, binding.obj) in known:
                known.add((package, binding.name))
                found.append((package, binding.name))
    return tuple(found)


def locate(request: ProtocolRequest) -> Located:
    """Find MODULE, CLASS and DEST; raise a `CodemodError` for any of them that is wrong."""
    layout = Layout.detect(request.root, request.import_roots)
    files = python_files(layout.root)
    source = _module(layout, files, request.module)
    for package in request.dependents:
        _module(layout, files, package)
    source_path = _file(source)
    tree = _parse(source_path, layout.root)
    node = _class(tree, request.module, request.class_name)
    package = request.module if source.is_package else request.module.rpartition(".")[0]
    dest_path = _dest(layout, request, source)
    dest_text = dest_path.read_text(encoding="utf-8") if dest_path.is_file() else None
    if dest_text is not None:
        _parse(dest_path, layout.root)
    return Located(
        layout=layout,
        files=tuple(files),
        source=source,
        source_path=source_path,
        shape=with_bases(node, _classes(tree)),
        bindings=module_bindings(tree, request.module, package),
        ref=ClassRef(request.module, request.class_name, _reexports(layout, request)),
        dest_path=dest_path,
        dest_text=dest_text,
    )
