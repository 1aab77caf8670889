"""`__all__` in the package OLD leaves: a submodule listed there but no longer inside it.

`from package import *` imports every submodule named in the package's `__all__`, so an entry
for a module that moved away breaks star imports, unless the package still binds that name
itself (`from ..n import d as c` keeps `c` importable and the entry valid).
"""

from __future__ import annotations

import libcst as cst

__all__ = ["drop_stale_entry", "remove_entries"]


def _bound_names(module: cst.Module) -> set[str]:
    """Names the module binds at its top level (also inside top-level if/try blocks)."""
    names: set[str] = set()

    class Binder(cst.CSTVisitor):
        def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
            names.add(node.name.value)
            return False

        def visit_ClassDef(self, node: cst.ClassDef) -> bool:
            names.add(node.name.value)
            return False

        def visit_ImportAlias(self, node: cst.ImportAlias) -> None:
            bound = node.evaluated_alias or node.evaluated_name
            names.add(str(bound).split(".")[0])

        def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
            if isinstance(node.target, cst.Name):
                names.add(node.target.value)

    module.visit(Binder())
    return names


class _Drop(cst.CSTTransformer):
    def __init__(self, name: str, replacement: str | None) -> None:
        self.name = name
        self.replacement = replacement
        self.dropped = False

    def leave_Assign(self, original_node: cst.Assign, updated_node: cst.Assign) -> cst.Assign:
        targets = [t.target for t in updated_node.targets]
        value = updated_node.value
        if not any(isinstance(t, cst.Name) and t.value == "__all__" for t in targets):
            return updated_node
        if not isinstance(value, cst.List | cst.Tuple):
            return updated_node
        stale = [
            e
            for e in value.elements
            if isinstance(e.value, cst.SimpleString) and e.value.evaluated_value == self.name
        ]
        if not stale:
            return updated_node
        self.dropped = True
        if self.replacement is not None:
            renamed = [
                e.with_changes(value=_string_like(e.value, self.replacement))
                if e in stale and isinstance(e.value, cst.SimpleString)
                else e
                for e in value.elements
            ]
            return updated_node.with_changes(value=value.with_changes(elements=renamed))
        keep = [e for e in value.elements if e not in stale]
        if keep and value.elements[-1] not in keep:
            keep[-1] = keep[-1].with_changes(comma=value.elements[-1].comma)
        return updated_node.with_changes(value=value.with_changes(elements=keep))


def _string_like(node: cst.SimpleString, text: str) -> cst.SimpleString:
    return node.with_changes(value=f"{node.prefix}{node.quote}{text}{node.quote}")


def drop_stale_entry(
    module: cst.Module, name: str, *, replacement: str | None = None
) -> tuple[cst.Module, bool]:
    """`module` without (or with `replacement` for) the `__all__` entry `name`, when the
    module does not bind `name` itself; and whether it changed."""
    if name in _bound_names(module):
        return module, False
    dropper = _Drop(name, replacement)
    return module.visit(dropper), dropper.dropped


def remove_entries(module: cst.Module, names: list[str]) -> cst.Module:
    """`module` without the `__all__` entries `names`, bound or not (they moved away)."""
    for name in names:
        module = module.visit(_Drop(name, None))
    return module
