"""How a module uses the names an import binds: in annotations, in strings, or at run time.

Modelled on ruff's flake8-type-checking (TC001-TC003): an annotation is *typing-only* when
Python never evaluates it (a string, a local variable's annotation, any annotation under
`from __future__ import annotations`), *evaluated* when Python evaluates it at definition time
(parameters, returns, module and class variables without that future import: the future import
makes them typing-only), and any other use is a *runtime* use that keeps the import.
Libraries that read annotations at run time (pydantic, attrs, `typing.get_type_hints`) cannot be
seen from here: their annotations count as annotations.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import libcst as cst
from libcst.metadata import (
    ClassScope,
    FunctionScope,
    ImportAssignment,
    MetadataWrapper,
    ParentNodeProvider,
    PositionProvider,
    Scope,
    ScopeProvider,
)

from codemods.typing_imports.imports import ImportSite, is_type_checking, module_name

__all__ = ["EVALUATED", "RUNTIME", "TYPING", "Use", "UseReport", "read_uses"]

TYPING, EVALUATED, RUNTIME = "typing", "evaluated", "runtime"
_CHECKS = frozenset({"isinstance", "issubclass"})


@dataclass(frozen=True)
class Use:
    """One use of a bound name: where, which kind (`TYPING | EVALUATED | RUNTIME`) and why."""

    name: str
    line: int
    kind: str
    reason: str
    text: str
    # For a runtime use inside a function's body: the path of that function (`Class.method`,
    # `outer.inner`), where an import of the name could run instead.
    function: tuple[str, ...] = ()


@dataclass(frozen=True)
class UseReport:
    """Every use of the names the moved imports bind, and whether the module already has
    `from __future__ import annotations` (then no annotation is evaluated)."""

    uses: tuple[Use, ...]
    has_future: bool

    def of_kind(self, kind: str) -> tuple[Use, ...]:
        return tuple(u for u in self.uses if u.kind == kind)


def has_future_annotations(tree: cst.Module) -> bool:
    for statement in tree.body:
        if not isinstance(statement, cst.SimpleStatementLine):
            continue
        for small in statement.body:
            if isinstance(small, cst.ImportFrom) and module_name(small.module) == "__future__":
                names = small.names
                if not isinstance(names, cst.ImportStar) and any(
                    a.evaluated_name == "annotations" for a in names
                ):
                    return True
    return False


def _runtime_reason(
    child: cst.CSTNode, parent: cst.CSTNode, parents: Mapping[cst.CSTNode, cst.CSTNode]
) -> str | None:
    grand = parents.get(parent)
    if isinstance(parent, cst.Decorator):
        return "a decorator"
    if isinstance(parent, cst.Param) and child is parent.default:
        return "a default value"
    if isinstance(parent, cst.Arg) and isinstance(grand, cst.ClassDef):
        return "a base class"
    if isinstance(parent, cst.Call) and child is parent.func:
        return "a call"
    if isinstance(parent, cst.Arg) and isinstance(grand, cst.Call):
        func = grand.func
        called = func.value if isinstance(func, cst.Name) else None
        if called in _CHECKS:
            return f"an {called}() check"
        if called == "cast" and grand.args and grand.args[0] is parent:
            return 'the type of cast() (write it as a string: cast("T", x))'
    if isinstance(parent, cst.ExceptHandler):
        return "an except clause"
    if isinstance(parent, cst.Assign | cst.AnnAssign) and child is parent.value:
        return "an assigned value (a type alias? write it as a string or `type X = ...`)"
    return None


def _annotation_kind(
    annotation: cst.Annotation,
    parents: Mapping[cst.CSTNode, cst.CSTNode],
    scopes: Mapping[cst.CSTNode, Scope | None],
) -> tuple[str, str]:
    owner = parents.get(annotation)
    if isinstance(owner, cst.AnnAssign):
        scope = scopes.get(owner)
        if isinstance(scope, FunctionScope):
            return TYPING, "a local variable annotation (never evaluated)"
        where = "class" if isinstance(scope, ClassScope) else "module"
        return EVALUATED, f"a {where} variable annotation"
    if isinstance(owner, cst.Param):
        return EVALUATED, "a parameter annotation"
    return EVALUATED, "a return annotation"


def _classify(
    node: cst.CSTNode,
    parents: Mapping[cst.CSTNode, cst.CSTNode],
    scopes: Mapping[cst.CSTNode, Scope | None],
) -> tuple[str, str]:
    """The kind of one access and the reason; the innermost annotation or TYPE_CHECKING block
    around it wins, otherwise the first runtime context met on the way up."""
    if isinstance(node, cst.SimpleString | cst.ConcatenatedString):
        return TYPING, "a string annotation (never evaluated)"
    reason: str | None = None
    child, parent = node, parents.get(node)
    while parent is not None:
        if isinstance(parent, cst.Annotation):
            return _annotation_kind(parent, parents, scopes)
        if isinstance(parent, cst.TypeAlias) and child is parent.value:
            return TYPING, "a `type` alias (evaluated lazily)"
        if is_type_checking(parent) and child is getattr(parent, "body", None):
            return TYPING, "under TYPE_CHECKING"
        reason = reason or _runtime_reason(child, parent, parents)
        child, parent = parent, parents.get(parent)
    return RUNTIME, reason or "an expression evaluated at run time"


def _exported(tree: cst.Module, names: set[str]) -> dict[str, int]:
    """Names listed in `__all__` (a re-export needs the name at run time), by statement index."""
    found: dict[str, int] = {}
    for index, statement in enumerate(tree.body):
        if not isinstance(statement, cst.SimpleStatementLine):
            continue
        for small in statement.body:
            target = getattr(small, "target", None)
            targets = [t.target for t in getattr(small, "targets", ())] + [target]
            if not any(isinstance(t, cst.Name) and t.value == "__all__" for t in targets):
                continue
            value = getattr(small, "value", None)
            if isinstance(value, cst.List | cst.Tuple):
                for element in value.elements:
                    text = element.value
                    if isinstance(text, cst.SimpleString) and text.evaluated_value in names:
                        found[str(text.evaluated_value)] = index
    return found


def read_uses(tree: cst.Module, sites: tuple[ImportSite, ...]) -> UseReport:
    """Every use of the names bound by `sites` (nodes of `tree`), classified."""
    wrapper = MetadataWrapper(tree, unsafe_skip_copy=True)
    scopes = wrapper.resolve(ScopeProvider)
    parents = wrapper.resolve(ParentNodeProvider)
    positions = wrapper.resolve(PositionProvider)
    lines = tree.code.splitlines()
    global_scope = scopes[tree]
    uses: list[Use] = []
    for site in sites:
        assignments = global_scope.assignments[site.binding] if global_scope else set()
        for assignment in assignments:
            if not isinstance(assignment, ImportAssignment) or assignment.node is not site.node:
                continue
            for access in assignment.references:
                kind, reason = _classify(access.node, parents, scopes)
                line = positions[access.node].start.line
                where = _function_of(access.node, parents) if kind == RUNTIME else ()
                text = lines[line - 1].strip()
                uses.append(Use(site.binding, line, kind, reason, text, where))
    for name, index in _exported(tree, {s.binding for s in sites}).items():
        line = positions[tree.body[index]].start.line
        reason = "`__all__`, which re-exports it"
        uses.append(Use(name, line, RUNTIME, reason, lines[line - 1].strip()))
    future = has_future_annotations(tree)
    if future:
        uses = [u if u.kind != EVALUATED else _postponed(u) for u in uses]
    return UseReport(tuple(sorted(uses, key=lambda u: (u.line, u.name))), future)


def _function_of(node: cst.CSTNode, parents: Mapping[cst.CSTNode, cst.CSTNode]) -> tuple[str, ...]:
    """The path of the function whose body holds `node` (its decorators, defaults and
    annotations run with the enclosing code, not in it); () when none does."""
    child, parent = node, parents.get(node)
    while parent is not None:
        if isinstance(parent, cst.FunctionDef) and child is parent.body:
            if not isinstance(parent.body, cst.IndentedBlock):
                return ()  # `def f(): return x` on one line has no room for an import
            return _path(parent, parents)
        child, parent = parent, parents.get(parent)
    return ()


def _path(node: cst.FunctionDef, parents: Mapping[cst.CSTNode, cst.CSTNode]) -> tuple[str, ...]:
    names: list[str] = []
    current: cst.CSTNode | None = node
    while current is not None:
        if isinstance(current, cst.FunctionDef | cst.ClassDef):
            names.append(current.name.value)
        current = parents.get(current)
    return tuple(reversed(names))


def _postponed(use: Use) -> Use:
    return Use(use.name, use.line, TYPING, use.reason + " (postponed by __future__)", use.text)
