"""What a module defines at its top level, and which of its own top-level names each part uses.

`read_module` resolves every name with libcst's `ScopeProvider` (so a name shadowed by a local
binding is not a use, and string annotations are), and answers per top-level statement: the
names it binds, the module-level names it uses, and for imports the aliases that bind them.
"""

from __future__ import annotations

import builtins
from dataclasses import dataclass

import libcst as cst
from libcst.metadata import GlobalScope, MetadataWrapper, PositionProvider, ScopeProvider

__all__ = ["ImportBinding", "ModuleFacts", "Statement", "TopLevel", "read_module"]

Statement = cst.SimpleStatementLine | cst.BaseCompoundStatement

DEFINITION_KINDS = ("class", "def", "assign")
_BUILTINS = frozenset(dir(builtins)) | {"__file__", "__name__", "__doc__", "__spec__"}


@dataclass(frozen=True)
class TopLevel:
    """One statement of the module body: what it binds and which module-level names it uses."""

    index: int
    kind: str  # "class" | "def" | "assign" | "import" | "block" | "other"
    names: frozenset[str]
    uses: frozenset[str]
    first_line: int
    last_line: int
    unresolved: frozenset[str] = frozenset()  # names bound nowhere here (builtins aside)


@dataclass(frozen=True)
class ImportBinding:
    """A name bound by an import at module level: the statement, and whether it is typing-only."""

    name: str
    statement: int  # index of the top-level statement that holds the import
    node: cst.Import | cst.ImportFrom
    alias: cst.ImportAlias
    typing_only: bool


@dataclass(frozen=True)
class ModuleFacts:
    """A parsed module and what `read_module` learned about its top level."""

    tree: cst.Module
    statements: tuple[TopLevel, ...]
    imports: dict[str, ImportBinding]
    dunder_all: tuple[str, ...] | None

    def defining(self, name: str) -> TopLevel | None:
        """The definition (class, def or assignment) that binds `name`, if there is one."""
        for statement in self.statements:
            if name in statement.names and statement.kind in DEFINITION_KINDS:
                return statement
        return None

    def binders(self, name: str) -> list[TopLevel]:
        return [s for s in self.statements if name in s.names]

    def definitions(self) -> list[str]:
        """Every top-level name a definition binds, in order (for suggestions)."""
        return [n for s in self.statements if s.kind in DEFINITION_KINDS for n in sorted(s.names)]


def _targets(node: cst.BaseAssignTargetExpression | cst.BaseExpression) -> set[str]:
    if isinstance(node, cst.Name):
        return {node.value}
    if isinstance(node, cst.Tuple | cst.List):
        return {n for element in node.elements for n in _targets(element.value)}
    return set()


def _alias_binding(alias: cst.ImportAlias) -> str:
    if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
        return alias.asname.name.value
    return str(alias.evaluated_name).split(".")[0]


def _is_type_checking(test: cst.BaseExpression) -> bool:
    if isinstance(test, cst.Name):
        return test.value == "TYPE_CHECKING"
    return isinstance(test, cst.Attribute) and test.attr.value == "TYPE_CHECKING"


class _Imports(cst.CSTVisitor):
    """Import aliases inside one top-level statement (also inside if/try blocks)."""

    def __init__(self, index: int, *, typing_only: bool) -> None:
        super().__init__()
        self.index = index
        self.typing_only = typing_only
        self.found: list[ImportBinding] = []

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        return False

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        return False

    def _add(self, node: cst.Import | cst.ImportFrom) -> None:
        if isinstance(node.names, cst.ImportStar):
            return
        for alias in node.names:
            name = _alias_binding(alias)
            self.found.append(ImportBinding(name, self.index, node, alias, self.typing_only))

    def visit_Import(self, node: cst.Import) -> bool:
        self._add(node)
        return False

    def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
        self._add(node)
        return False


def _kind_and_names(statement: cst.CSTNode) -> tuple[str, set[str]]:
    if isinstance(statement, cst.ClassDef):
        return "class", {statement.name.value}
    if isinstance(statement, cst.FunctionDef):
        return "def", {statement.name.value}
    if isinstance(statement, cst.SimpleStatementLine):
        names: set[str] = set()
        kinds = set()
        for small in statement.body:
            if isinstance(small, cst.Assign):
                kinds.add("assign")
                for target in small.targets:
                    names |= _targets(target.target)
            elif isinstance(small, cst.AnnAssign) and small.value is not None:
                kinds.add("assign")
                names |= _targets(small.target)
            elif isinstance(small, cst.Import | cst.ImportFrom):
                kinds.add("import")
            elif isinstance(alias := getattr(small, "name", None), cst.Name):  # `type X = ...`
                kinds.add("assign")
                names.add(alias.value)
            else:
                kinds.add("other")
        return (kinds.pop() if len(kinds) == 1 else "other"), names
    return "block", set()


