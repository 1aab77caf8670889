"""Fast facts from a module's source text, without building a syntax tree.

Parsing every file with `ast` costs seconds on large code bases (SymPy: ~4.5 s), so the
analyzer reads structure from indentation instead. Multi-line strings are masked first, so a
docstring line at column 0 is never taken for code.
"""

from __future__ import annotations

import ast
import bisect
import re
from collections.abc import Iterable, Sequence

from analyzer.model import ImportKind

__all__ = [
    "LineMask",
    "TopLevelDefinition",
    "classify_import_lines",
    "masked_lines",
    "reexport_sources",
    "top_level_definitions",
]

TopLevelDefinition = tuple[str, str, int, int]
"""(name, "function" | "class", first line, number of lines)."""

_TRIPLE_QUOTED = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""' + r"|'''(?:[^'\\]|\\.|'(?!''))*'''", re.DOTALL
)
_HEADER_LINE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<rest>(?P<kw>async[ \t]+def|def|class|if|elif|else|try|except"
    r"|finally|with|for|while)\b[^\n]*)",
    re.MULTILINE,
)
_TYPE_CHECKING = re.compile(r"if\s+(?:[A-Za-z_]\w*\.)*TYPE_CHECKING\s*:")
_BRANCH_OWNERS = ("if ", "if(", "try:", "for ", "while ")
_DEFINITION = re.compile(r"^(?:async[ \t]+def|def|class)[ \t]+(\w+)", re.MULTILINE)


class LineMask:
    """Line numbers inside multi-line strings, kept as sorted spans (docstrings can be half of
    a file: a set of every line costs more than the scan that finds them)."""

    __slots__ = ("_ends", "_starts")

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self._starts = [start for start, _ in spans]
        self._ends = [end for _, end in spans]

    def __contains__(self, line: object) -> bool:
        if not isinstance(line, int):
            return False
        index = bisect.bisect_right(self._starts, line) - 1
        return index >= 0 and line <= self._ends[index]


def masked_lines(text: str) -> LineMask:
    """Lines (1-based) that continue a triple-quoted string, so are not code.

    Triple quotes inside ordinary strings or comments are not told apart: rare enough that
    the speed is worth it (a full tokenizer costs ~4x as much).
    """
    spans: list[tuple[int, int]] = []
    if '"""' in text or "'''" in text:
        line, position = 1, 0
        for match in _TRIPLE_QUOTED.finditer(text):
            newlines = match.group().count("\n")
            if newlines:
                line += text.count("\n", position, match.start())
                position = match.start()
                spans.append((line + 1, line + newlines))
    return LineMask(spans)


def classify_import_lines(
    text: str, lines: Iterable[int], *, mask: LineMask | None = None
) -> dict[int, ImportKind]:
    """The kind of the import statement starting on each given line.

    Module-level statements, class bodies and module-level `if`/`try` run at import time;
    anything inside a `def` is deferred; anything under `if TYPE_CHECKING:` (not its `else`)
    is typing-only.
    """
    kinds: dict[int, ImportKind] = {}
    headers: list[_Header] | None = None
    starts: list[int] = []
    source = text.split("\n")
    for line in lines:
        if line < 1 or line > len(source) or not source[line - 1][:1].isspace():
            kinds[line] = ImportKind.IMPORT_TIME
            continue
        if headers is None:
            headers = _block_headers(text, masked_lines(text) if mask is None else mask)
            starts = [header[0] for header in headers]
        before = headers[: bisect.bisect_left(starts, line)]
        kinds[line] = _enclosing_kind(before, _indent(source[line - 1]))
    return kinds


_Header = tuple[int, int, str, str]
"""(line, indentation, keyword, text) of a line that opens a block."""


def _block_headers(text: str, mask: LineMask) -> list[_Header]:
    headers: list[_Header] = []
    line, position = 1, 0
    for match in _HEADER_LINE.finditer(text):
        line += text.count("\n", position, match.start())
        position = match.start()
        keyword, stripped = match.group("kw"), match.group("rest")
        if line not in mask and _opens_block(keyword, stripped):
            headers.append((line, len(match.group("indent")), keyword, stripped))
    return headers


def _enclosing_kind(headers: Sequence[_Header], indent: int) -> ImportKind:
    """Walk the headers above an import, innermost first, to the module level."""
    deferred = False
    skip_to_if_at: int | None = None
    for _, current, keyword, stripped in reversed(headers):
        if skip_to_if_at is not None:
            if current == skip_to_if_at and stripped.startswith(_BRANCH_OWNERS):
                skip_to_if_at = None
                indent = current
            continue
        if current >= indent:
            continue
        indent = current
        if keyword in ("elif", "else", "except", "finally"):
            skip_to_if_at = current
        elif keyword.endswith("def"):
            deferred = True
        elif keyword == "if" and _TYPE_CHECKING.match(stripped):
            return ImportKind.TYPING
        if indent == 0:
            break
    return ImportKind.DEFERRED if deferred else ImportKind.IMPORT_TIME


def _opens_block(keyword: str, stripped: str) -> bool:
    # A `def`/`class` header may span lines; other headers we rely on end with a colon.
    return (
        keyword.endswith("def")
        or keyword == "class"
        or stripped.split("#", maxsplit=1)[0].rstrip().endswith(":")
    )


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip())


def top_level_definitions(text: str, *, mask: LineMask) -> list[TopLevelDefinition]:
    """Top-level functions and classes with their extent (decorators and trailing blanks out)."""
    lines = text.split("\n")
    starts = [
        number
        for number, line in enumerate(lines, 1)
        if line[:1] not in _NOT_CODE_START and number not in mask
    ]
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


_NOT_CODE_START = frozenset({"", " ", "\t", "#", ")", "]", "}"})
_ALLOWED_NAMES = frozenset({"__all__", "__getattr__", "__dir__"})


def reexport_sources(text: str) -> tuple[str, ...] | None:
    """The modules a re-export shim takes its names from, or None when it is not a shim.

    A shim's body holds only imports, a docstring, `__all__`, and `warnings.warn(...)` calls;
    it has at least one `from ... import`, defines nothing of its own, and says that it
    re-exports: with `__all__`, a `warn(...)` call, or the explicit `import name as name` form.
    """
    if _DEFINITION.search(text):
        return None
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return None
    sources: list[str] = []
    explicit = False
    for node in tree.body:
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
