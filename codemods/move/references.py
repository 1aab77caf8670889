"""The pre-pass of a move: which name chains in code denote OLD, and what strings say about it.

Import statements are rewritten in place by `codemods.move`; this module finds the code that
*uses* them: attribute chains such as `a.b.c.X` after `import a.b` (resolved with libcst's
`QualifiedNameProvider`, with `ScopeProvider` to skip names shadowed by a local binding), and
classifies string literals that mention OLD. Metadata is only computed for files whose text can
hold such a chain: resolving it costs more than parsing.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field

import libcst as cst
from libcst.helpers import get_full_name_for_node
from libcst.metadata import (
    ImportAssignment,
    MetadataWrapper,
    QualifiedNameProvider,
    QualifiedNameSource,
    Scope,
    ScopeProvider,
)

from codemods.engine.names import DOTTED_REF, Rename, is_within, resolve_relative
from codemods.move.bindings import (
    PlainBindings,
    find_plain_bindings,
    fresh_binding,
    may_rename_bindings,
)
from codemods.move.prune import imported_roots, pruned

__all__ = ["ReferenceScan", "classify_string", "outside_imports", "scan_chains"]


@dataclass
class ReferenceScan:
    """What the pre-pass found in one module (nodes are those of the scanned tree)."""

    chains: set[cst.CSTNode] = field(default_factory=set)
    needs_import: set[cst.CSTNode] = field(default_factory=set)
    used_names: set[str] = field(default_factory=set)
    plain: PlainBindings = field(default_factory=PlainBindings)
    # When NEW's root name means something else where the chains are: the added import binds
    # `import_as` instead, and those chains are spelled through it.
    import_as: str | None = None
    provided_as: str | None = None  # the same, for `import OLD` rewritten to `import NEW`
    through: dict[cst.CSTNode, str] = field(default_factory=dict)


def classify_string(value: str, rename: Rename) -> str | None:
    """The new text of a string that is a dotted path to OLD, `""` when it only mentions OLD
    (left for review), None when it does not concern OLD."""
    if rename.old not in value:
        return None
    if DOTTED_REF.fullmatch(value):
        renamed = rename.apply_ref(value)
        # A bare one-word OLD ("utils") could be anything; a dotted path to it is specific.
        if renamed is not None and ("." in rename.old or value != rename.old):
            return renamed
    mention = re.compile(rf"(?<![\w.]){re.escape(rename.old)}(?![\w])")
    if not mention.search(value):
        return None
    if "." in rename.old and _is_type_expression(value):
        # A string annotation (`"a.b.c.Quote | None"`): every dotted name in it is code.
        return mention.sub(rename.new, value)
    return ""


_TYPE_NODES = (
    ast.Expression,
    ast.Name,
    ast.Attribute,
    ast.Subscript,
    ast.Tuple,
    ast.List,
    ast.BinOp,
    ast.BitOr,
    ast.Constant,
    ast.Load,
)


def _is_type_expression(value: str) -> bool:
    """Is `value` a type expression: names, attributes, subscripts, `|` and None only?"""
    try:
        tree = ast.parse(value.strip(), mode="eval")
    except SyntaxError:
        return False
    return all(
        isinstance(node, _TYPE_NODES)
        and (not isinstance(node, ast.Constant) or node.value is None or node.value is Ellipsis)
        for node in ast.walk(tree)
    )


def _root_name(node: cst.BaseExpression) -> cst.Name | None:
    while isinstance(node, cst.Attribute):
        node = node.value
    return node if isinstance(node, cst.Name) else None


class _ChainScanner(cst.CSTVisitor):
    METADATA_DEPENDENCIES = (QualifiedNameProvider, ScopeProvider)

    def __init__(self, package: str, rename: Rename) -> None:
        super().__init__()
        self.package = package
        self.rename = rename
        self.scan = ReferenceScan()
        self.imported: dict[cst.CSTNode, Scope] = {}  # chains that need the import they get
        self.provided: dict[cst.CSTNode, Scope] = {}  # chains through `import OLD` itself

    def visit_Import(self, node: cst.Import) -> bool:
        return False

    def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
        return False

    def _qualified(self, node: cst.CSTNode) -> set[str]:
        names = set()
        for qname in self.get_metadata(QualifiedNameProvider, node, set()):
            if qname.source is not QualifiedNameSource.IMPORT:
                continue
            name = qname.name
            if name.startswith("."):
                level = len(name) - len(name.lstrip("."))
                name = resolve_relative(self.package, level, name.lstrip(".")) or ""
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
                scope = self.get_metadata(ScopeProvider, root, None) if root is not None else None
                if scope is not None:
                    self.provided[node] = scope
            return
        if isinstance(node, cst.Attribute):
            self.scan.chains.add(node)
            self.scan.needs_import.add(bindings[0].node)
            scope = self.get_metadata(ScopeProvider, root, None) if root is not None else None
            if scope is not None:
                self.imported[node] = scope

    def _provides_new(self, statement: cst.CSTNode) -> bool:
        """An `import OLD[.x]` without alias: rewritten to `import NEW[.x]`, it binds NEW's root."""
        if not isinstance(statement, cst.Import):
            return False
        return any(
            alias.asname is None
            and is_within(get_full_name_for_node(alias.name) or "", self.rename.old)
            for alias in statement.names
        )

    def _binds_plain_submodule(self, bindings: list[ImportAssignment]) -> bool:
        # A top-level OLD: `import a` keeps its binding through an alias, `import a.sub` does not.
        return not any(
            isinstance(a.node, cst.Import)
            and any(
                alias.asname is None and get_full_name_for_node(alias.name) == self.rename.old
                for alias in a.node.names
            )
            for a in bindings
        )


