"""The kind a block header gives the statements in its block, read as Python reads it.

`if TYPE_CHECKING:` is typing-only in every spelling Python accepts: in parentheses, continued
with a backslash, through an alias (`from typing import TYPE_CHECKING as TC`, `if TC:`), or as
one operand of an `and` (`if typing.TYPE_CHECKING and X:` is false whenever TYPE_CHECKING is).
The common spellings are matched by a regular expression; the rare ones, which mention the
name in some other way, are parsed with `ast`, one header line at a time.
"""

from __future__ import annotations

import ast
import re

from analyzer.model import ImportKind

__all__ = ["header_kind", "logical_line", "type_checking_aliases"]

_TYPE_CHECKING = re.compile(r"(?:el)?if\s+(?:[A-Za-z_]\w*\.)*TYPE_CHECKING\s*:")
# `if __name__ == "__main__":` runs only when the module is run as a script, never on import.
_MAIN_GUARD = re.compile(
    r"""(?:el)?if\s+(?:__name__\s*==\s*(["'])__main__\1|(["'])__main__\2\s*==\s*__name__)\s*:"""
)
_FUNCTION = re.compile(r"(?:async\s+)?def\b")
_ALIAS = re.compile(r"\bTYPE_CHECKING\s+as\s+([A-Za-z_]\w*)")
_NAME = "TYPE_CHECKING"


def type_checking_aliases(text: str) -> frozenset[str]:
    """The names `TYPE_CHECKING` is imported under in `text` (`... import TYPE_CHECKING as TC`)."""
    if "TYPE_CHECKING" not in text or (  # most files: one pass over the text
        "TYPE_CHECKING as" not in text and "TYPE_CHECKING  as" not in text
    ):
        return frozenset()
    return frozenset(_ALIAS.findall(text))


def header_kind(code: str, aliases: frozenset[str] = frozenset()) -> ImportKind | None:
    """The kind a block header at the start of `code` gives the statements in its block."""
    if _TYPE_CHECKING.match(code):
        return ImportKind.TYPING
    if _FUNCTION.match(code) or _MAIN_GUARD.match(code):
        return ImportKind.DEFERRED
    if code.startswith(("if", "elif")) and (
        _NAME in code or any(alias in code for alias in aliases)
    ):
        test = _if_test(code)
        if test is not None and _only_when_type_checking(test, aliases):
            return ImportKind.TYPING
    return None


def logical_line(text: str, offset: int) -> str:
    """The line at `offset` with the lines it continues into (a trailing backslash, or an
    unclosed bracket), joined by spaces."""
    end = text.find("\n", offset)
    line = text[offset:] if end < 0 else text[offset:end]
    while end >= 0 and _continues(line):
        following = text.find("\n", end + 1)
        more = text[end + 1 :] if following < 0 else text[end + 1 : following]
        line = line.rstrip().removesuffix("\\") + " " + more.strip()
        end = following
    return line


def _continues(line: str) -> bool:
    code = line.split("#", maxsplit=1)[0].rstrip()
    if code.endswith("\\"):
        return True
    return not code.endswith(":") and code.count("(") > code.count(")")


def _if_test(code: str) -> ast.expr | None:
    """The condition of the `if`/`elif` header that `code` starts with, or None."""
    header = code[2:] if code.startswith("elif") else code
    colon = header.find(":")
    while colon >= 0:
        try:
            tree = ast.parse(header[: colon + 1] + " pass")
        except SyntaxError:
            colon = header.find(":", colon + 1)
            continue
        node = tree.body[0] if tree.body else None
        return node.test if isinstance(node, ast.If) else None
    return None


def _only_when_type_checking(test: ast.expr, aliases: frozenset[str]) -> bool:
    if isinstance(test, ast.Name):
        return test.id == _NAME or test.id in aliases
    if isinstance(test, ast.Attribute):
        return test.attr == _NAME
    if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And):
        return any(_only_when_type_checking(value, aliases) for value in test.values)
    return False
