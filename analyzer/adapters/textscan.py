"""Fast facts from a module's source text, without building a syntax tree: its top-level
definitions and whether it only re-exports names (a shim).

Parsing every file with `ast` costs seconds on large code bases (SymPy: ~4.5 s), so the
analyzer reads structure from indentation instead. Multi-line strings are masked first
(`analyzer.adapters.strings`), so a docstring line at column 0 is never taken for code; import
kinds are read the same way (`analyzer.adapters.kinds`).
"""

from __future__ import annotations

import ast
import bisect
import re

from analyzer.adapters.strings import LineMask, string_spans

__all__ = ["TopLevelDefinition", "reexport_sources", "top_level_definitions"]

TopLevelDefinition = tuple[str, str, int, int]
"""(name, "function" | "class", first line, number of lines)."""

_DEFINITION = re.compile(r"^(?:async[ \t]+def|def|class)[ \t]+(\w+)", re.MULTILINE)


def top_level_definitions(text: str, *, mask: LineMask) -> list[TopLevelDefinition]:
    """Top-level functions and classes with their extent (decorators and trailing blanks out)."""
    lines = text.split("\n")
    # Lines that start with code at column 0, found by a pattern rather than a loop over
    # every line; a match's start in "\n" + text is the offset of its line in `text`.
    starts = []
    number, counted = 1, 0
    for line_start in _CODE_AT_COLUMN_0.finditer("\n" + text):
        offset = line_start.start()
        number += text.count("\n", counted, offset)
        counted = offset
        if number not in mask:
            starts.append(number)
    definitions: list[TopLevelDefinition] = []
    for index, first in enumerate(starts):
        match = _DEFINITION.match(lines[first - 1])
        if match is None:
            continue
        end = starts[index + 1] - 1 if index + 1 < len(starts) else len(lines)
        while end > first and (not lines[end - 1].strip() or lines[end - 1][:1] in "#@"):
            end -= 1
        kind = "class" if lines[first - 1].startswith("class") else "function"
        definitions.append((match.group(1), kind, first, end - first + 1))
    return definitions


_CODE_AT_COLUMN_0 = re.compile(r"\n(?=[^\s#)\]}])")
_ALLOWED_NAMES = frozenset({"__all__", "__getattr__", "__dir__"})


def reexport_sources(text: str) -> tuple[str, ...] | None:
    """The modules a re-export shim takes its names from, or None when it is not a shim.

    A shim's body holds only imports, a docstring, `__all__`, and `warnings.warn(...)` calls;
    it has at least one `from ... import`, defines nothing of its own, and says that it
    re-exports: with `__all__`, a `warn(...)` call, or the explicit `import name as name` form.
    """
    if _DEFINITION.search(text) or _has_statements_of_its_own(text):
        return None
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return None
    sources: list[str] = []
    explicit = False
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module == "__future__" and not node.level:
            continue  # a compiler directive, not a source of names
        if isinstance(node, ast.ImportFrom):
            sources.append("." * node.level + (node.module or ""))
            explicit |= any(alias.asname == alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            continue
        elif _is_all_assignment(node) or (
            isinstance(node, ast.Expr) and _is_docstring_or_warning(node)
        ):
            explicit |= not _is_docstring(node)
        else:
            return None
    return tuple(sorted(set(sources))) if sources and explicit else None


# A line at column 0 that assigns to, or calls, a name other than the few a shim may have, or
# starts a compound statement: a quick "no" before parsing (which costs ~100x more).
_OWN_STATEMENT = re.compile(
    r"\n(?:(?!__all__\b|__getattr__\b|__dir__\b|warn)[A-Za-z_][\w.]*[ \t]*(?:[-+*/|&]?=|\()"
    r"|(?:if|try|for|while|with|assert|raise|del)\b)"
)


def _has_statements_of_its_own(text: str) -> bool:
    padded = "\n" + text
    match = _OWN_STATEMENT.search(padded)
    if match is None:
        return False
    spans = string_spans(text)
    starts = [start for start, _ in spans]
    while match is not None:
        offset = match.start()  # of the line, in `text`
        index = bisect.bisect_left(starts, offset) - 1
        if index < 0 or spans[index][1] < offset:
            return True
        match = _OWN_STATEMENT.search(padded, spans[index][1] + 1)
    return False


def _is_docstring(node: ast.stmt) -> bool:
    return (
        isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    )


def _is_all_assignment(node: ast.stmt) -> bool:
    if isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        return all(isinstance(t, ast.Name) and t.id in _ALLOWED_NAMES for t in targets)
    return False


def _is_docstring_or_warning(node: ast.Expr) -> bool:
    if isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
        return True
    call = node.value
    return (
        isinstance(call, ast.Call)
        and isinstance(call.func, ast.Attribute | ast.Name)
        and (call.func.attr if isinstance(call.func, ast.Attribute) else call.func.id) == "warn"
    )
