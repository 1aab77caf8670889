"""Cut the selected statements out of their module, and the fragment they take to DEST.

The source keeps the imports it still uses and gains `from DEST import ...` for moved names
that its remaining code (or a shim) needs. The fragment holds the imports the moved code needs
(only those, typing-only ones under `TYPE_CHECKING`), an import of what it uses from the
source, and the moved statements with their decorators, comments and blank lines, in source
order. Both are spelled from the source's package; `codemods.symbols.destination` respells the
fragment for DEST.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import libcst as cst

from codemods.engine.names import relative_spelling
from codemods.engine.syntax import dotted_expression
from codemods.symbols.definitions import ImportBinding, ModuleFacts, Statement, spaced
from codemods.symbols.selection import Selection
from codemods.symbols.unused import drop_unused_imports

__all__ = ["Extraction", "extract", "import_from", "insert_imports"]

_TWO_BLANKS = (cst.EmptyLine(), cst.EmptyLine())
LINE_LENGTH = 88  # black's and ruff's default: a longer import is wrapped


@dataclass(frozen=True)
class Extraction:
    """The source module without the moved code, and the fragment that goes to DEST."""

    source: cst.Module
    fragment: cst.Module
    dropped_imports: tuple[str, ...]


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
        elif index == 0 and _is_docstring(statement):
            position = 1
        elif isinstance(statement, cst.If) and _imports_only(statement):
            position = index + 1
        else:
            break
    return position


def _is_docstring(statement: cst.CSTNode) -> bool:
    return (
        isinstance(statement, cst.SimpleStatementLine)
        and len(statement.body) == 1
        and isinstance(statement.body[0], cst.Expr)
        and isinstance(statement.body[0].value, cst.SimpleString | cst.ConcatenatedString)
    )


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
        and _is_docstring(body[at - 1])
        and not any(
            isinstance(s, cst.SimpleStatementLine | cst.If) and not _is_docstring(s)
            for s in body[:at]
        )
    ):
        new[0] = new[0].with_changes(leading_lines=(cst.EmptyLine(),))
    body[at:at] = new
    return tree.with_changes(body=body)


def _line(statement: cst.BaseSmallStatement) -> cst.SimpleStatementLine:
    return cst.SimpleStatementLine(body=[statement])


def _needed_imports(
    facts: ModuleFacts, names: set[str], unresolved: set[str], typing_extra: Sequence[Statement]
) -> list[Statement]:
    """The source's imports of `names`, each statement cut down to the aliases needed."""
    future = [
        s
        for s in facts.tree.body
        if isinstance(s, cst.SimpleStatementLine)
        and any(
            isinstance(x, cst.ImportFrom)
            and isinstance(x.module, cst.Name)
            and x.module.value == "__future__"
            for x in s.body
        )
    ]
    plain: list[Statement] = [f.with_changes(leading_lines=()) for f in future]
    typing: list[Statement] = []
    groups: dict[int, list[ImportBinding]] = {}
    for binding in facts.imports.values():
        if binding.name in names and binding.name != "annotations":
            groups.setdefault(id(binding.node), []).append(binding)
    copied: set[int] = set()
    for bindings in sorted(groups.values(), key=lambda b: b[0].statement):
        original = facts.tree.body[bindings[0].statement]
        if isinstance(original, cst.BaseCompoundStatement) and not bindings[0].typing_only:
            # `try: import x` / `except ImportError: x = None`, version checks: the whole block
            if bindings[0].statement not in copied:
                copied.add(bindings[0].statement)
                plain.append(original.with_changes(leading_lines=()))
            continue
        node = bindings[0].node
        aliases = [b.alias.with_changes(comma=cst.MaybeSentinel.DEFAULT) for b in bindings]
        small = (
            node.with_changes(names=aliases, lpar=None, rpar=None)
            if isinstance(node, cst.ImportFrom)
            else node.with_changes(names=aliases)
        )
        line = _line(small)
        if plain and original.leading_lines and not bindings[0].typing_only:
            line = line.with_changes(leading_lines=(cst.EmptyLine(),))  # a new import group
        (typing if bindings[0].typing_only else plain).append(line)
    plain.extend(_star_imports(facts, unresolved))
    typing.extend(typing_extra)
    if typing:
        plain.append(_line(import_from("typing", ["TYPE_CHECKING"], package="", relative=False)))
        plain.append(
            cst.If(
                test=cst.Name("TYPE_CHECKING"),
                body=cst.IndentedBlock(body=typing),
                leading_lines=(cst.EmptyLine(),),
            )
        )
    return plain