def _spell_through_fresh_binding(
    scan: ReferenceScan, chains: dict[cst.CSTNode, Scope], rename: Rename
) -> None:
    """Where the added `import NEW` would bind a name the chains' scopes already use for
    something else, import NEW under a name nothing there binds and spell them through it."""
    binding = fresh_binding(rename.importable, set(chains.values()))
    if binding is not None:
        scan.import_as = binding
        text = binding + rename.new[len(rename.importable) :]
        scan.through = dict.fromkeys(chains, text)


def _rebinds_another_root(code: str, rename: Rename) -> bool:
    """Does `import OLD` become an import that binds another name (NEW's root), with no
    `import OLD.x` beside it (which would bind that name too)?"""
    old_root, new_root = rename.old.split(".")[0], rename.new.split(".")[0]
    inner = re.search(rf"\bimport\s[^\n]*\b{re.escape(rename.old)}\.", code)
    return "." in rename.old and old_root != new_root and inner is None


def outside_imports(code: str, pattern: re.Pattern[str]) -> bool:
    """Does `pattern` match a line that is not an import statement's first line?"""
    for line in code.splitlines():
        if line.lstrip().startswith(("from ", "import ")):
            continue
        if pattern.search(line):
            return True
    return False


def _may_have_chains(code: str, rename: Rename) -> bool:
    """Can code outside import statements use OLD through an attribute chain (`x.leaf`)?"""
    if "." not in rename.old:
        return True
    leaf = rename.old.rpartition(".")[2]
    return outside_imports(code, re.compile(rf"\.\s*{re.escape(leaf)}\b"))


def scan_chains(
    tree: cst.Module,
    package: str,
    rename: Rename,
    *,
    code: str | None = None,
    is_init: bool = False,
    names: bool = True,
) -> ReferenceScan:
    """The attribute chains of `tree` that denote OLD, and the bindings of OLD that follow the
    move (found on `tree`'s own nodes; the chains in the part of it that can hold them).
    With `names`, also the names used through OLD (`used_names`, which a shim re-exports)."""
    text = tree.code if code is None else code
    chains = _may_have_chains(text, rename)
    plain = not is_init and may_rename_bindings(text, rename)
    roots = imported_roots(text, package, rename.old) if chains and not names else None
    if roots is not None and not roots.above and "." in rename.old:
        chains = False  # no name is bound above OLD: no chain can reach it
    if not chains and not plain:
        return ReferenceScan()
    scan = ReferenceScan()
    if chains:
        scanner = _ChainScanner(package, rename)
        keep = {rename.new.split(".")[0]}
        part = pruned(tree, text, package, rename.old, keep=keep, names=names, roots=roots)
        MetadataWrapper(part, unsafe_skip_copy=True).visit(scanner)
        scan = scanner.scan
        if scan.needs_import:
            _spell_through_fresh_binding(scan, scanner.imported, rename)
        if scanner.provided and _rebinds_another_root(text, rename):
            binding = fresh_binding(rename.new, set(scanner.provided.values()))
            if binding is not None:
                scan.provided_as = binding
                scan.through.update(dict.fromkeys(scanner.provided, binding))
    if plain:
        wrapper = MetadataWrapper(tree, unsafe_skip_copy=True)
        scan.plain = find_plain_bindings(wrapper, package, rename, code=text, is_init=is_init)
    return scan
