"""The extract-protocol codemod for one dependent: annotations re-typed, imports of MODULE pruned.

Two transformers run in turn, each on one form: `AnnotationRetyper` replaces CLASS, however
the file spells it (`PerpsBot`, `pb.PerpsBot`, `pkg.mod.PerpsBot`, or inside a string
annotation), by the protocol's name in annotations; `ImportPruner` then drops the imports of
MODULE no longer used, moves those now used only in annotations under `if TYPE_CHECKING:`, and
imports the protocol in place of the first. Anything else in the file is left as it is.
"""

from __future__ import annotations

import re
from typing import TypeVar

import libcst as cst
from libcst.codemod import Codemod
from libcst.metadata import MetadataWrapper, QualifiedNameProvider

from codemods.engine.context import FileContext, codemod_context
from codemods.engine.runner import FileRefused, NothingToReport
from codemods.protocols.bindings import ClassRef, module_bindings
from codemods.protocols.imports import (
    ImportPruner,
    binding_uses,
    guard_for_typing,
    lazy_annotations,
)
from codemods.protocols.type_positions import TypePositions

__all__ = ["AnnotationRetyper", "NameClash", "RetypeCodemod"]

_Node = TypeVar("_Node", bound=cst.CSTNode)


class NameClash(FileRefused):
    """The dependent binds the protocol's name to something else already."""

    code = "name-clash"


class AnnotationRetyper(cst.CSTTransformer):
    """Replaces every reference to CLASS inside an annotation, or another type position
    (`cast(CLASS, x)`, a `TypeVar`'s bound, a `TypeAlias`), by the protocol's name."""

    METADATA_DEPENDENCIES = (QualifiedNameProvider,)

    def __init__(self, ref: ClassRef, package: str, protocol: str) -> None:
        super().__init__()
        self.ref = ref
        self.package = package
        self.protocol = protocol
        self._depth = 0
        self.replaced = 0
        self.strings = 0
        self._positions = TypePositions(self._qualified)

    def _qualified(self, node: cst.CSTNode) -> set[str]:
        return {q.name for q in self.get_metadata(QualifiedNameProvider, node, set())}

    def _is_ref(self, node: cst.CSTNode) -> bool:
        return any(self.ref.matches(name, self.package) for name in self._qualified(node))

    @property
    def _typed(self) -> bool:
        return bool(self._depth or self._positions.depth)

    def on_visit(self, node: cst.CSTNode) -> bool:
        self._positions.enter(node)
        if isinstance(node, cst.Call | cst.AnnAssign):
            self._positions.register(node)
        return super().on_visit(node)

    def on_leave(
        self, original_node: _Node, updated_node: _Node
    ) -> _Node | cst.RemovalSentinel | cst.FlattenSentinel[_Node]:
        result = super().on_leave(original_node, updated_node)
        self._positions.leave(original_node)
        return result

    def visit_Annotation(self, node: cst.Annotation) -> None:
        self._depth += 1

    def leave_Annotation(
        self, original_node: cst.Annotation, updated_node: cst.Annotation
    ) -> cst.Annotation:
        self._depth -= 1
        return updated_node

    def leave_Name(self, original_node: cst.Name, updated_node: cst.Name) -> cst.Name:
        if self._typed and self._is_ref(original_node):
            self.replaced += 1
            return updated_node.with_changes(value=self.protocol)
        return updated_node

    def leave_Attribute(
        self, original_node: cst.Attribute, updated_node: cst.Attribute
    ) -> cst.BaseExpression:
        if self._typed and self._is_ref(original_node):
            self.replaced += 1
            return cst.Name(self.protocol, lpar=updated_node.lpar, rpar=updated_node.rpar)
        return updated_node

    def leave_SimpleString(
        self, original_node: cst.SimpleString, updated_node: cst.SimpleString
    ) -> cst.SimpleString:
        value = original_node.evaluated_value
        if not (self._typed and isinstance(value, str) and self.ref.in_string(value)):
            return updated_node
        text = updated_node.value
        for spelling in self.ref.spellings:
            text = re.sub(rf"(?<![\w.]){re.escape(spelling)}(?!\w)", self.protocol, text)
        self.replaced += 1
        self.strings += 1
        return updated_node.with_changes(value=text)


class RetypeCodemod(NothingToReport, Codemod):
    """Type a dependent against the protocol `dest.protocol` of the class `ref` names."""

    DESCRIPTION = "Re-type a dependent of a class against a protocol of it."

    def __init__(self, context: FileContext, ref: ClassRef, dest: str, protocol: str) -> None:
        super().__init__(codemod_context(context))
        self.ref = ref
        self.dest = dest
        self.protocol = protocol
        self.prepare(context)

    def prepare(
        self, context: FileContext, *, new_package: str | None = None, source: str | None = None
    ) -> None:
        """Make this instance ready for another file."""
        self.context = codemod_context(context)
        self.imports_rewritten = 0
        self.strings_rewritten = 0

    def transform_module_impl(self, tree: cst.Module) -> cst.Module:
        package = self.context.full_package_name or ""
        bindings = module_bindings(tree, self.context.full_module_name or "", package)
        own = bindings.get(self.protocol)
        if own is not None and (own.module, own.obj) != (self.dest, self.protocol):
            raise NameClash(
                f"already binds {self.protocol} (from {own.module}); choose another --name",
            )
        ref = self.ref.spelled_in(bindings)
        wrapper = MetadataWrapper(tree, unsafe_skip_copy=True)  # scopes resolved once
        before = binding_uses(wrapper, ref, package)
        retyper = AnnotationRetyper(ref, package, self.protocol)
        retyped = wrapper.visit(retyper)
        if not retyper.replaced:
            return tree
        self.strings_rewritten = retyper.strings
        after = binding_uses(retyped, ref, package)
        drop = {n for n, use in after.items() if use.uses == 0 and before[n].uses > 0}
        guard = {
            n
            for n, use in after.items()
            if use.uses and use.annotations_only and use.module_level and lazy_annotations(tree)
        }
        added = None if own is not None else f"from {self.dest} import {self.protocol}\n"
        pruner = ImportPruner(ref, package, drop | guard, added)
        pruned = retyped.visit(pruner)
        self.imports_rewritten = pruner.rewritten
        return guard_for_typing(pruned, sorted(after[n].binding.statement() for n in guard))
