"""Other modules that import, at run time, a name the moved imports bind in MODULE.

`from pkg.user import Foo` elsewhere takes `Foo` from `pkg.user` when it runs: once `pkg.user`
imports `Foo` only under TYPE_CHECKING, that import fails. Such an importer is a runtime use
(unless it, too, imports the name under TYPE_CHECKING).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import libcst as cst
from libcst.metadata import MetadataWrapper, PositionProvider

from codemods.engine.layout import Layout
from codemods.engine.names import resolve_relative
from codemods.typing_imports.imports import is_type_checking, module_name

__all__ = ["Reexport", "find_reexports"]


@dataclass(frozen=True)
class Reexport:
    """`path`:`line` imports `name` from the module at run time."""

    path: Path
    line: int
    name: str
    text: str


class _FromModule(cst.CSTVisitor):
    METADATA_DEPENDENCIES = (PositionProvider,)

    def __init__(self, module: str, package: str, names: frozenset[str]) -> None:
        super().__init__()
        self.module, self.package, self.names = module, package, names
        self.typing_depth = 0
        self.found: list[tuple[int, str]] = []

    def visit_If(self, node: cst.If) -> None:
        self.typing_depth += is_type_checking(node)

    def leave_If(self, original_node: cst.If) -> None:
        self.typing_depth -= is_type_checking(original_node)

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        if self.typing_depth or isinstance(node.names, cst.ImportStar):
            return
        source = module_name(node.module)
        target = (
            resolve_relative(self.package, len(node.relative), source) if node.relative else source
        )
        if target != self.module:
            return
        line = self.get_metadata(PositionProvider, node).start.line
        self.found += [
            (line, str(a.evaluated_name)) for a in node.names if a.evaluated_name in self.names
        ]


def _mentions(data: bytes, module: str, names: frozenset[str]) -> bool:
    """Can this file hold `from MODULE import NAME`? (`from .` too: MODULE may be a package.)"""
    leaf = re.escape(module.rsplit(".", maxsplit=1)[-1].encode())
    if not re.search(rb"from\s+(?:[\w.]*\b" + leaf + rb"|\.+)\s+import\b", data):
        return False
    return any(re.search(rb"\b" + re.escape(n.encode()) + rb"\b", data) for n in names)


def find_reexports(
    layout: Layout, files: list[Path], module: str, names: frozenset[str], *, skip: Path
) -> tuple[tuple[Reexport, ...], int]:
    """Every run-time `from MODULE import NAME` of `names` in `files` (but `skip`), and how
    many files were parsed to find them (unreadable files are left to other checks)."""
    found: list[Reexport] = []
    parsed = 0
    for path in files:
        where = layout.module_of(path)
        if path == skip or where is None:
            continue
        try:
            data = path.read_bytes()
            if not _mentions(data, module, names):
                continue
            text = data.decode("utf-8")
            wrapper = MetadataWrapper(cst.parse_module(text))
        except (OSError, UnicodeDecodeError, cst.ParserSyntaxError):
            continue
        parsed += 1
        visitor = _FromModule(module, where[1], names)
        wrapper.visit(visitor)
        lines = text.splitlines()
        found += [Reexport(path, n, name, lines[n - 1].strip()) for n, name in visitor.found]
    return tuple(found), parsed
