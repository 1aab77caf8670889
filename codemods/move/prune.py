"""The part of a module worth resolving scopes in, for chains that may denote OLD.

libcst's scope analysis costs in proportion to the code it reads, and a large test module
often reaches OLD in a few of its hundreds of tests. A chain that denotes OLD starts at a name
an import binds (`import a.b` -> `a`, `from a import b as c` -> `c`, for imports of OLD, of
its packages, or of what it holds); a function or class whose text names none of those roots
can hold no such chain, and cannot rebind a root either (rebinding names it). Dropping them
keeps every other node as it is, so what is found is found on the module's own nodes.
"""

from __future__ import annotations

import ast
import re

import libcst as cst

from codemods.engine.names import is_within, resolve_relative

__all__ = ["pruned"]


def _related(name: str, old: str) -> bool:
    return is_within(name, old) or is_within(old, name)


def _roots(code: str, package: str, old: str) -> set[str] | None:
    """The names imports bind to OLD, its packages or its contents; None when unparsable."""
    try:
        tree = ast.parse(code)
    except (SyntaxError, ValueError):
        return None
    roots = {old.rpartition(".")[2]}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if _related(alias.name, old):
                    roots.add(alias.asname or alias.name.partition(".")[0])
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:
                module = resolve_relative(package, node.level, node.module) or ""
            for alias in node.names:
                if alias.name == "*" or _related(f"{module}.{alias.name}", old):
                    roots.add(alias.asname or alias.name)
    return roots - {"*"}


def pruned(tree: cst.Module, code: str, package: str, old: str) -> cst.Module:
    """`tree` without the top-level functions and classes that name no root of OLD."""
    roots = _roots(code, package, old)
    if roots is None:
        return tree
    named = re.compile(r"\b(?:" + "|".join(re.escape(root) for root in sorted(roots)) + r")\b")
    empty = cst.Module([])
    body = [
        statement
        for statement in tree.body
        if not isinstance(statement, cst.FunctionDef | cst.ClassDef)
        or named.search(empty.code_for_node(statement))
    ]
    return tree if len(body) == len(tree.body) else tree.with_changes(body=body)
