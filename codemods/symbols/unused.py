"""Imports a change left unused: found by comparing the names used before and after."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import libcst as cst

from codemods.engine.names import resolve_relative
from codemods.symbols.definitions import ImportBinding, ModuleFacts, TopLevel, read_module

__all__ = ["DropAliases", "drop_unused_imports", "imported_module"]


def imported_module(binding: ImportBinding, package: str) -> str:
    """The absolute module an import binding comes from (`from a import b`: `a`)."""
    node = binding.node
    if isinstance(node, cst.Import):
        return str(binding.alias.evaluated_name)
    module = cst.Module([]).code_for_node(node.module) if node.module else None
    if not node.relative:
        return module or ""
    return resolve_relative(package, len(node.relative), module) or ""


def drop_unused_imports(
    tree: cst.Module,
    before: ModuleFacts,
    *,
    only: Callable[[ImportBinding], bool] | None = None,
) -> tuple[cst.Module, list[str]]:
    """`tree` without the module-level imports that a change left unused: used in `before`,
    unused now (never a name in `__all__`, an `X as X` re-export, or `__future__`); `only`
    limits which imports may go. Also returns the names dropped."""
    used_before = set().union(*(s.uses for s in before.statements))
    exported = set(before.dunder_all or ())
    dropped: list[str] = []
    for _ in range(3):  # an emptied TYPE_CHECKING block frees its `TYPE_CHECKING` import
        after = _read_after(tree, before)
        used_now = set().union(*(s.uses for s in after.statements))
        stale = {
            name
            for name, binding in after.imports.items()
            if name in used_before
            and name not in used_now
            and name not in exported
            and not _reexport(binding)
            and (only is None or only(binding))
        }
        blocks, stale = _guarded(after, stale, used_now | exported)
        if not stale and not blocks:
            break
        dropped.extend(sorted(stale | {n for i in blocks for n in after.statements[i].names}))
        guards = tree.code.count("TYPE_CHECKING")
        body = [s for i, s in enumerate(tree.body) if i not in blocks]
        tree = tree.with_changes(body=body).visit(DropAliases(stale))
        if tree.code.count("TYPE_CHECKING") == guards:
            break  # no emptied `if TYPE_CHECKING:` block can have freed its import
    return tree, dropped


def _read_after(tree: cst.Module, before: ModuleFacts) -> ModuleFacts:
    """The facts of `tree`, a change of `before.tree`, reading again only what changed.

    Scope analysis of a whole large module costs more than the rest of a move; a change that
    cuts statements out keeps most of the others as they were (the same nodes). Those keep
    `before`'s facts; the rest, and every statement holding an import (whose bindings must be
    read in order), are read together as one fragment, where a use of a name bound outside it
    comes out unresolved and counts as a use. Lines are not reread: a reused statement keeps
    the lines it had in `before`."""
    known = {id(node): top for node, top in zip(before.tree.body, before.statements, strict=True)}
    importing = {binding.statement for binding in before.imports.values()}
    reused: dict[int, TopLevel] = {}
    for index, node in enumerate(tree.body):
        top = known.get(id(node))
        if top is not None and top.index not in importing and top.kind not in ("import", "block"):
            reused[index] = top
    if len(reused) * 2 < len(tree.body):
        return read_module(tree)
    changed = [index for index in range(len(tree.body)) if index not in reused]
    fragment = read_module(cst.Module(body=[tree.body[index] for index in changed]))
    statements = {index: dataclasses.replace(top, index=index) for index, top in reused.items()}
    for index, top in zip(changed, fragment.statements, strict=True):
        statements[index] = dataclasses.replace(
            top, index=index, uses=top.uses | top.unresolved, unresolved=frozenset()
        )
    imports = {
        name: dataclasses.replace(binding, statement=changed[binding.statement])
        for name, binding in fragment.imports.items()
    }
    ordered = tuple(statements[index] for index in range(len(tree.body)))
    return ModuleFacts(tree, ordered, imports, before.dunder_all)


def _guarded(facts: ModuleFacts, stale: set[str], used: set[str]) -> tuple[set[int], set[str]]:
    """Stale imports inside a `try`/version-check block: the block goes whole when nothing it
    binds is used any more, and stays whole otherwise (never a `try: pass`)."""
    blocks: set[int] = set()
    plain = set(stale)
    for name in stale:
        binding = facts.imports[name]
        statement = facts.statements[binding.statement]
        if statement.kind != "block" or binding.typing_only:
            continue
        plain.discard(name)
        if not statement.names & used:
            blocks.add(statement.index)
    return blocks, plain


def _reexport(binding: ImportBinding) -> bool:
    asname = binding.alias.asname
    return (
        asname is not None
        and isinstance(asname.name, cst.Name)
        and asname.name.value == str(binding.alias.evaluated_name)
    )


class DropAliases(cst.CSTTransformer):
    """Remove the module-level import aliases binding `names`; an emptied block goes too."""

    def __init__(self, names: set[str]) -> None:
        super().__init__()
        self.names = names

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        return False

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        return False

    def _keep(self, alias: cst.ImportAlias) -> bool:
        if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
            return alias.asname.name.value not in self.names
        return str(alias.evaluated_name).split(".")[0] not in self.names

    def leave_Import(
        self, original_node: cst.Import, updated_node: cst.Import
    ) -> cst.Import | cst.RemovalSentinel:
        keep = [a for a in updated_node.names if self._keep(a)]
        if not keep:
            return cst.RemovalSentinel.REMOVE
        keep[-1] = keep[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
        return updated_node.with_changes(names=keep)

    def leave_ImportFrom(
        self, original_node: cst.ImportFrom, updated_node: cst.ImportFrom
    ) -> cst.ImportFrom | cst.RemovalSentinel:
        if isinstance(updated_node.names, cst.ImportStar):
            return updated_node
        keep = [a for a in updated_node.names if self._keep(a)]
        if not keep:
            return cst.RemovalSentinel.REMOVE
        if len(keep) == len(updated_node.names):
            return updated_node
        last = updated_node.names[-1]
        if keep[-1] is not last:
            keep[-1] = keep[-1].with_changes(
                comma=last.comma if updated_node.lpar else cst.MaybeSentinel.DEFAULT
            )
        return updated_node.with_changes(names=keep)

    def leave_SimpleStatementLine(
        self, original_node: cst.SimpleStatementLine, updated_node: cst.SimpleStatementLine
    ) -> cst.SimpleStatementLine | cst.RemovalSentinel:
        return updated_node if updated_node.body else cst.RemovalSentinel.REMOVE

    def leave_If(self, original_node: cst.If, updated_node: cst.If) -> cst.If | cst.RemovalSentinel:
        body = updated_node.body
        if isinstance(body, cst.IndentedBlock) and not body.body and updated_node.orelse is None:
            return cst.RemovalSentinel.REMOVE
        return updated_node
