"""Expressions a type checker reads as types outside annotations.

`cast(T, x)`'s first argument, `TypeVar`'s constraints and `bound=`, and the value of
`X: TypeAlias = ...`. A protocol stands in for the class there as it does in an annotation, so
the usage scan counts them as type uses and the re-typing codemod rewrites them. Visitors track
them with `TypePositions`: `register` the node that may hold some (a call, an annotated
assignment) when visiting it, `enter` and `leave` every node.
"""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst

__all__ = ["TypePositions", "cast_target"]

_CASTS = frozenset({"typing.cast", "typing_extensions.cast"})
_TYPEVARS = frozenset({"typing.TypeVar", "typing_extensions.TypeVar"})
_ALIASES = frozenset({"typing.TypeAlias", "typing_extensions.TypeAlias"})

Qualify = Callable[[cst.CSTNode], set[str]]


def _positions(node: cst.CSTNode, qualify: Qualify) -> list[cst.CSTNode]:
    if isinstance(node, cst.Call):
        names = qualify(node.func)
        positional = [arg for arg in node.args if arg.keyword is None and not arg.star]
        if names & _CASTS:
            typ = [arg for arg in node.args if arg.keyword and arg.keyword.value == "typ"]
            return [arg.value for arg in (positional[:1] or typ)]
        if names & _TYPEVARS:
            bound = [arg for arg in node.args if arg.keyword and arg.keyword.value == "bound"]
            return [arg.value for arg in (*positional[1:], *bound)]
    aliased = isinstance(node, cst.AnnAssign) and qualify(node.annotation.annotation) & _ALIASES
    if aliased and isinstance(node, cst.AnnAssign) and node.value is not None:
        return [node.value]
    return []


class TypePositions:
    """How deep the visit is inside type positions of calls and aliases seen so far."""

    def __init__(self, qualify: Qualify) -> None:
        self.qualify = qualify
        self.depth = 0
        self._pending: set[int] = set()

    def register(self, node: cst.CSTNode) -> None:
        self._pending.update(id(position) for position in _positions(node, self.qualify))

    def enter(self, node: cst.CSTNode) -> None:
        if id(node) in self._pending:
            self.depth += 1

    def leave(self, node: cst.CSTNode) -> None:
        if id(node) in self._pending:
            self.depth -= 1
            self._pending.discard(id(node))


def cast_target(
    node: cst.CSTNode, parent: Callable[[cst.CSTNode], cst.CSTNode | None], qualify: Qualify
) -> cst.BaseAssignTargetExpression | None:
    """For `x = cast(CLASS, value)` with `node` the `CLASS` argument: `x`, now typed with it."""
    arg = parent(node)
    call = parent(arg) if isinstance(arg, cst.Arg) else None
    if not isinstance(call, cst.Call) or not qualify(call.func) & _CASTS:
        return None
    positions = _positions(call, qualify)
    if not positions or positions[0] is not node:
        return None
    assign = parent(call)
    if isinstance(assign, cst.Assign) and len(assign.targets) == 1 and assign.value is call:
        return assign.targets[0].target
    return None
