"""The part of a module worth resolving scopes in, for chains that may denote OLD.

libcst's scope analysis costs in proportion to the code it reads, and a large test module
often reaches OLD in a few of its hundreds of tests. A chain that denotes OLD either spells
OLD's last part (`a.b.old.x`, `b.old`, `old.x`, through whatever binds `a` or `b`) or starts at
a name an import binds to OLD or to something inside it (`import a.b.old as o`, `from a.b.old
import x`). A function or class whose text names neither can hold no such chain, and cannot
rebind such a name either (rebinding names it). Dropping them keeps every other node as it is,
so what is found is found on the module's own nodes. A star import from inside OLD can bind
any name: nothing is dropped then.
"""

from __future__ import annotations

import ast
import re

import libcst as cst

from codemods.engine.names import is_within, resolve_relative

__all__ = ["pruned"]


def _roots(code: str, package: str, old: str) -> set[str] | None:
    """OLD's last part and the names imports bind to OLD or inside it; None when any name
    may be one (a star import from inside OLD) or the text does not parse."""
    try:
        tree = ast.parse(code)
    except (SyntaxError, ValueError):
        return None
    roots = {old.rpartition(".")[2]}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots.update(a.asname for a in node.names if a.asname and is_within(a.name, old))
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:
                module = resolve_relative(package, node.level, node.module) or ""
            for alias in node.names:
                if alias.name == "*" and is_within(module, old):
                    return None
                if alias.name != "*" and is_within(f"{module}.{alias.name}", old):
                    roots.add(alias.asname or alias.name)
    return roots


def pruned(
    tree: cst.Module, code: str, package: str, old: str, *, keep: set[str] | None = None
) -> cst.Module:
    """`tree` without the top-level functions and classes that name no root of OLD; those
    naming one of `keep` stay too (a name whose module-level binding must be seen, such as
    the root an added `import NEW` binds)."""
    roots = _roots(code, package, old)
    if roots is None:
        return tree
    words = sorted(roots | (keep or set()))
    named = re.compile(r"\b(?:" + "|".join(re.escape(word) for word in words) + r")\b")
    empty = cst.Module([])
    body = [
        statement
        for statement in tree.body
        if not isinstance(statement, cst.FunctionDef | cst.ClassDef)
        or named.search(empty.code_for_node(statement))
    ]
    return tree if len(body) == len(tree.body) else tree.with_changes(body=body)
