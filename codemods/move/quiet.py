"""The statements of a module whose text cannot concern OLD, so the move codemod reads only
the import statements in them.

Everything the codemod rewrites or lists outside import statements (a chain `x.old`, a name
bound to OLD's last part, a string or comment naming OLD) spells OLD's last part or OLD itself
on one of its lines. A compound statement none of whose lines (with the comments before it and
after it, up to the next statement) does so is quiet. The lines come from `ast`, whose
statements are libcst's in the same order; where the two do not line up, nothing is quiet.
"""

from __future__ import annotations

import ast
import bisect
import re
from collections.abc import Sequence
from typing import TypeVar

import libcst as cst

__all__ = ["StatementsOnly", "quiet_statements", "statement_spans"]

_N = TypeVar("_N", bound=cst.CSTNode)

# The nodes an import statement can be found in (or is): all a statements-only visit enters.
_HOLDS_IMPORTS = (
    cst.Module,
    cst.BaseCompoundStatement,
    cst.BaseSuite,
    cst.SimpleStatementLine,
    cst.Else,
    cst.ExceptHandler,
    cst.ExceptStarHandler,
    cst.Finally,
    cst.MatchCase,
    cst.Import,
    cst.ImportFrom,
)


class StatementsOnly(cst.CSTTransformer):
    """A visit that enters only what can hold an import statement while `_statements_only`
    is set, and inside the `_quiet` statements (mixed into `MoveModuleCodemod`)."""

    _statements_only: bool = False
    # Compound statements whose lines cannot concern OLD: only their imports are read.
    _quiet: set[cst.CSTNode]
    _quiet_at: cst.CSTNode | None
    _rewrote: bool = False  # did the visit replace any node?

    def on_visit(self, node: cst.CSTNode) -> bool:
        if self._statements_only and not isinstance(node, _HOLDS_IMPORTS):
            return False
        if not self._statements_only and node in self._quiet:
            self._statements_only, self._quiet_at = True, node
        return super().on_visit(node)

    def on_leave(self, original_node: _N, updated_node: _N) -> _N | cst.RemovalSentinel:
        if original_node is self._quiet_at:
            self._statements_only, self._quiet_at = False, None
        left = super().on_leave(original_node, updated_node)
        # every change starts where a node is left as another one
        self._rewrote = self._rewrote or left is not updated_node
        return left  # type: ignore[return-value]


_Span = tuple[int, int, ast.stmt]  # first line, last line, the (first) statement


def statement_spans(body: list[ast.stmt]) -> list[_Span]:
    """(first line, last line, statement) of each statement as libcst counts them: `a; b`
    is one."""
    spans: list[_Span] = []
    for statement in body:
        decorators = getattr(statement, "decorator_list", [])
        first = min([statement.lineno, *(d.lineno for d in decorators)])
        last = statement.end_lineno or statement.lineno
        if spans and first == spans[-1][0]:
            spans[-1] = (first, max(last, spans[-1][1]), spans[-1][2])
        else:
            spans.append((first, last, statement))
    return spans


def _quiet(
    statements: Sequence[cst.BaseStatement],
    body: list[ast.stmt],
    bounds: tuple[int, int],
    hits: list[int],
    found: set[cst.CSTNode],
) -> None:
    spans = statement_spans(body)
    if len(spans) != len(statements):
        return
    for k, (statement, (first, _, node)) in enumerate(zip(statements, spans, strict=True)):
        low = spans[k - 1][1] + 1 if k else bounds[0]
        high = spans[k + 1][0] - 1 if k + 1 < len(spans) else bounds[1]
        at = bisect.bisect_left(hits, low)
        if at == len(hits) or hits[at] > high:
            if isinstance(statement, cst.BaseCompoundStatement):
                found.add(statement)
        elif (
            isinstance(statement, cst.ClassDef | cst.FunctionDef)
            and isinstance(node, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
            and isinstance(statement.body, cst.IndentedBlock)
        ):
            _quiet(statement.body.body, node.body, (first, high), hits, found)


def quiet_statements(tree: cst.Module, code: str, pattern: re.Pattern[str]) -> set[cst.CSTNode]:
    """The compound statements of `tree` (top level, and in classes and functions) with no
    line that `pattern` matches."""
    if code.count("\r") != code.count("\r\n"):
        return set()
    try:
        module = ast.parse(code)
    except (SyntaxError, ValueError):
        return set()
    newlines = [m.start() for m in re.finditer("\n", code)]
    hits = sorted({bisect.bisect_left(newlines, m.start()) + 1 for m in pattern.finditer(code)})
    found: set[cst.CSTNode] = set()
    _quiet(tree.body, module.body, (1, len(newlines) + 1), hits, found)
    return found
