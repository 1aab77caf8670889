"""The pre-pass of a move: which name chains denote OLD, and which strings mention it.

Import statements are rewritten in place by `codemods.move`; this visitor finds the code that
*uses* them: attribute chains such as `a.b.c.X` after `import a.b` (resolved with libcst's
`QualifiedNameProvider`, with `ScopeProvider` to skip names shadowed by a local binding), and
string literals that hold a dotted path to OLD.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import libcst as cst
from libcst.codemod import CodemodContext, ContextAwareVisitor
from libcst.metadata import (
    ImportAssignment,
    PositionProvider,
    QualifiedNameProvider,
    QualifiedNameSource,
    ScopeProvider,
)

from codemods.names import DOTTED_REF, Rename, is_within, resolve_relative

__all__ = ["ReferenceScan", "StringHit", "scan_references"]


@dataclass(frozen=True)
class StringHit:
    """A string literal that mentions OLD but is not a plain dotted path: left for review."""

    line: int
    text: str


@dataclass
class ReferenceScan:
    """What the pre-pass found in one module (nodes are those of the scanned tree)."""

    chains: set[cst.CSTNode] = field(default_factory=set)
    needs_import: set[cst.CSTNode] = field(default_factory=set)
    strings: dict[cst.SimpleString, str] = field(default_factory=dict)
    review: list[StringHit] = field(default_factory=list)
    used_names: set[str] = field(default_factory=set)


def _root_name(node: cst.BaseExpression) -> cst.Name | None:
    while isinstance(node, cst.Attribute):
        node = node.value
    return node if isinstance(node, cst.Name) else None


class _Scanner(ContextAwareVisitor):
    METADATA_DEPENDENCIES = (QualifiedNameProvider, ScopeProvider, PositionProvider)

    def __init__(self, context: CodemodContext, rename: Rename) -> None:
        super().__init__(context)
        self.rename = rename
        self.scan = ReferenceScan()
        self._old_mention = re.compile(rf"(?<![\w.]){re.escape(rename.old)}(?![\w])")

    def visit_Import(self, node: cst.Import) -> bool:
        return False

    def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
        self._note_used_names(node)
        return False

    def _note_used_names(self, node: cst.ImportFrom) -> None:
        if node.module is None or isinstance(node.names, cst.ImportStar):
            return
        base = cst.helpers.get_full_name_for_node(node.module) or ""
        if node.relative:
            base = resolve_relative(self._package, len(node.relative), base) or ""
        if base == self.rename.old:
            self.scan.used_names.update(str(a.evaluated_name) for a in node.names)

    @property
    def _package(self) -> str:
        return self.context.full_package_name or ""

    def _qualified(self, node: cst.CSTNode) -> set[str]:
        names = set()
        for qname in self.get_metadata(QualifiedNameProvider, node, set()):
            if qname.source is not QualifiedNameSource.IMPORT:
                continue
            name = qname.name
            if name.startswith("."):
                level = len(name) - len(name.lstrip("."))
                name = resolve_relative(self._package, level, name.lstrip(".")) or ""
            names.add(name)
        return names

    def _import_bindings(self, root: cst.Name) -> list[ImportAssignment] | None:
        """The imports that bind `root` here, or None when a local binding shadows them."""
        scope = self.get_metadata(ScopeProvider, root, None)
        if scope is None:
            return None
        assignments = list(scope[root.value])
        if not assignments or not all(isinstance(a, ImportAssignment) for a in assignments):
            return None
        return [a for a in assignments if isinstance(a, ImportAssignment)]

    def visit_Attribute(self, node: cst.Attribute) -> bool:
        self._visit_chain(node)
        return True

    def visit_Name(self, node: cst.Name) -> bool:
        if "." not in self.rename.old:
            self._visit_chain(node)
        return False

    def _visit_chain(self, node: cst.Attribute | cst.Name) -> None:
        qualified = self._qualified(node)
        for name in qualified:
            if name.startswith(self.rename.old + "."):
                self.scan.used_names.add(name[len(self.rename.old) + 1 :].split(".")[0])
        if self.rename.old not in qualified:
            return
        root = _root_name(node)
        bindings = self._import_bindings(root) if root is not None else None
        if not bindings:
            return
        if any(self._provides_new(a.node) for a in bindings):
            if isinstance(node, cst.Attribute) or self._binds_plain_submodule(bindings):
                self.scan.chains.add(node)
            return
        if isinstance(node, cst.Attribute):
            self.scan.chains.add(node)
            self.scan.needs_import.add(bindings[0].node)

    def _provides_new(self, statement: cst.CSTNode) -> bool:
        """An `import OLD[.x]` without alias: rewritten to `import NEW[.x]`, it binds NEW's root."""
        if not isinstance(statement, cst.Import):
            return False
        return any(
            alias.asname is None
            and is_within(cst.helpers.get_full_name_for_node(alias.name) or "", self.rename.old)
            for alias in statement.names
        )

    def _binds_plain_submodule(self, bindings: list[ImportAssignment]) -> bool:
        # A top-level OLD: `import a` keeps its binding through an alias, `import a.sub` does not.
        return not any(
            isinstance(a.node, cst.Import)
            and any(
                alias.asname is None
                and cst.helpers.get_full_name_for_node(alias.name) == self.rename.old
                for alias in a.node.names
            )
            for a in bindings
        )

    def visit_SimpleString(self, node: cst.SimpleString) -> None:
        value = node.evaluated_value
        if not isinstance(value, str) or self.rename.old not in value:
            return
        renamed = self.rename.apply_ref(value) if DOTTED_REF.fullmatch(value) else None
        if renamed is not None and node.raw_value == value and self._unambiguous(value):
            self.scan.strings[node] = renamed
        elif self._old_mention.search(value):
            self._review(node, value)

    def _unambiguous(self, value: str) -> bool:
        # A bare one-word OLD ("utils") could be anything; a dotted path to it is specific.
        return "." in self.rename.old or value != self.rename.old

    def visit_FormattedString(self, node: cst.FormattedString) -> None:
        module = self.context.module
        text = module.code_for_node(node) if module is not None else ""
        if self._old_mention.search(text):
            self._review(node, text)

    def _review(self, node: cst.CSTNode, text: str) -> None:
        line = self.get_metadata(PositionProvider, node).start.line
        self.scan.review.append(
            StringHit(line=line, text=text if len(text) < 120 else text[:117] + "...")
        )


def scan_references(context: CodemodContext, rename: Rename) -> ReferenceScan:
    """Run the pre-pass over the module held by `context.wrapper`."""
    wrapper = context.wrapper
    if wrapper is None:
        raise ValueError("scan_references needs a context with a MetadataWrapper")
    scanner = _Scanner(context, rename)
    wrapper.visit(scanner)
    return scanner.scan
