"""Rewrite a module so that the given imports run only under `if TYPE_CHECKING:`.

The imports leave their statements (neighbours on the same line stay), join the module's first
`if TYPE_CHECKING:` block or a new one after the imports at the top, `TYPE_CHECKING` is imported
when the module does not have it, and `from __future__ import annotations` is added on request.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

import libcst as cst

from codemods.engine.syntax import end_like, is_docstring
from codemods.typing_imports.imports import ImportSite, is_type_checking, module_name

__all__ = ["move_under_type_checking"]

Statement = cst.SimpleStatementLine | cst.BaseCompoundStatement
_SPACE = cst.SimpleWhitespace(" ")


def _join(aliases: Sequence[cst.ImportAlias]) -> list[cst.ImportAlias]:
    """`aliases` on one line: `a, b as c`."""
    last = len(aliases) - 1
    return [
        a.with_changes(
            comma=cst.MaybeSentinel.DEFAULT if i == last else cst.Comma(whitespace_after=_SPACE)
        )
        for i, a in enumerate(aliases)
    ]


def _split(
    small: cst.BaseSmallStatement, moving: set[int]
) -> tuple[cst.BaseSmallStatement | None, cst.BaseSmallStatement | None]:
    """(what stays, what moves) of one small statement."""
    if not isinstance(small, cst.Import | cst.ImportFrom) or isinstance(
        small.names, cst.ImportStar
    ):
        return small, None
    names = list(small.names)
    keep = [a for a in names if id(a) not in moving]
    going = [a for a in names if id(a) in moving]
    if not going:
        return small, None
    if not keep:
        return None, small.with_changes(semicolon=cst.MaybeSentinel.DEFAULT)
    moved = small.with_changes(names=_join(going), semicolon=cst.MaybeSentinel.DEFAULT)
    if isinstance(moved, cst.ImportFrom):
        moved = moved.with_changes(lpar=None, rpar=None)
    parenthesized = isinstance(small, cst.ImportFrom) and small.lpar is not None
    keep[-1] = end_like(keep[-1], names[-1], parenthesized=parenthesized)
    return small.with_changes(names=keep), moved


def _take_out(
    body: Sequence[Statement], sites: tuple[ImportSite, ...]
) -> tuple[list[Statement], list[cst.SimpleStatementLine]]:
    """The body without the moving aliases, and the import statements that move (a statement
    that moves whole keeps its comments; its blank lines stay behind for the next one)."""
    moving = {id(s.alias) for s in sites}
    indexes = {s.statement for s in sites}
    kept: list[Statement] = []
    moved: list[cst.SimpleStatementLine] = []
    carry: list[cst.EmptyLine] = []
    for index, statement in enumerate(body):
        if index not in indexes or not isinstance(statement, cst.SimpleStatementLine):
            kept.append(_with_lines(statement, carry))
            carry = []
            continue
        parts = [_split(small, moving) for small in statement.body]
        stays = [s for s, _ in parts if s is not None]
        goes = [g for _, g in parts if g is not None]
        if not stays:
            lines = statement.leading_lines
            moved.append(statement.with_changes(body=goes, leading_lines=_comments(lines)))
            carry = carry or [line for line in lines if line.comment is None]
            continue
        last = stays[-1].with_changes(semicolon=cst.MaybeSentinel.DEFAULT)
        kept.append(_with_lines(statement, carry).with_changes(body=[*stays[:-1], last]))
        carry = []
        moved.append(cst.SimpleStatementLine(body=goes))
    return kept, moved


def _with_lines(statement: Statement, lines: list[cst.EmptyLine]) -> Statement:
    """`statement` with `lines` before it when it has none of its own."""
    if lines and not statement.leading_lines:
        return statement.with_changes(leading_lines=lines)
    return statement


def _comments(lines: Sequence[cst.EmptyLine]) -> list[cst.EmptyLine]:
    return [line for line in lines if line.comment is not None]


def _imports_of(statement: Statement) -> list[cst.Import | cst.ImportFrom] | None:
    if not isinstance(statement, cst.SimpleStatementLine):
        return None
    found = [s for s in statement.body if isinstance(s, cst.Import | cst.ImportFrom)]
    return found if len(found) == len(statement.body) else None


def _header_end(body: list[Statement]) -> int:
    """The index after the imports at the top of the module (docstring, imports, TYPE_CHECKING)."""
    end = 0
    for index, statement in enumerate(body):
        if _imports_of(statement) is not None or is_type_checking(statement):
            end = index + 1
        elif not (index == 0 and is_docstring(statement)):
            break
    return end if end else int(bool(body) and is_docstring(body[0]))


def _target(node: cst.Import | cst.ImportFrom) -> str:
    if isinstance(node, cst.Import):
        return str(node.names[0].evaluated_name)
    return "." * len(node.relative) + (module_name(node.module) or "")


def _is_stdlib(module: str) -> bool:
    return module.split(".")[0] in sys.stdlib_module_names


def _insert_import(body: list[Statement], line: cst.SimpleStatementLine, module: str) -> None:
    """Insert a stdlib import where isort would put it: after the stdlib imports that sort
    before it, else before the first import that is not `__future__`, else after the header."""
    found = [(i, _imports_of(s)) for i, s in enumerate(body[: _header_end(body)])]
    targets = [(i, _target(imports[0]), imports[0]) for i, imports in found if imports]
    others = [(i, t) for i, t, _ in targets if t != "__future__"]
    # isort's order: the section's `import x` lines, then its `from x import y` lines by module.
    before = [
        i
        for i, t, node in targets
        if t != "__future__" and _is_stdlib(t) and (isinstance(node, cst.Import) or t < module)
    ]
    if before:
        body.insert(before[-1] + 1, line.with_changes(leading_lines=[]))
    elif others:
        index, target = others[0]
        following = body[index]
        lines = [] if _is_stdlib(target) else (following.leading_lines or [cst.EmptyLine()])
        body[index] = following.with_changes(leading_lines=lines)
        body.insert(index, line.with_changes(leading_lines=following.leading_lines))
    else:
        position = _header_end(body)
        body.insert(
            position, line.with_changes(leading_lines=[cst.EmptyLine()] if position else [])
        )


def _checking_name(body: list[Statement]) -> cst.BaseExpression | None:
    """How the module already spells `TYPE_CHECKING` at run time, if it does."""
    for statement in body:
        for node in _imports_of(statement) or ():
            if isinstance(node, cst.Import):
                for alias in node.names:
                    if alias.evaluated_name == "typing":
                        return cst.Attribute(
                            cst.Name(alias.evaluated_alias or "typing"), cst.Name("TYPE_CHECKING")
                        )
            elif module_name(node.module) in {"typing", "typing_extensions"} and not node.relative:
                if isinstance(node.names, cst.ImportStar):
                    continue
                for alias in node.names:
                    if alias.evaluated_name == "TYPE_CHECKING":
                        return cst.Name(alias.evaluated_alias or "TYPE_CHECKING")
    return None


def _add_checking_name(body: list[Statement]) -> None:
    """Import `TYPE_CHECKING`: into the module's `from typing import ...`, else on a new line."""
    for index, statement in enumerate(body[: _header_end(body)]):
        imports = _imports_of(statement)
        if not imports or len(imports) != 1:
            continue
        node = imports[0]
        if (
            isinstance(node, cst.ImportFrom)
            and not node.relative
            and module_name(node.module) == "typing"
        ):
            if isinstance(node.names, cst.ImportStar):
                continue
            first = node.names[0]
            comma = (
                first.comma
                if isinstance(first.comma, cst.Comma)
                else cst.Comma(whitespace_after=_SPACE)
            )
            alias = cst.ImportAlias(cst.Name("TYPE_CHECKING"), comma=comma)
            body[index] = statement.with_changes(
                body=[node.with_changes(names=[alias, *node.names])]
            )
            return
    new = cst.SimpleStatementLine(
        [cst.ImportFrom(cst.Name("typing"), [cst.ImportAlias(cst.Name("TYPE_CHECKING"))])]
    )
    _insert_import(body, new, "typing")


