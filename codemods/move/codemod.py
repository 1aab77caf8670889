"""The move codemod: rewrite every reference to OLD in one module so that it names NEW.

One libcst transformer in a codemod's shape, `MoveModuleCodemod` (a plain `CSTTransformer`:
`libcst.codemod` imports `libcst.matchers`, which costs more than a small move). Its context
carries the file's module and package names; for the moved files themselves it also gets the
package they will live in, so their own relative imports are recomputed for the new location.
Each statement stays where it is (TYPE_CHECKING blocks, function bodies, try/except) and keeps
its style: relative imports stay relative when they can, and sorted import blocks stay sorted.
A name the user did not choose follows the move with its uses (`from a.b import c` + `c.X`
becomes `from n import d` + `d.X`, see `codemods.move.bindings`); one the user chose, or one
that cannot be renamed safely, keeps its name (`from n import d as c`), so the code that uses it
still resolves.
"""

from __future__ import annotations

import re

import libcst as cst
from libcst.helpers import get_full_name_for_node

from codemods.engine.changes import StringHit
from codemods.engine.context import FileContext
from codemods.engine.dunder_all import drop_stale_entry
from codemods.engine.import_order import ImportOrder, keep_sorted
from codemods.engine.names import Rename
from codemods.engine.syntax import dotted_expression
from codemods.move.fromimports import ImportRespelling
from codemods.move.quiet import StatementsOnly, quiet_statements
from codemods.move.references import (
    ReferenceScan,
    outside_imports,
    scan_chains,
)
from codemods.move.strings import StringRewrites, in_long_strings

__all__ = ["MoveModuleCodemod"]


