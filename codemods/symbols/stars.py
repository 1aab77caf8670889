"""`from MODULE import *` re-exports: after names leave MODULE, the importer re-exports them from
DEST too (`from .b import f` beside `from .a import *`), so `package.f` keeps working."""

from __future__ import annotations

import libcst as cst
from libcst.helpers import get_full_name_for_node

from codemods.engine.names import resolve_relative
from codemods.symbols.placement import import_from

__all__ = ["StarReexports"]


class StarReexports(cst.CSTTransformer):
    """Add `from DEST import names` after each top-level `from SOURCE import *` of `stars`."""

    def __init__(self, package: str, dest: str, stars: dict[str, tuple[str, ...]]) -> None:
        super().__init__()
        self.package, self.dest, self.stars = package, dest, stars
        self.added = 0

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        return False

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        return False

    def leave_SimpleStatementLine(
        self, original_node: cst.SimpleStatementLine, updated_node: cst.SimpleStatementLine
    ) -> cst.BaseStatement | cst.FlattenSentinel[cst.BaseStatement]:
        node = updated_node.body[0] if len(updated_node.body) == 1 else None
        if not isinstance(node, cst.ImportFrom) or not isinstance(node.names, cst.ImportStar):
            return updated_node
        module = get_full_name_for_node(node.module) if node.module is not None else None
        source = (
            resolve_relative(self.package, len(node.relative), module) if node.relative else module
        )
        names = self.stars.get(source or "")
        if not names:
            return updated_node
        self.added += 1
        spelled = import_from(
            self.dest, list(names), package=self.package, relative=bool(node.relative)
        )
        return cst.FlattenSentinel([updated_node, cst.SimpleStatementLine(body=[spelled])])
