"""The part of a module worth resolving scopes in, for chains that may denote OLD.

libcst's scope analysis costs in proportion to the code it reads, and a large test module
often reaches OLD in a few of its hundreds of tests. A chain that denotes OLD either spells
OLD's last part (`a.b.old.x`, `b.old`, `old.x`, through whatever binds `a` or `b`) or starts at
a name an import binds to OLD or to something inside it (`import a.b.old as o`, `from a.b.old
import x`). A function or class whose text names neither can hold no such chain, and cannot
rebind such a name either (rebinding names it). Dropping them keeps every other node as it is,
so what is found is found on the module's own nodes. The same holds for the methods of a class
that is kept (a method sees no name its class binds). A star import from inside OLD can bind
any name: nothing is dropped then.

When only the chains that denote OLD itself matter (not the names used through it, which only
a shim needs), a dotted OLD is reached through a name bound to a package above it (`import a`,
`from a import b`), and every such chain ends in OLD's last part: a module without such an
import holds none, and in one with it only the code that spells the last part is read.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Sequence
from dataclasses import dataclass

import libcst as cst

from codemods.engine.names import is_within, resolve_relative
from codemods.move.quiet import statement_spans

__all__ = ["ImportedRoots", "imported_roots", "pruned"]


@dataclass(frozen=True)
class ImportedRoots:
    """What the module's imports bind that concerns OLD (anywhere in the module)."""

    within: frozenset[str]  # names bound to OLD or to something inside it
    above: frozenset[str]  # names bound to a package OLD is inside (`import a`, `from a import b`)
    star: bool  # a star import from inside OLD, which can bind any name


def _bound(node: ast.Import | ast.ImportFrom, package: str) -> list[tuple[str, str]]:
    """(name bound, what it is bound to) for each name the import binds."""
    if isinstance(node, ast.Import):
        return [
            (a.asname, a.name) if a.asname else (a.name.split(".")[0], a.name.split(".")[0])
            for a in node.names
        ]
    module = node.module or ""
    if node.level:
        module = resolve_relative(package, node.level, node.module) or ""
    return [(a.asname or a.name, f"{module}.{a.name}") for a in node.names]


def imported_roots(code: str, package: str, old: str) -> ImportedRoots | None:
    """The names imports bind to OLD, inside it or above it; None when the text does not
    parse."""
    try:
        tree = ast.parse(code)
    except (SyntaxError, ValueError):
        return None
    within: set[str] = set()
    above: set[str] = set()
    star = False
    for node in ast.walk(tree):
        if not isinstance(node, ast.Import | ast.ImportFrom):
            continue
        for name, target in _bound(node, package):
            if name == "*":
                star = star or is_within(target.rpartition(".")[0], old)
            elif is_within(target, old):
                within.add(name)
            elif old.startswith(target + "."):
                above.add(name)
    return ImportedRoots(frozenset(within), frozenset(above), star)


def _word(words: set[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words))


def pruned(
    tree: cst.Module,
    code: str,
    package: str,
    old: str,
    *,
    keep: set[str] | None = None,
    names: bool = True,
    roots: ImportedRoots | None = None,
) -> cst.Module:
    """`tree` without the top-level functions and classes that name no root of OLD; those
    naming one of `keep` stay too (a name whose module-level binding must be seen, such as
    the root an added `import NEW` binds). Without `names` (only chains to OLD itself are
    wanted), a function or class stays when it spells OLD's last part, or when it binds one
    of `keep` or of the names bound above OLD in the module's scope."""
    roots = roots or imported_roots(code, package, old)
    if roots is None or (names and roots.star):
        return tree
    leaf = old.rpartition(".")[2]
    if names:
        named = re.compile(rf"\b(?:{_word({leaf, *roots.within, *(keep or set())})})\b")
    else:
        binding = _word({*roots.above, *(keep or set())}) or "(?!)"
        named = re.compile(
            rf"\b{re.escape(leaf)}\b|^\s*(?:async\s+)?(?:def|class)\s+(?:{binding})\b"
            rf"|\bglobal\b[^\n]*\b(?:{binding})\b",
            re.M,
        )
    try:
        module = ast.parse(code)
    except (SyntaxError, ValueError):
        return tree
    body = _kept(tree.body, module.body, code.splitlines(), named)
    return tree if body is tree.body else tree.with_changes(body=body)


def _kept(
    statements: Sequence[cst.BaseStatement],
    body: list[ast.stmt],
    lines: list[str],
    named: re.Pattern[str],
) -> Sequence[cst.BaseStatement]:
    """`statements` without the functions and classes whose lines `named` does not match, and
    the kept classes without such methods (`statements` itself when nothing is dropped)."""
    spans = statement_spans(body)
    if len(spans) != len(statements):
        return statements
    kept: list[cst.BaseStatement] = []
    for statement, (first, last, node) in zip(statements, spans, strict=True):
        if not isinstance(statement, cst.FunctionDef | cst.ClassDef):
            kept.append(statement)
        elif named.search("\n".join(lines[first - 1 : last])):
            kept.append(_class_kept(statement, node, lines, named))
    changed = len(kept) != len(statements) or any(
        a is not b for a, b in zip(kept, statements, strict=True)
    )
    return kept if changed else statements


def _class_kept(
    statement: cst.FunctionDef | cst.ClassDef,
    node: ast.stmt,
    lines: list[str],
    named: re.Pattern[str],
) -> cst.FunctionDef | cst.ClassDef:
    """A class without the methods that cannot matter (a method sees no class-level name)."""
    if not isinstance(statement, cst.ClassDef) or not isinstance(node, ast.ClassDef):
        return statement
    if not isinstance(statement.body, cst.IndentedBlock):
        return statement
    body = _kept(statement.body.body, node.body, lines, named)
    if body is statement.body.body:
        return statement
    return statement.with_changes(body=statement.body.with_changes(body=body))
