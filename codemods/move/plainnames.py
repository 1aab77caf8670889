"""The cheap way to the names that follow a move: when the module only ever reads the old name,
binds it only by the imports of OLD, never writes it in a string, and never mentions the new
name, every read of it is a use to rewrite, with no scope analysis (which costs several parses).

Checked twice: Python's own parser says how the name is used, and the number of reads it counts
must be the number of names found in the libcst tree; otherwise the caller asks the scopes.
"""

from __future__ import annotations

import ast
import builtins
import re

import libcst as cst
from libcst.helpers import get_full_name_for_node

from codemods.engine.names import Rename, resolve_relative

__all__ = ["ImportCandidates", "plain_names_without_scopes"]


class ImportCandidates(cst.CSTVisitor):
    """Imports of OLD without an alias whose binding the move renames (`import a` when OLD is
    the top-level `a`; `from p import old` when OLD's leaf changes), and the reads of the old
    name outside imports, attributes and keywords."""

    def __init__(self, package: str, rename: Rename) -> None:
        super().__init__()
        self.package = package
        self.rename = rename
        top_level = "." not in rename.old
        self.bound = rename.old if top_level else rename.old.rpartition(".")[2]
        self.new = rename.new if top_level else rename.new.rpartition(".")[2]
        self.found: list[tuple[cst.CSTNode, cst.ImportAlias]] = []
        self.reads: list[cst.Name] = []
        self._not_reads: set[cst.Name] = set()

    def visit_Import(self, node: cst.Import) -> bool:
        if "." not in self.rename.old:
            for alias in node.names:
                if alias.asname is None and get_full_name_for_node(alias.name) == self.rename.old:
                    self.found.append((node, alias))
        return False

    def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
        if isinstance(node.names, cst.ImportStar) or "." not in self.rename.old:
            return False
        module = get_full_name_for_node(node.module) if node.module is not None else None
        base = (
            resolve_relative(self.package, len(node.relative), module) if node.relative else module
        )
        for alias in node.names:
            name = str(alias.evaluated_name)
            if alias.asname is None and f"{base}.{name}" == self.rename.old and name != self.new:
                self.found.append((node, alias))
        return False

    def visit_Attribute(self, node: cst.Attribute) -> None:
        self._not_reads.add(node.attr)

    def visit_Arg(self, node: cst.Arg) -> None:
        if node.keyword is not None:
            self._not_reads.add(node.keyword)

    def visit_Name(self, node: cst.Name) -> None:
        if node.value == self.bound and node not in self._not_reads:
            self.reads.append(node)


def _python_reads(code: str, bound: str) -> tuple[int, int] | None:
    """How many times Python reads `bound` in `code`, and how many import aliases bind it;
    None when it does anything else with it (binds it otherwise, declares it global, deletes
    it, or names it in a string)."""
    try:
        tree = ast.parse(code)
    except (SyntaxError, ValueError):
        return None
    reads = aliases = 0
    word = re.compile(rf"\b{re.escape(bound)}\b")
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id == bound:
            if not isinstance(node.ctx, ast.Load):
                return None
            reads += 1
        elif isinstance(node, ast.alias):
            aliases += (node.asname or node.name.split(".")[0]) == bound
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            if word.search(node.value):
                return None
        elif bound in _other_bindings(node):
            return None
    return reads, aliases


def _other_bindings(node: ast.AST) -> tuple[str | None, ...]:
    """The names `node` binds other than by an assignment to a name."""
    if isinstance(node, ast.arg):
        return (node.arg,)
    if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        return (node.name,)
    if isinstance(node, ast.ExceptHandler | ast.MatchAs | ast.MatchStar):
        return (node.name,)
    if isinstance(node, ast.MatchMapping):
        return (node.rest,)
    if isinstance(node, ast.Global | ast.Nonlocal):
        return tuple(node.names)
    return ()


def plain_names_without_scopes(
    candidates: ImportCandidates, code: str
) -> dict[cst.CSTNode, str] | None:
    """Each read of the old name and its new text, when the module makes that certain; None
    when only the scopes can say."""
    new_root = candidates.new.split(".")[0]
    if re.search(rf"\b{re.escape(new_root)}\b", code) or new_root in vars(builtins):
        return None
    counted = _python_reads(code, candidates.bound)
    if counted != (len(candidates.reads), len(candidates.found)):
        return None
    return dict.fromkeys(candidates.reads, candidates.new)