def _star_imports(facts: ModuleFacts, unresolved: set[str]) -> list[Statement]:
    """The source's `from m import *` lines, when the moved code uses a name none binds (it may
    come from one of them)."""
    if not unresolved:
        return []
    return [
        s.with_changes(leading_lines=())
        for s in facts.tree.body
        if isinstance(s, cst.SimpleStatementLine)
        and any(
            isinstance(x, cst.ImportFrom) and isinstance(x.names, cst.ImportStar) for x in s.body
        )
    ]


def _is_star(statement: cst.BaseSmallStatement) -> bool:
    return isinstance(statement, cst.ImportFrom) and isinstance(statement.names, cst.ImportStar)


def _uses_relative(facts: ModuleFacts) -> bool:
    return any(
        isinstance(b.node, cst.ImportFrom) and b.node.relative for b in facts.imports.values()
    )


def _fragment(
    facts: ModuleFacts, selection: Selection, package: str, *, relative: bool
) -> cst.Module:
    moved = [s for i, s in enumerate(facts.tree.body) if i in selection.moved]
    uses = set().union(*(facts.statements[i].uses for i in selection.moved))
    unresolved = set().union(*(facts.statements[i].unresolved for i in selection.moved))
    typing_extra = [
        _line(import_from(selection.module, list(names), package=package, relative=relative))
        for names in [selection.typing_from_source]
        if names
    ]
    header = _needed_imports(facts, uses, unresolved, typing_extra)
    if selection.needs_from_source:
        line = _line(
            import_from(
                selection.module,
                list(selection.needs_from_source),
                package=package,
                relative=relative,
            )
        )
        header.append(line)
    if moved:
        moved[0] = spaced(moved[0], 2 if header else 0)
    return cst.Module(body=[*header, *moved])


def _blank(line: cst.EmptyLine) -> bool:
    return line.comment is None


def _without(tree: cst.Module, drop: frozenset[int]) -> cst.Module:
    """`tree` without the statements `drop`; the statement after a removed run keeps its
    comments, with as many blank lines as it or the run had (`_strip_top` trims a new first
    statement)."""
    body: list[Statement] = []
    inherited: int | None = None
    for index, statement in enumerate(tree.body):
        if index in drop:
            if inherited is None:
                inherited = _leading_blanks(statement)
            continue
        if inherited is not None:
            blanks = max(inherited, _leading_blanks(statement))
            body.append(spaced(statement, blanks))
            inherited = None
            continue
        body.append(statement)
    return tree.with_changes(body=body)


def _leading_blanks(statement: Statement) -> int:
    count = 0
    for line in statement.leading_lines:
        if line.comment is not None:
            break
        count += 1
    return count


def extract(
    facts: ModuleFacts,
    selection: Selection,
    *,
    package: str,
    dest: str,
    shim_names: tuple[str, ...] = (),
    keep_imports: bool = False,
) -> Extraction:
    """The source without the selected statements, and the fragment (see the module doc)."""
    relative = _uses_relative(facts)
    fragment = _fragment(facts, selection, package, relative=relative)
    source = _without(facts.tree, selection.moved)
    wanted = sorted(set(selection.source_uses) | set(shim_names))
    if wanted:
        statement = _line(import_from(dest, wanted, package=package, relative=relative))
        source = insert_imports(source, [statement])
    dropped: list[str] = []
    if not keep_imports:
        source, dropped = drop_unused_imports(source, facts)
    return Extraction(_strip_top(source), fragment, tuple(dropped))


def _strip_top(tree: cst.Module) -> cst.Module:
    """No blank lines before the first statement (removed statements may have left some)."""
    if not tree.body or tree.header:
        return tree
    first = tree.body[0]
    lines = list(first.leading_lines)
    while lines and _blank(lines[0]):
        lines.pop(0)
    return tree.with_changes(body=[first.with_changes(leading_lines=lines), *tree.body[1:]])
