"""The kind of each import statement (import-time, deferred, typing), read from the block
headers above it in the source text, without building a syntax tree.

Only indented statements need a look: one at column 0 runs at import time. The block headers
that may enclose them are found with one regular expression per file, outside multi-line
strings, and read whole (continued headers included) only when a statement reaches them.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterable, Sequence

from analyzer.adapters.headers import header_kind, logical_line, type_checking_aliases
from analyzer.adapters.strings import string_spans
from analyzer.model import ImportKind

__all__ = ["classify_import_lines", "classify_indented", "indented_imports"]

# What may follow `from` or `import` in a statement.
_AFTER_KEYWORD = frozenset(" \t(\\.")

_FROM = re.compile(r"[ \t]*from[ \t]+(\.*[\w.]*)[ \t(\\]*import\b")

_ImportLine = tuple[int, int, int]
"""(line, indentation, offset of the line) of a statement that starts on that line."""


def indented_imports(text: str, *, froms: list[tuple[int, str]] | None = None) -> list[_ImportLine]:
    """Indented lines that start with `import` or `from`: the only import statements whose
    kind needs a look at the blocks around them (one at column 0 runs at import time).

    Found from each `import` with `str.find` (~3x faster than a regular expression trying
    every line): a `from` line counts when `import` follows on the same line, so a statement
    continued with a backslash before its `import` is left to `classify_import_lines`. With
    `froms`, the same pass also lists (offset of the line, module named) of every `from ...
    import` statement, at any indentation.
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
            statement = word[:4] == "from" and word[4:5] in _AFTER_KEYWORD
            if statement and froms is not None:
                if head[-1] in " \t" and text[at + 6 : at + 7] in _AFTER_KEYWORD:
                    froms.append((start, word[4:].strip()))  # `import` is the keyword
                elif (named := _FROM.match(text, start)) is not None:
                    froms.append((start, named.group(1)))  # `from x.importer import y`
            statement = statement and word != head
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
