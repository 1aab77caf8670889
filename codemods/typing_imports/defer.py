"""Deferred imports: the import a function needs at run time, written at the top of its body,
so the module's own import can go under TYPE_CHECKING (`typing-import --defer`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import libcst as cst

from codemods.engine.syntax import is_docstring
from codemods.typing_imports.imports import ImportSite
from codemods.typing_imports.uses import Use

__all__ = ["deferred_note", "functions_needing", "import_in_functions"]


def _statement(sites: Sequence[ImportSite]) -> cst.SimpleStatementLine:
    """One import line for `sites` (aliases of one top-level statement)."""
    node = sites[0].node
    aliases = [s.alias.with_changes(comma=cst.MaybeSentinel.DEFAULT) for s in sites]
    if isinstance(node, cst.Import):
        return cst.SimpleStatementLine([cst.Import(names=aliases)])
    return cst.SimpleStatementLine([node.with_changes(names=aliases, lpar=None, rpar=None)])


def _lines(sites: Sequence[ImportSite]) -> list[cst.SimpleStatementLine]:
    by_node: dict[int, list[ImportSite]] = {}
    for site in sites:
        by_node.setdefault(id(site.node), []).append(site)
    return [_statement(group) for group in by_node.values()]


class _Insert(cst.CSTTransformer):
    def __init__(self, wanted: Mapping[tuple[str, ...], list[cst.SimpleStatementLine]]) -> None:
        super().__init__()
        self.wanted = wanted
        self.path: list[str] = []

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self.path.append(node.name.value)

    def leave_ClassDef(self, original: cst.ClassDef, updated: cst.ClassDef) -> cst.ClassDef:
        self.path.pop()
        return updated

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.path.append(node.name.value)

    def leave_FunctionDef(
        self, original: cst.FunctionDef, updated: cst.FunctionDef
    ) -> cst.FunctionDef:
        lines = self.wanted.get(tuple(self.path), [])
        self.path.pop()
        block = updated.body
        if not lines or not isinstance(block, cst.IndentedBlock):
            return updated
        body = list(block.body)
        at = 1 if body and is_docstring(body[0]) else 0
        return updated.with_changes(body=block.with_changes(body=[*body[:at], *lines, *body[at:]]))


def import_in_functions(
    tree: cst.Module, needs: Mapping[tuple[str, ...], Sequence[ImportSite]]
) -> cst.Module:
    """`tree` with, at the top of each function (by its path, `Class.method`), an import of
    the aliases it needs."""
    wanted = {path: _lines(sites) for path, sites in needs.items() if sites}
    return tree.visit(_Insert(wanted))


def functions_needing(
    sites: tuple[ImportSite, ...], runtime: tuple[Use, ...]
) -> dict[tuple[str, ...], list[ImportSite]]:
    """The functions that use the names at run time, each with the import sites it needs."""
    needs: dict[tuple[str, ...], list[ImportSite]] = {}
    for use in runtime:
        for site in sites:
            wanted = needs.setdefault(use.function, [])
            if site.binding == use.name and site not in wanted:
                wanted.append(site)
    return {path: found for path, found in needs.items() if found}


def deferred_note(deferred: dict[tuple[str, ...], list[ImportSite]]) -> tuple[str, ...]:
    if not deferred:
        return ()
    where = ", ".join(".".join(path) for path in sorted(deferred))
    return (f"imported where it is needed at run time instead: {where}",)
