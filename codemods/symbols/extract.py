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

from codemods.symbols.definitions import ImportBinding, ModuleFacts, Statement, spaced
from codemods.symbols.placement import import_from, insert_imports
from codemods.symbols.selection import Selection
from codemods.symbols.unused import drop_unused_imports

__all__ = ["Extraction", "extract"]

_TWO_BLANKS = (cst.EmptyLine(), cst.EmptyLine())


@dataclass(frozen=True)
class Extraction:
    """The source module without the moved code, and the fragment that goes to DEST."""

    source: cst.Module
    fragment: cst.Module
    dropped_imports: tuple[str, ...]


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
