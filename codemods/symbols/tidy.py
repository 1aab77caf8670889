"""Tidy the imports a move of several names leaves: one `import D`, one `from D import a, b`."""

from __future__ import annotations

import re
from collections.abc import Sequence

import libcst as cst
from libcst.helpers import get_full_name_for_node

from codemods.engine.syntax import dotted_expression

__all__ = ["shorten_chains", "tidy_imports"]


def _single_import(statement: cst.BaseStatement) -> cst.Import | cst.ImportFrom | None:
    if isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1:
        small = statement.body[0]
        if isinstance(small, cst.Import | cst.ImportFrom):
            return small
    return None


def _source(node: cst.ImportFrom) -> tuple[int, str]:
    module = get_full_name_for_node(node.module) if node.module is not None else ""
    return len(node.relative), module or ""


def _mergeable(node: cst.ImportFrom | cst.Import | None, modules: set[str]) -> bool:
    return (
        isinstance(node, cst.ImportFrom)
        and not isinstance(node.names, cst.ImportStar)
        and node.lpar is None
        and any(_source(node)[1] == m or m.endswith("." + _source(node)[1]) for m in modules)
    )


def _alias_codes(node: cst.ImportFrom) -> frozenset[str]:
    if isinstance(node.names, cst.ImportStar):
        return frozenset()
    return frozenset(
        cst.Module([]).code_for_node(a.with_changes(comma=cst.MaybeSentinel.DEFAULT))
        for a in node.names
    )


class _Together(cst.CSTVisitor):
    """The alias groups of the original file's from-imports: only names that were imported
    together are merged back together."""

    def __init__(self) -> None:
        super().__init__()
        self.groups: list[frozenset[str]] = []

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        self.groups.append(_alias_codes(node))


def _tidy(
    body: Sequence[cst.BaseStatement], modules: set[str], groups: list[frozenset[str]]
) -> list[cst.BaseStatement]:
    out: list[cst.BaseStatement] = []
    seen: set[str] = set()
    for statement in body:
        node = _single_import(statement)
        if isinstance(node, cst.Import) and len(node.names) == 1:
            name = get_full_name_for_node(node.names[0].name) or ""
            if name in modules and node.names[0].asname is None:
                if name in seen:
                    continue
                seen.add(name)
        previous = _single_import(out[-1]) if out else None
        if (
            _mergeable(node, modules)
            and isinstance(previous, cst.ImportFrom)
            and _mergeable(previous, modules)
            and isinstance(node, cst.ImportFrom)
            and _source(previous) == _source(node)
            and any(_alias_codes(previous) | _alias_codes(node) <= g for g in groups)
            and not getattr(statement, "leading_lines", ())
        ):
            assert not isinstance(previous.names, cst.ImportStar)
            assert not isinstance(node.names, cst.ImportStar)
            have = {cst.Module([]).code_for_node(a).rstrip(", ") for a in previous.names}
            extra = [
                a for a in node.names if cst.Module([]).code_for_node(a).rstrip(", ") not in have
            ]
            names = [
                a.with_changes(comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")))
                for a in [*previous.names, *extra][:-1]
            ] + [[*previous.names, *extra][-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)]
            merged = previous.with_changes(names=names)
            out[-1] = out[-1].with_changes(body=[merged])
            continue
        out.append(statement)
    return out


class _Tidy(cst.CSTTransformer):
    def __init__(self, modules: set[str], groups: list[frozenset[str]]) -> None:
        super().__init__()
        self.modules = modules
        self.groups = groups

    def leave_Module(self, original_node: cst.Module, updated_node: cst.Module) -> cst.Module:
        return updated_node.with_changes(body=_tidy(updated_node.body, self.modules, self.groups))

    def leave_IndentedBlock(
        self, original_node: cst.IndentedBlock, updated_node: cst.IndentedBlock
    ) -> cst.IndentedBlock:
        return updated_node.with_changes(body=_tidy(updated_node.body, self.modules, self.groups))


def tidy_imports(tree: cst.Module, modules: set[str], *, original: cst.Module) -> cst.Module:
    """`tree` with repeated `import D` lines dropped and adjacent `from D import ...` lines
    merged (names `original` imported in one statement), for the modules `modules` the names
    moved into."""
    together = _Together()
    original.visit(together)
    return tree.visit(_Tidy(modules, together.groups))


class _Shorten(cst.CSTTransformer):
    """`import a.b.dest` + `a.b.dest.X` -> `from a.b import dest` + `dest.X`."""

    def __init__(self, module: str, replacement: cst.SimpleStatementLine) -> None:
        super().__init__()
        self.module = module
        self.leaf = module.rpartition(".")[2]
        self.replacement = replacement

    def leave_SimpleStatementLine(
        self, original_node: cst.SimpleStatementLine, updated_node: cst.SimpleStatementLine
    ) -> cst.SimpleStatementLine:
        node = _single_import(updated_node)
        if (
            isinstance(node, cst.Import)
            and len(node.names) == 1
            and node.names[0].asname is None
            and get_full_name_for_node(node.names[0].name) == self.module
        ):
            return self.replacement.with_changes(leading_lines=updated_node.leading_lines)
        return updated_node

    def leave_Attribute(
        self, original_node: cst.Attribute, updated_node: cst.Attribute
    ) -> cst.BaseExpression:
        name = get_full_name_for_node(updated_node)
        if name is None or not name.startswith(self.module + "."):
            return updated_node
        if get_full_name_for_node(updated_node.value) != self.module:
            return updated_node
        return updated_node.with_changes(value=cst.Name(self.leaf))


def shorten_chains(
    tree: cst.Module, *, original: cst.Module, module: str, importer: cst.ImportFrom
) -> cst.Module:
    """Where the file reached the names through `from PACKAGE import module` (`importer`), it
    reaches their new module the same way: `from PARENT import dest` and `dest.NAME`, instead
    of `import PARENT.dest` and `PARENT.dest.NAME`, when nothing in the file is named `dest`."""
    parent, _, leaf = module.rpartition(".")
    if not parent or re.search(rf"\b{re.escape(leaf)}\b", original.code):
        return tree
    statement = cst.SimpleStatementLine(
        body=[
            importer.with_changes(
                module=dotted_expression(parent),
                relative=(),
                names=[cst.ImportAlias(name=cst.Name(leaf))],
                lpar=None,
                rpar=None,
            )
        ]
    )
    return tree.visit(_Shorten(module, statement))