def _add_future(body: list[Statement]) -> None:
    """Add `from __future__ import annotations` after the docstring and other future imports."""
    position = 1 if body and is_docstring(body[0]) else 0
    while position < len(body) and _target_of(body[position]) == "__future__":
        position += 1
    future = cst.SimpleStatementLine(
        [cst.ImportFrom(cst.Name("__future__"), [cst.ImportAlias(cst.Name("annotations"))])]
    )
    if position == 0 and body:
        future = future.with_changes(leading_lines=body[0].leading_lines)
        body[0] = body[0].with_changes(leading_lines=[cst.EmptyLine()])
    elif position:
        after_future = _target_of(body[position - 1]) == "__future__"
        future = future.with_changes(leading_lines=[] if after_future else [cst.EmptyLine()])
        if position < len(body) and not body[position].leading_lines:
            body[position] = body[position].with_changes(leading_lines=[cst.EmptyLine()])
    body.insert(position, future)


def _target_of(statement: Statement) -> str | None:
    imports = _imports_of(statement)
    return _target(imports[0]) if imports else None


def _into_block(body: list[Statement], moved: list[cst.SimpleStatementLine]) -> None:
    """Append `moved` to the first `if TYPE_CHECKING:` block, or add one after the imports."""
    for index, statement in enumerate(body):
        if is_type_checking(statement) and isinstance(statement, cst.If):
            suite = statement.body
            if statement.orelse is None and isinstance(suite, cst.IndentedBlock):
                seen = {cst.Module([]).code_for_node(s).strip() for s in suite.body}
                new = [m for m in moved if cst.Module([]).code_for_node(m).strip() not in seen]
                body[index] = statement.with_changes(
                    body=suite.with_changes(body=[*suite.body, *new])
                )
                return
    test = _checking_name(body)
    if test is None:
        _add_checking_name(body)
        test = cst.Name("TYPE_CHECKING")
    position = _header_end(body)
    block = cst.If(
        test=test,
        body=cst.IndentedBlock(body=moved),
        leading_lines=[cst.EmptyLine()] if position else [],
    )
    if position < len(body) and not body[position].leading_lines:
        body[position] = body[position].with_changes(leading_lines=[cst.EmptyLine()])
    body.insert(position, block)


def move_under_type_checking(
    tree: cst.Module, sites: tuple[ImportSite, ...], *, add_future: bool, keep: bool = True
) -> cst.Module:
    """`tree` with the aliases of `sites` (nodes of `tree`) imported under TYPE_CHECKING, or
    not at module level at all unless `keep`."""
    body, moved = _take_out(tree.body, sites)
    if moved and not keep and body and not tree.header:  # no blank lines left at the top
        lines = body[0].leading_lines
        body[0] = body[0].with_changes(leading_lines=_comments(lines))
    if moved and keep:
        _into_block(body, moved)
    if add_future:
        _add_future(body)
    return tree.with_changes(body=body)
