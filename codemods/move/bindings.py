"""Names the user did not choose follow the move: `import a` + `a.X` becomes `import n.a` +
`n.a.X`, and `from p import old` + `old.X` becomes `from q import new` + `new.X`, as rope and
LibCST spell it, instead of an alias the user never wrote (`import n.a as a`).

A binding keeps its name (through an alias) wherever renaming it could break something: an alias
the user wrote, a package `__init__` or a name listed in `__all__` (others may import it), a
name also assigned otherwise or declared `global`/`nonlocal`/deleted, a use that is not a plain
name (a string annotation), or a new name that something else in the module already binds.
"""

from __future__ import annotations

import builtins
import re
from collections import defaultdict
from dataclasses import dataclass, field

import libcst as cst
from libcst.helpers import get_full_name_for_node
from libcst.metadata import (
    BaseAssignment,
    ImportAssignment,
    MetadataWrapper,
    Scope,
    ScopeProvider,
)

from codemods.engine.names import Rename
from codemods.move.plainnames import ImportCandidates, plain_names_without_scopes

__all__ = ["PlainBindings", "find_plain_bindings", "fresh_binding", "may_rename_bindings"]


@dataclass
class PlainBindings:
    """Import aliases (nodes of the scanned tree) that bind a new name after the move, and the
    name nodes that use them, each with its new dotted text."""

    aliases: set[cst.ImportAlias] = field(default_factory=set)
    names: dict[cst.CSTNode, str] = field(default_factory=dict)


def may_rename_bindings(code: str, rename: Rename) -> bool:
    """Can `code` bind OLD under a name that the move changes (a cheap test on the text)?"""
    if rename.symbol:
        return False
    old_leaf, new_leaf = rename.old.rpartition(".")[2], rename.new.rpartition(".")[2]
    if "." not in rename.old:
        return re.search(rf"\bimport\s[^\n]*\b{re.escape(rename.old)}\b", code) is not None
    if old_leaf == new_leaf:
        return False
    pattern = rf"\bimport\s+(?:\([^)]*|[^\n]*)\b{re.escape(old_leaf)}\b"
    return re.search(pattern, code) is not None


def _uses(scope: Scope, bound: str, statements: set[cst.CSTNode]) -> list[cst.Name] | None:
    """Every use of the imports binding `bound` in `scope`, or None when one is not a plain
    name, or the name is also bound otherwise (or under a dotted import, `import a.b`)."""
    if any(a.name.startswith(bound + ".") for a in scope.assignments):
        return None
    uses: list[cst.Name] = []
    for assignment in scope.assignments[bound]:
        if not isinstance(assignment, ImportAssignment) or assignment.node not in statements:
            return None
        for access in assignment.references:
            if not isinstance(access.node, cst.Name) or access.node.value != bound:
                return None
            uses.append(access.node)
    return uses


def _imports_package(assignment: BaseAssignment, root: str) -> bool:
    """Is this `import root` or `import root.x`, binding the package `import root.new` binds?"""
    statement = assignment.node if isinstance(assignment, ImportAssignment) else None
    return isinstance(statement, cst.Import) and any(
        alias.asname is None and (get_full_name_for_node(alias.name) or "").split(".")[0] == root
        for alias in statement.names
    )


def _taken(root: str, scopes: set[Scope], *, same_package_ok: bool) -> bool:
    """Does something the uses can see (a builtin included) already answer to `root`?"""
    if root in vars(builtins):
        return True
    return any(
        not (same_package_ok and _imports_package(assignment, root))
        for scope in scopes
        for assignment in scope[root]
    )


def fresh_binding(module: str, scopes: set[Scope]) -> str | None:
    """None when `import module` may bind its root name for uses in `scopes`; otherwise a name
    that nothing there binds, for `import module as NAME`."""
    if not _taken(module.split(".")[0], scopes, same_package_ok=True):
        return None
    name = "_" + module.replace(".", "_")
    while any(scope[name] for scope in scopes):
        name += "_"
    return name


def find_plain_bindings(
    wrapper: MetadataWrapper, package: str, rename: Rename, *, code: str, is_init: bool
) -> PlainBindings:
    """The imports of OLD whose binding can follow the move, and the uses to rewrite: found
    without scopes where the module makes that certain, through them otherwise."""
    found = PlainBindings()
    if is_init:
        return found
    candidates = ImportCandidates(package, rename)
    wrapper.module.visit(candidates)
    if not candidates.found:
        return found
    names = plain_names_without_scopes(candidates, code)
    if names is not None:
        found.aliases.update(alias for _, alias in candidates.found)
        found.names.update(names)
        return found
    scopes = wrapper.resolve(ScopeProvider)
    grouped: dict[Scope, list[tuple[cst.CSTNode, cst.ImportAlias]]] = defaultdict(list)
    for statement, alias in candidates.found:
        scope = scopes.get(statement)
        if scope is not None:
            grouped[scope].append((statement, alias))
    same_package_ok = "." not in rename.old and "." in rename.new
    bound, new = candidates.bound, candidates.new
    for scope, entries in grouped.items():
        uses = (
            None
            if _listed_or_declared(code, bound)
            else _uses(scope, bound, {statement for statement, _ in entries})
        )
        if uses is None:
            continue
        seen = {scope} | {s for s in (scopes.get(use) for use in uses) if s is not None}
        if _taken(new.split(".")[0], seen, same_package_ok=same_package_ok):
            continue
        found.aliases.update(alias for _, alias in entries)
        found.names.update((use, new) for use in uses)
    return found


def _listed_or_declared(code: str, bound: str) -> bool:
    """Is `bound` named in a string (`__all__`), or declared global, nonlocal or deleted?"""
    name = re.escape(bound)
    if re.search(rf"[\"']{name}[\"']", code):
        return True
    return re.search(rf"\b(?:global|nonlocal|del)\b[^\n]*\b{name}\b", code) is not None