def read_module(tree: cst.Module) -> ModuleFacts:
    """The top-level facts of `tree` (resolved once; positions are those of `tree`)."""
    wrapper = MetadataWrapper(tree, unsafe_skip_copy=True)
    scopes = wrapper.resolve(ScopeProvider)
    positions = wrapper.resolve(PositionProvider)
    imports: dict[str, ImportBinding] = {}
    spans: list[tuple[int, int, int, str, set[str]]] = []
    for index, statement in enumerate(tree.body):
        kind, names = _kind_and_names(statement)
        typing_only = isinstance(statement, cst.If) and _is_type_checking(statement.test)
        finder = _Imports(index, typing_only=typing_only)
        statement.visit(finder)
        for binding in finder.found:
            imports.setdefault(binding.name, binding)
            names.add(binding.name)
        if kind == "block":
            names |= _block_definitions(statement)
        span = positions[statement]
        decorators = getattr(statement, "decorators", ())
        first = positions[decorators[0]].start.line if decorators else span.start.line
        spans.append((first, span.end.line, index, kind, names))
    uses, unresolved = _uses_by_statement(scopes, positions, spans)
    statements = tuple(
        TopLevel(
            index,
            kind,
            frozenset(names),
            frozenset(uses.get(index, ())),
            first,
            last,
            frozenset(unresolved.get(index, ())),
        )
        for first, last, index, kind, names in spans
    )
    return ModuleFacts(tree, statements, imports, _dunder_all(tree))


def _block_definitions(statement: cst.CSTNode) -> set[str]:
    """Names a top-level if/try block defines (classes, functions, assignments) directly."""
    names: set[str] = set()
    for node in _block_bodies(statement):
        kind, bound = _kind_and_names(node)
        if kind != "import":
            names |= bound
    return names


def _block_bodies(statement: cst.CSTNode) -> list[cst.CSTNode]:
    found: list[cst.CSTNode] = []
    for child in statement.children:
        if isinstance(child, cst.BaseSuite):
            found.extend(child.body if isinstance(child, cst.IndentedBlock) else [child])
        elif isinstance(child, cst.If | cst.Else | cst.ExceptHandler | cst.Finally):
            found.extend(_block_bodies(child))
    return found


def _uses_by_statement(
    scopes: object, positions: object, spans: list[tuple[int, int, int, str, set[str]]]
) -> tuple[dict[int, set[str]], dict[int, set[str]]]:
    """For each top-level statement, the module-level names used inside it, and the names it
    uses that nothing binds (a star import may)."""
    scope_map = dict(scopes)  # type: ignore[call-overload]
    position_map = positions
    global_scope = next((s for s in scope_map.values() if isinstance(s, GlobalScope)), None)
    if global_scope is None:
        return {}, {}
    starts = [(first, last, index) for first, last, index, _, _ in spans]
    found: dict[int, set[str]] = {}
    unbound: dict[int, set[str]] = {}
    for scope in {id(s): s for s in scope_map.values() if s is not None}.values():
        for access in scope.accesses:
            names = {r.name.split(".")[0] for r in access.referents if r.scope is global_scope}
            target = found
            if not access.referents and isinstance(access.node, cst.Name):
                if access.node.value in _BUILTINS:
                    continue
                names, target = {access.node.value}, unbound
            if not names:
                continue
            line = position_map[access.node].start.line  # type: ignore[index]
            for first, last, index in starts:
                if first <= line <= last:
                    target.setdefault(index, set()).update(names)
                    break
    return found, unbound


def _dunder_all(tree: cst.Module) -> tuple[str, ...] | None:
    for statement in tree.body:
        if not isinstance(statement, cst.SimpleStatementLine):
            continue
        for small in statement.body:
            target = None
            value: cst.BaseExpression | None = None
            if isinstance(small, cst.Assign) and len(small.targets) == 1:
                target, value = small.targets[0].target, small.value
            elif isinstance(small, cst.AnnAssign):
                target, value = small.target, small.value
            is_all = isinstance(target, cst.Name) and target.value == "__all__"
            if is_all and isinstance(value, cst.List | cst.Tuple):
                return tuple(
                    str(e.value.evaluated_value)
                    for e in value.elements
                    if isinstance(e.value, cst.SimpleString)
                )
    return None
