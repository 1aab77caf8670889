"""Fast facts from a module's source text, without building a syntax tree.

Parsing every file with `ast` costs seconds on large code bases (SymPy: ~4.5 s), so the
analyzer reads structure from indentation instead. Multi-line strings are masked first, so a
docstring line at column 0 is never taken for code.
"""

from __future__ import annotations

import ast
import bisect
import functools
import itertools
import re
from collections.abc import Iterable, Sequence

from analyzer.adapters.headers import header_kind, logical_line, type_checking_aliases
from analyzer.model import ImportKind

__all__ = [
    "LineMask",
    "TopLevelDefinition",
    "classify_import_lines",
    "classify_indented",
    "indented_imports",
    "masked_lines",
    "reexport_sources",
    "string_spans",
    "top_level_definitions",
]

TopLevelDefinition = tuple[str, str, int, int]
"""(name, "function" | "class", first line, number of lines)."""

# What may follow `from` or `import` in a statement.
_AFTER_KEYWORD = frozenset(" \t(\\.")
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
    """Lines (1-based) that continue a triple-quoted string, so are not code."""
    spans: list[tuple[int, int]] = []
    line, counted = 1, 0
    for start, end in string_spans(text):
        line += text.count("\n", counted, start)
        counted = start
        spans.append((line + 1, line + text.count("\n", start, end)))
    return LineMask(spans)


def string_spans(text: str) -> list[tuple[int, int]]:
    """Offsets (opening quote, closing quote) of the triple-quoted strings that span lines.

    Triple quotes inside ordinary strings or comments are not told apart: rare enough that
    the speed is worth it (a full tokenizer costs ~4x as much). Strings are found with
    `str.find`, delimiter to delimiter, much faster than a regular expression stepping
    through every character of every docstring.
    """
    spans: list[tuple[int, int]] = []
    find = text.find
    double, single = find(_DOUBLE), find(_SINGLE)
    while double >= 0 or single >= 0:
        if single < 0 or 0 <= double < single:
            start, quote = double, _DOUBLE
        else:
            start, quote = single, _SINGLE
        end = find(quote, start + 3)
        while end > 0 and _escaped(text, end):
            end = find(quote, end + 1)
        if end < 0:  # never closed: not a string (a real one would be a syntax error)
            after = start + 3
        else:
            if find("\n", start, end) >= 0:
                spans.append((start, end))
            after = end + 3
        if 0 <= double < after:
            double = find(_DOUBLE, after)
        if 0 <= single < after:
            single = find(_SINGLE, after)
    return spans


_DOUBLE, _SINGLE = '"' * 3, "'" * 3


def _escaped(text: str, position: int) -> bool:
    """Whether the character at `position` follows an odd number of backslashes."""
    backslashes = 0
    while position > backslashes and text[position - backslashes - 1] == "\\":
        backslashes += 1
    return backslashes % 2 == 1


_ImportLine = tuple[int, int, int]
"""(line, indentation, offset of the line) of a statement that starts on that line."""


def indented_imports(text: str) -> list[_ImportLine]:
    """Indented lines that start with `import` or `from`: the only import statements whose
    kind needs a look at the blocks around them (one at column 0 runs at import time).

    Found from each `import` with `str.find` (~3x faster than a regular expression trying
    every line): a `from` line counts when `import` follows on the same line, so a statement
    continued with a backslash before its `import` is left to `classify_import_lines`.
    """
    found: list[_ImportLine] = []
    find, rfind = text.find, text.rfind
    line, counted = 1, 0
    at = find("import")
    while at >= 0:
        start = rfind("\n", 0, at) + 1
        head = text[start:at]
        word = head.lstrip(" \t")
        if word:
            statement = word[:4] == "from" and word[4:5] in _AFTER_KEYWORD and word != head
        else:
            statement = head != "" and text[at + 6 : at + 7] in _AFTER_KEYWORD
        if statement:
            line += text.count("\n", counted, start)
            counted = start
            found.append((line, len(head) - len(word), start))
        end = find("\n", at)
        at = find("import", end) if end >= 0 else -1
    return found


