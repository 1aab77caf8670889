"""Small libcst helpers shared by the codemods: dotted names as nodes, import list endings,
docstrings."""

from __future__ import annotations

import libcst as cst

__all__ = ["dotted_expression", "end_like", "is_docstring", "line_offset"]


def dotted_expression(name: str) -> cst.Attribute | cst.Name:
    """`a.b.c` as a libcst expression."""
    parts = name.split(".")
    node: cst.Attribute | cst.Name = cst.Name(parts[0])
    for part in parts[1:]:
        node = cst.Attribute(value=node, attr=cst.Name(part))
    return node


def end_like(
    alias: cst.ImportAlias, last: cst.ImportAlias, *, parenthesized: bool
) -> cst.ImportAlias:
    """`alias` made the last name of its import, where `last` used to end the list."""
    if not parenthesized:
        # Without parentheses a trailing comma is a syntax error.
        return alias.with_changes(comma=cst.MaybeSentinel.DEFAULT)
    mine, theirs = alias.comma, last.comma
    if not isinstance(theirs, cst.Comma):
        return alias.with_changes(comma=cst.MaybeSentinel.DEFAULT)
    if isinstance(mine, cst.Comma) and isinstance(
        mine.whitespace_after, cst.ParenthesizedWhitespace
    ):
        after = theirs.whitespace_after
        if isinstance(after, cst.ParenthesizedWhitespace):
            closing = mine.whitespace_after.with_changes(last_line=after.last_line)
            return alias.with_changes(comma=mine.with_changes(whitespace_after=closing))
    return alias.with_changes(comma=theirs)


def line_offset(source: str, line: int) -> int:
    """The offset where `line` (1-based) starts; 0 for line 0."""
    offset = 0
    for _ in range(max(0, line - 1)):
        offset = source.find("\n", offset) + 1
    return offset


def is_docstring(statement: cst.CSTNode) -> bool:
    """Whether `statement` is a bare string on a line of its own (a docstring where it opens a
    module, class or function)."""
    return (
        isinstance(statement, cst.SimpleStatementLine)
        and len(statement.body) == 1
        and isinstance(statement.body[0], cst.Expr)
        and isinstance(statement.body[0].value, cst.SimpleString | cst.ConcatenatedString)
    )
