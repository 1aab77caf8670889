"""A dependent's imports of MODULE after its annotations were re-typed: drop, guard or keep.

An import binding of MODULE whose every use was a re-typed annotation goes; one still used,
but only in annotations (and the file's annotations are lazy: `from __future__ import
annotations`), moves under `if TYPE_CHECKING:`; one used at run time stays. The protocol's own
import takes the place of the first import of MODULE.
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst
from libcst.helpers import get_full_name_for_node
from libcst.metadata import Access, MetadataWrapper, PositionProvider, ScopeProvider

from codemods.protocols.bindings import Binding, ClassRef, import_bindings

__all__ = [
    "BindingUse",
    "ImportPruner",
    "ImportSite",
    "binding_uses",
    "guard_for_typing",
    "import_sites",
    "lazy_annotations",
]


@dataclass(frozen=True)
class BindingUse:
    """How often a name an import of MODULE binds is used, and whether only in annotations."""

    binding: Binding
    uses: int
    annotations_only: bool
    module_level: bool


@dataclass(frozen=True)
class ImportSite:
    """An import statement of MODULE: its line, its text, and whether it runs at import time."""

    line: int
    text: str
    import_time: bool


def _is_type_checking(node: cst.If) -> bool:
    name = get_full_name_for_node(node.test) or ""
    return name in {"TYPE_CHECKING", "typing.TYPE_CHECKING"}


class _Imports(cst.CSTVisitor):
    """Every import statement of MODULE, with where it sits."""

    METADATA_DEPENDENCIES = (ScopeProvider, PositionProvider)

    def __init__(self, ref: ClassRef, package: str) -> None:
        super().__init__()
        self.ref = ref
        self.package = package
        self._guards = 0
        self._functions = 0
        self.uses: dict[str, BindingUse] = {}
        self.sites: list[ImportSite] = []

    def visit_If(self, node: cst.If) -> None:
        self._guards += _is_type_checking(node)

    def leave_If(self, original_node: cst.If) -> None:
        self._guards -= _is_type_checking(original_node)

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._functions += 1

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        self._functions -= 1

    def visit_Import(self, node: cst.Import) -> None:
        self._statement(node)

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        self._statement(node)

    def _statement(self, node: cst.Import | cst.ImportFrom) -> None:
        ours = [b for b in import_bindings(node, self.package) if self.ref.imports(b)]
        if not ours:
            return
        line = self.get_metadata(PositionProvider, node).start.line
        text = cst.Module([]).code_for_node(node)
        self.sites.append(ImportSite(line, text, not (self._guards or self._functions)))
        scope = self.get_metadata(ScopeProvider, node, None)
        for binding in ours:
            refs: list[Access] = []
            plain = binding.obj is None and binding.name == binding.module.split(".")[0]
            key = binding.module if plain else binding.name  # scopes name `import a.b` "a.b"
            if scope is not None:
                for assignment in scope.assignments[key]:
                    if getattr(assignment, "node", None) is node:
                        refs.extend(assignment.references)
            only = all(r.is_annotation or r.is_type_hint for r in refs)
            level = not (self._guards or self._functions)
            self.uses[binding.name] = BindingUse(binding, len(refs), only, level)


def _wrapped(tree: cst.Module | MetadataWrapper) -> MetadataWrapper:
    """A wrapper for `tree`; a wrapper given is reused, with the metadata it has resolved."""
    if isinstance(tree, MetadataWrapper):
        return tree
    return MetadataWrapper(tree, unsafe_skip_copy=True)


def binding_uses(
    tree: cst.Module | MetadataWrapper, ref: ClassRef, package: str
) -> dict[str, BindingUse]:
    """The uses of each name `tree`'s imports of CLASS's module (or re-exports) bind."""
    visitor = _Imports(ref, package)
    _wrapped(tree).visit(visitor)
    return visitor.uses


def import_sites(
    tree: cst.Module | MetadataWrapper, ref: ClassRef, package: str
) -> tuple[ImportSite, ...]:
    """`tree`'s import statements of CLASS's module (or re-exports), in file order."""
    visitor = _Imports(ref, package)
    _wrapped(tree).visit(visitor)
    return tuple(visitor.sites)


def lazy_annotations(tree: cst.Module) -> bool:
    """Does the module start with `from __future__ import annotations`?"""
    for statement in tree.body:
        if not isinstance(statement, cst.SimpleStatementLine):
            continue
        for small in statement.body:
            if (
                isinstance(small, cst.ImportFrom)
                and get_full_name_for_node(small.module or cst.Name("")) == "__future__"
                and not isinstance(small.names, cst.ImportStar)
                and any(a.evaluated_name == "annotations" for a in small.names)
            ):
                return True
    return False


class ImportPruner(cst.CSTTransformer):
    """Drops the names in `drop` from imports of MODULE; puts `added` (an import statement, if
    any) after the first one."""

    def __init__(self, ref: ClassRef, package: str, drop: set[str], added: str | None) -> None:
        super().__init__()
        self.ref = ref
        self.package = package
        self.drop = drop
        statement = cst.parse_statement(added) if added else None
        self.added = statement if isinstance(statement, cst.SimpleStatementLine) else None
        self.rewritten = 0

    def _keep(self, node: cst.Import | cst.ImportFrom) -> list[cst.ImportAlias]:
        bindings = import_bindings(node, self.package)
        names = node.names if not isinstance(node.names, cst.ImportStar) else ()
        return [
            alias
            for alias, binding in zip(names, bindings, strict=True)
            if not (binding.name in self.drop and self.ref.imports(binding))
        ]

    def leave_SimpleStatementLine(
        self, original_node: cst.SimpleStatementLine, updated_node: cst.SimpleStatementLine
    ) -> cst.SimpleStatementLine | cst.FlattenSentinel[cst.BaseStatement] | cst.RemovalSentinel:
        body: list[cst.BaseSmallStatement] = []
        ours = False
        for small in updated_node.body:
            if isinstance(small, cst.Import | cst.ImportFrom) and not isinstance(
                small.names, cst.ImportStar
            ):
                bindings = import_bindings(small, self.package)
                ours = ours or any(self.ref.imports(b) for b in bindings)
                kept = self._keep(small)
                if len(kept) != len(small.names):
                    self.rewritten += 1
                    if not kept:
                        continue
                    last = kept[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
                    body.append(small.with_changes(names=[*kept[:-1], last]))
                    continue
            body.append(small)
        if not ours:
            return updated_node
        kept_line = updated_node.with_changes(body=body) if body else None
        added, self.added = self.added, None
        if added is None:
            return kept_line if kept_line is not None else cst.RemovalSentinel.REMOVE
        if kept_line is None:
            return added.with_changes(leading_lines=updated_node.leading_lines)
        return cst.FlattenSentinel([kept_line, added])


def guard_for_typing(tree: cst.Module, statements: list[str]) -> cst.Module:
    """`statements` (imports) under the module's `if TYPE_CHECKING:`, created when missing."""
    if not statements:
        return tree
    lines = [cst.parse_statement(s) for s in statements]
    body = list(tree.body)
    for index, statement in enumerate(body):
        if isinstance(statement, cst.If) and _is_type_checking(statement):
            block = statement.body
            if isinstance(block, cst.IndentedBlock):
                body[index] = statement.with_changes(
                    body=block.with_changes(body=[*block.body, *lines])
                )
                return tree.with_changes(body=body)
    last = max(
        (i for i, s in enumerate(body) if _is_import_line(s)),
        default=-1,
    )
    guard = cst.If(
        test=cst.Name("TYPE_CHECKING"),
        body=cst.IndentedBlock(body=lines),
        leading_lines=[cst.EmptyLine()],
    )
    body.insert(last + 1, guard)
    if not any(_binds_type_checking(s) for s in body):
        future = max((i for i, s in enumerate(body) if _is_future(s)), default=-1)
        typing = cst.parse_statement("from typing import TYPE_CHECKING\n")
        if future >= 0:
            typing = typing.with_changes(leading_lines=[cst.EmptyLine()])
        body.insert(future + 1, typing)
    return tree.with_changes(body=body)


def _is_import_line(statement: cst.CSTNode) -> bool:
    return isinstance(statement, cst.SimpleStatementLine) and all(
        isinstance(s, cst.Import | cst.ImportFrom) for s in statement.body
    )


def _is_future(statement: cst.CSTNode) -> bool:
    return (
        isinstance(statement, cst.SimpleStatementLine)
        and isinstance(statement.body[0], cst.ImportFrom)
        and get_full_name_for_node(statement.body[0].module or cst.Name("")) == "__future__"
    )


def _binds_type_checking(statement: cst.CSTNode) -> bool:
    code = cst.Module([]).code_for_node(statement)
    return _is_import_line(statement) and "TYPE_CHECKING" in code