def classify_import_lines(text: str, lines: Iterable[int]) -> dict[int, ImportKind]:
    """The kind of the import statement on each given line.

    Module-level statements, class bodies and module-level `if`/`try` run at import time;
    anything inside a `def` or under `if __name__ == "__main__":` is deferred; anything under
    `if TYPE_CHECKING:` (not its `else`) is typing-only. A statement may share its line with
    the header of its block (`if TYPE_CHECKING: import x`, `def f(): import x`).
    """
    source = text.split("\n")
    offsets = list(itertools.accumulate((len(line) + 1 for line in source), initial=0))
    kinds: dict[int, ImportKind] = {}
    indented: list[_ImportLine] = []
    own: dict[int, ImportKind] = {}
    aliases = type_checking_aliases(text)
    for line in lines:
        if not 1 <= line <= len(source):
            kinds[line] = ImportKind.IMPORT_TIME
            continue
        code = source[line - 1]
        header = header_kind(code.lstrip(), aliases)
        if header is not None:
            own[line] = header
        if code[:1].isspace():
            indented.append((line, _indent(code), offsets[line - 1]))
        else:
            kinds[line] = ImportKind.IMPORT_TIME
    kinds.update(classify_indented(text, indented))
    for line, header in own.items():
        kinds[line] = min(kinds[line], header, key=_strength)
    return kinds


def _strength(kind: ImportKind) -> int:
    return kind.strength


def classify_indented(text: str, imports: Sequence[_ImportLine]) -> dict[int, ImportKind]:
    """The kind of each indented import statement, from the block headers above it.

    Only lines that may open an enclosing block are collected: less indented than the
    deepest import, before the last one, starting with a block keyword, and outside strings.
    Whether such a line really opens a block is checked only when an import reaches it.
    """
    if not imports:
        return {}
    deepest = max(indent for _, indent, _ in imports)
    last = max(offset for _, _, offset in imports)
    spans = string_spans(text)
    headers: list[_Header] = []
    inside = 0
    # Matches start at the newline before a line: "\n" + text gives the first line one too,
    # and each match's start in it is the offset of its line in `text`.
    for match in _header_pattern(deepest).finditer("\n" + text, 0, last + 1):
        offset = match.start()
        while inside < len(spans) and spans[inside][1] < offset:
            inside += 1
        if inside < len(spans) and spans[inside][0] < offset:
            continue
        headers.append((offset, len(match.group(1)), match.group(2)))
    starts = [header[0] for header in headers]
    aliases = type_checking_aliases(text)
    return {
        line: _enclosing_kind(text, headers, bisect.bisect_left(starts, offset), indent, aliases)
        for line, indent, offset in imports
    }


_Header = tuple[int, int, str]
"""(offset, indentation, keyword) of a line that may open a block."""


@functools.cache
def _header_pattern(deepest: int) -> re.Pattern[str]:
    # It starts at the newline before a line, not at `^`: a literal first character lets the
    # regex engine skip ahead quickly instead of trying every position (~2.5x faster).
    return re.compile(
        rf"\n([ \t]{{0,{deepest - 1}}})(async[ \t]+def|def|class|if|elif|else|try|except"
        r"|finally|with|for|while)\b"
    )


def _enclosing_kind(
    text: str, headers: Sequence[_Header], above: int, indent: int, aliases: frozenset[str]
) -> ImportKind:
    """Walk the headers above an import (`headers[:above]`), innermost first, to the module
    level; a header continued on the next lines is read whole."""
    deferred = False
    skip_to_if_at: int | None = None
    for index in range(above - 1, -1, -1):
        offset, current, keyword = headers[index]
        if skip_to_if_at is not None:
            if current == skip_to_if_at and keyword in _BRANCH_OWNERS:
                skip_to_if_at = None
                indent = current
            continue
        if current >= indent:
            continue
        line = logical_line(text, offset)
        if not _opens_block(keyword, line):
            continue
        indent = current
        header = header_kind(line[current:], aliases)
        if header is ImportKind.TYPING:
            return header
        deferred |= header is ImportKind.DEFERRED
        if keyword in _BRANCHES:  # the `if` or `try` it belongs to does not enclose the import
            skip_to_if_at = current
        if indent == 0:
            break
    return ImportKind.DEFERRED if deferred else ImportKind.IMPORT_TIME


_BRANCHES = frozenset({"elif", "else", "except", "finally"})
_BRANCH_OWNERS = frozenset({"if", "try", "for", "while"})


def _opens_block(keyword: str, line: str) -> bool:
    # A `def`/`class` header may span lines; other headers we rely on end with a colon.
    return (
        keyword.endswith("def")
        or keyword == "class"
        or line.split("#", maxsplit=1)[0].rstrip().endswith(":")
    )


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip())


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