class MoveModuleCodemod(StatementsOnly, StringRewrites, ImportRespelling, cst.CSTTransformer):
    """Rewrite imports, attribute chains and dotted strings from `rename.old` to `rename.new`."""

    DESCRIPTION = "Move a module or package and rewrite every reference to it."

    def __init__(
        self,
        context: FileContext,
        rename: Rename,
        *,
        new_package: str | None = None,
        source: str | None = None,
        keep_chains: bool = False,
        order: ImportOrder | None = None,
        names: bool = True,
    ) -> None:
        super().__init__()
        self.rename = rename
        # Collect the names other modules use through OLD (`used_names`, for a shim).
        self.names = names
        # Sorted import blocks are sorted again after a rewrite (None: left as they come out).
        self.order = order
        # The parent package binds OLD's leaf name itself (`from .mod import mod`): `parent.mod`
        # is that binding, not the module, so attribute chains through it stay as they are.
        self.keep_chains = keep_chains
        self.prepare(context, new_package=new_package, source=source)

    def prepare(
        self, context: FileContext, *, new_package: str | None = None, source: str | None = None
    ) -> None:
        """Make this instance ready for another file (building one costs more than a parse)."""
        self.context = context
        self.new_package = new_package
        self.source = source
        self.imports_rewritten = 0
        self.strings_rewritten = 0
        self.scan = ReferenceScan()
        self.review: list[StringHit] = []
        self._pending: list[cst.BaseSmallStatement] = []
        self._import_depth = 0
        self._statements_only = False
        self._quiet = set()
        self._quiet_at = None
        self._rewrote = False
        self._concatenated = 0

    @property
    def review_items(self) -> tuple[StringHit, ...]:
        return tuple(self.review)

    @property
    def used_names(self) -> frozenset[str]:
        return frozenset(self.scan.used_names)

    # -- driving -----------------------------------------------------------------------------

    def transform_module(self, tree: cst.Module) -> cst.Module:
        # This codemod declares no metadata (the chain pre-pass resolves its own, and only for
        # files that need it), so the metadata wrapper's copy of the tree is skipped.
        return self.transform_module_impl(tree)

    def transform_module_impl(self, tree: cst.Module) -> cst.Module:
        self.scan = (
            ReferenceScan()
            if self.keep_chains
            else scan_chains(
                tree,
                self._old_package,
                self.rename,
                code=self.source,
                is_init=self._is_init,
                names=self.names,
            )
        )
        code = tree.code if self.source is None else self.source
        # Without chains to rewrite or strings that mention OLD, only import statements can
        # change: the visit can skip everything that cannot hold one.
        mention = re.compile(re.escape(self.rename.old))
        self._statements_only = (
            not self.scan.chains
            and not self.scan.plain.names
            and not outside_imports(code, mention)
            and not in_long_strings(code, mention)
        )
        if not self._statements_only and self.new_package is None:
            leaf = re.escape(self.rename.old.rpartition(".")[2])
            words = re.compile(rf"{mention.pattern}|\b{leaf}\b")
            self._quiet = quiet_statements(tree, code, words)
        visited = self._fix_parent_all(tree.visit(self))
        # the tree itself when nothing changed: the runner then need not generate its code
        return visited if self._rewrote or self.strings_rewritten else tree

    def _fix_parent_all(self, tree: cst.Module) -> cst.Module:
        """In the `__init__` of the package OLD leaves, its `__all__` entry goes (or is renamed
        when OLD only changes its name), unless the package still binds the name itself."""
        parent, _, leaf = self.rename.old.rpartition(".")
        context = self.context
        if (
            self.rename.symbol
            or not parent
            or context.full_module_name != parent
            or context.full_package_name != parent
        ):
            return tree
        new_parent, _, new_leaf = self.rename.new.rpartition(".")
        replacement = new_leaf if new_parent == parent else None
        tree, changed = drop_stale_entry(tree, leaf, replacement=replacement)
        self.strings_rewritten += changed
        return tree

    @property
    def _is_init(self) -> bool:
        """Is this a package's `__init__` (whose names other modules import)?"""
        name = self.context.full_module_name
        return name is not None and name == self.context.full_package_name

    @property
    def _old_package(self) -> str:
        return self.context.full_package_name or ""

    @property
    def _home(self) -> str:
        """The package this file's relative imports are spelled from after the move."""
        return self._old_package if self.new_package is None else self.new_package

    # -- import statements -------------------------------------------------------------------

    def visit_Import(self, node: cst.Import) -> None:
        self._import_depth += 1

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        self._import_depth += 1

    def leave_Import(self, original_node: cst.Import, updated_node: cst.Import) -> cst.Import:
        self._import_depth -= 1
        aliases = [
            self._move_import_alias(alias, plain=original in self.scan.plain.aliases)
            for original, alias in zip(original_node.names, updated_node.names, strict=True)
        ]
        if all(new is old for new, old in zip(aliases, updated_node.names, strict=True)):
            return updated_node
        self.imports_rewritten += 1
        return updated_node.with_changes(names=aliases)

    def _move_import_alias(self, alias: cst.ImportAlias, *, plain: bool) -> cst.ImportAlias:
        name = get_full_name_for_node(alias.name) or ""
        new = self.rename.apply(name)
        if new is None:
            return alias
        asname = alias.asname
        if asname is None and name == self.rename.old and "." not in name and not plain:
            # `import a` binds `a`; keep that binding: `import n.d as a`.
            asname = cst.AsName(name=cst.Name(name))
        if asname is None and name == self.rename.old and self.scan.provided_as:
            # NEW's root means something else here: bind a name that nothing uses.
            asname = cst.AsName(name=cst.Name(self.scan.provided_as))
        if asname is not None and get_full_name_for_node(asname.name) == new:
            asname = None
        return alias.with_changes(name=dotted_expression(new), asname=asname)

    def leave_ImportFrom(
        self, original_node: cst.ImportFrom, updated_node: cst.ImportFrom
    ) -> cst.BaseSmallStatement:
        self._import_depth -= 1
        base = self._absolute_base(updated_node)
        if base is None:
            return updated_node
        renamed = self.rename.apply(base)
        if base == self.rename.old and not isinstance(updated_node.names, cst.ImportStar):
            self.scan.used_names.update(str(a.evaluated_name) for a in updated_node.names)
        if renamed is not None:
            self.imports_rewritten += 1
            return self._respell(updated_node, renamed)
        if not isinstance(updated_node.names, cst.ImportStar):
            pairs = zip(original_node.names, updated_node.names, strict=True)  # type: ignore[arg-type]
            moving = [
                (a, o in self.scan.plain.aliases)
                for o, a in pairs
                if f"{base}.{a.evaluated_name}" == self.rename.old
            ]
            if moving:
                self.imports_rewritten += 1
                return self._split(updated_node, moving)
        if self.new_package is not None and updated_node.relative:
            respelled = self._respell(updated_node, base)
            self.imports_rewritten += respelled is not updated_node
            return respelled
        return updated_node

    def leave_SimpleStatementLine(
        self, original_node: cst.SimpleStatementLine, updated_node: cst.SimpleStatementLine
    ) -> cst.BaseStatement | cst.FlattenSentinel[cst.BaseStatement] | cst.RemovalSentinel:
        extra: list[cst.BaseSmallStatement] = self._pending
        self._pending = []
        if any(stmt in self.scan.needs_import for stmt in original_node.body):
            binding = self.scan.import_as
            asname = cst.AsName(name=cst.Name(binding)) if binding else None
            new_import = cst.Import(
                names=[cst.ImportAlias(dotted_expression(self.rename.importable), asname)]
            )
            extra = [*extra, new_import]
            self.imports_rewritten += 1
        if not updated_node.body and not extra:
            return cst.RemovalSentinel.REMOVE
        if not extra:
            return updated_node
        lines: list[cst.BaseStatement] = [cst.SimpleStatementLine(body=[stmt]) for stmt in extra]
        if updated_node.body:
            lines.insert(0, updated_node)
        else:
            lines[0] = lines[0].with_changes(leading_lines=updated_node.leading_lines)
        return cst.FlattenSentinel(lines)

    def leave_IndentedBlock(
        self, original_node: cst.IndentedBlock, updated_node: cst.IndentedBlock
    ) -> cst.IndentedBlock:
        if self.order is None or not self.imports_rewritten:
            return updated_node
        body = keep_sorted(original_node.body, updated_node.body, self.order)
        return updated_node if body is updated_node.body else updated_node.with_changes(body=body)

    def leave_Module(self, original_node: cst.Module, updated_node: cst.Module) -> cst.Module:
        if self.order is None or not self.imports_rewritten:
            return updated_node
        body = keep_sorted(original_node.body, updated_node.body, self.order)
        return updated_node if body is updated_node.body else updated_node.with_changes(body=body)

    # -- code that uses the imports ----------------------------------------------------------

    def leave_Attribute(
        self, original_node: cst.Attribute, updated_node: cst.Attribute
    ) -> cst.BaseExpression:
        if self._import_depth or original_node not in self.scan.chains:
            return updated_node
        return dotted_expression(self.scan.through.get(original_node, self.rename.new))

    def leave_Name(self, original_node: cst.Name, updated_node: cst.Name) -> cst.BaseExpression:
        if self._import_depth:
            return updated_node
        if original_node in self.scan.chains:
            return dotted_expression(self.scan.through.get(original_node, self.rename.new))
        renamed = self.scan.plain.names.get(original_node)
        return updated_node if renamed is None else dotted_expression(renamed)
