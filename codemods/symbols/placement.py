"""Where new imports go, and how a generated one is spelled (relative when asked, wrapped when
long, the way black and ruff format it)."""

from __future__ import annotations

import libcst as cst

from codemods.engine.names import relative_spelling
from codemods.engine.syntax import dotted_expression, is_docstring
from codemods.symbols.definitions import Statement

__all__ = ["import_from", "insert_imports"]

_TWO_BLANKS = (cst.EmptyLine(), cst.EmptyLine())
LINE_LENGTH = 88  # black's and ruff's default: a longer import is wrapped


def import_from(module: str, names: list[str], *, package: str, relative: bool) -> cst.ImportFrom:
    """`from module import names`, relative to `package` when asked and possible."""
    aliases = [cst.ImportAlias(name=cst.Name(n)) for n in names]
    spelling = relative_spelling(package, module) if relative else None
    if spelling is None:
        node = cst.ImportFrom(module=dotted_expression(module), names=aliases)
    else:
        level, rest = spelling
        node = cst.ImportFrom(
            module=dotted_expression(rest) if rest else None,
            names=aliases,
            relative=[cst.Dot() for _ in range(level)],
        )
    return _wrapped(node) if len(cst.Module([]).code_for_node(node)) > LINE_LENGTH else node


def _wrapped(node: cst.ImportFrom) -> cst.ImportFrom:
    """`from m import (` one name a line `)`, the way black and ruff format a long import."""
    assert not isinstance(node.names, cst.ImportStar)
    line = cst.ParenthesizedWhitespace(
        first_line=cst.TrailingWhitespace(),
        indent=True,
        last_line=cst.SimpleWhitespace("    "),
    )
    last = cst.ParenthesizedWhitespace(first_line=cst.TrailingWhitespace(), indent=True)
    names = [
        a.with_changes(comma=cst.Comma(whitespace_after=last if i == len(node.names) - 1 else line))
        for i, a in enumerate(node.names)
    ]
    return node.with_changes(
        names=names, lpar=cst.LeftParen(whitespace_after=line), rpar=cst.RightParen()
    )


def _after_imports(tree: cst.Module) -> int:
    """Where new imports go: after the last top-level import (or docstring) before any code."""
    position = 0
    for index, statement in enumerate(tree.body):
        if isinstance(statement, cst.SimpleStatementLine) and all(
            isinstance(s, cst.Import | cst.ImportFrom) for s in statement.body
        ):
            position = index + 1
        elif index == 0 and is_docstring(statement):
            position = 1
        elif isinstance(statement, cst.If) and _imports_only(statement):
            position = index + 1
        else:
            break
    return position


def _imports_only(statement: cst.If) -> bool:
    body = statement.body
    return isinstance(body, cst.IndentedBlock) and all(
        isinstance(s, cst.SimpleStatementLine)
        and all(isinstance(x, cst.Import | cst.ImportFrom) for x in s.body)
        for s in body.body
    )


def insert_imports(tree: cst.Module, statements: list[Statement]) -> cst.Module:
    """`tree` with `statements` after its imports (skipping any it already has)."""
    have = {tree.code_for_node(s).strip() for s in tree.body}
    new = [s for s in statements if tree.code_for_node(s).strip() not in have]
    if not new:
        return tree
    at = _after_imports(tree)
    body = list(tree.body)
    if at < len(body) and at > 0:
        following = body[at]
        if not following.leading_lines:
            body[at] = following.with_changes(leading_lines=(cst.EmptyLine(),))
    elif at == 0 and body:
        body[0] = body[0].with_changes(leading_lines=_TWO_BLANKS)
    if (
        at > 0
        and is_docstring(body[at - 1])
        and not any(
            isinstance(s, cst.SimpleStatementLine | cst.If) and not is_docstring(s)
            for s in body[:at]
        )
    ):
        new[0] = new[0].with_changes(leading_lines=(cst.EmptyLine(),))
    body[at:at] = new
    return tree.with_changes(body=body)
