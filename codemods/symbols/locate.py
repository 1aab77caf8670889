"""Where a move-symbol starts: the request, its source modules read once, its destination."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import libcst as cst

from codemods.engine.errors import (
    FilesUnreadable,
    TargetExists,
    TargetInsideSource,
)
from codemods.engine.layout import Layout, ModuleLocation
from codemods.engine.names import check_dotted, is_within
from codemods.symbols.definitions import ModuleFacts, read_module
from codemods.symbols.selection import SymbolNotFound
from codemods.symbols.unused import imported_module

__all__ = [
    "Source",
    "SymbolRequest",
    "dest_path",
    "file_of",
    "imports_dest",
    "locate_source",
    "parse_symbols",
    "read_source",
]


@dataclass(frozen=True)
class SymbolRequest:
    """Move the top-level names `symbols` (`MODULE:NAME` each) into the module `dest`."""

    root: Path
    symbols: tuple[str, ...]
    dest: str
    import_roots: tuple[Path, ...] = ()
    with_names: tuple[str, ...] = ()
    shim: bool = False
    workers: int | None = None


@dataclass(frozen=True)
class Source:
    """A module names move out of, parsed and read once."""

    location: ModuleLocation
    package: str
    text: str
    facts: ModuleFacts
    names: tuple[str, ...]


def parse_symbols(symbols: tuple[str, ...]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {}
    for spec in symbols:
        module, sep, name = spec.partition(":")
        if not sep or not module or not name:
            raise SymbolNotFound(
                f"'{spec}' is not MODULE:NAME.",
                hint="Name each symbol with its module, e.g. shop.orders.models:Order.",
                code="bad-symbol",
            )
        check_dotted(module, what="MODULE")
        check_dotted(name, what="NAME")
        grouped.setdefault(module, []).append(name)
    return grouped


def read_source(path: Path, root: Path) -> tuple[str, cst.Module]:
    try:
        text = path.read_text(encoding="utf-8")
        return text, cst.parse_module(text)
    except UnicodeDecodeError as exc:
        raise FilesUnreadable(
            f"{path.relative_to(root)}: not UTF-8 (byte {exc.start}).",
            hint="Fix the file and run again; nothing was written.",
            code="not-utf8",
        ) from exc
    except cst.ParserSyntaxError as exc:
        raise FilesUnreadable(
            f"{path.relative_to(root)}:{exc.raw_line}: {exc.message}",
            hint="Fix the file and run again; nothing was written.",
            code="syntax-error",
        ) from exc


def file_of(location: ModuleLocation) -> Path:
    return location.path / "__init__.py" if location.is_package else location.path


def locate_source(layout: Layout, module: str, names: list[str], files: list[Path]) -> Source:
    location = layout.require(module, files)
    text, tree = read_source(file_of(location), layout.root)
    package = module if location.is_package else module.rpartition(".")[0]
    return Source(location, package, text, read_module(tree), tuple(names))


def dest_path(layout: Layout, request: SymbolRequest, sources: list[Source]) -> Path:
    dest = request.dest
    check_dotted(dest, what="DEST")
    for source in sources:
        module = source.location.name
        if dest == module:
            raise TargetInsideSource(
                f"'{dest}' is the module the names come from.",
                hint="Choose another module to move them into.",
                code="same-module",
            )
        if is_within(dest, module) and not source.location.is_package:
            raise TargetInsideSource(
                f"'{dest}' would live inside the module '{module}'.",
                hint="Choose a destination outside it.",
            )
    parts = dest.split(".")
    for depth in range(1, len(parts)):
        parent = layout.locate(".".join(parts[:depth]))
        if parent is not None and not parent.is_package:
            raise TargetExists(
                f"'{parent.name}' is a module ({parent.path.name}), so '{dest}' cannot live "
                "inside it.",
                hint="Choose a destination whose parents are packages (or do not exist yet).",
                code="parent-is-module",
            )
    found = layout.locate(dest)
    if found is not None:
        return file_of(found)
    return layout.home_for(dest, sources[0].location).joinpath(*parts).with_suffix(".py")


def imports_dest(source: Source, dest: str) -> bool:
    """Does the source module import DEST (or a module inside it) already?"""
    return any(
        is_within(imported_module(b, source.package), dest) for b in source.facts.imports.values()
    )
