"""Strings that name OLD: rewritten when they are dotted paths, listed for review otherwise.

A string made of several literals (`"must be an instance of " "pkg.fields.Field"`) is one
string: its parts are never rewritten one by one, and a concatenation that mentions OLD is
listed for review.
"""

from __future__ import annotations

import re

import libcst as cst

from codemods.engine.changes import StringHit
from codemods.engine.names import Rename
from codemods.engine.syntax import line_offset
from codemods.move.docrefs import rewrite_code_mentions
from codemods.move.references import classify_string

__all__ = ["StringRewrites", "in_long_strings"]

_LONG_STRING = re.compile(r"(\"\"\"|\'\'\')(.*?)\1", re.DOTALL)


def in_long_strings(code: str, mention: re.Pattern[str]) -> bool:
    """Does a triple-quoted string of `code` mention OLD (a snippet whose lines start with
    `from` or `import` is still a string to rewrite or list)?"""
    return any(mention.search(m.group(2)) for m in _LONG_STRING.finditer(code))


class StringRewrites(cst.CSTTransformer):
    """The string half of the move codemod (mixed into `MoveModuleCodemod`)."""

    rename: Rename
    source: str | None
    strings_rewritten: int
    review: list[StringHit]
    _concatenated: int = 0

    def visit_ConcatenatedString(self, node: cst.ConcatenatedString) -> None:
        self._concatenated += 1
        value = node.evaluated_value
        if isinstance(value, str) and classify_string(value, self.rename) is not None:
            self._review(cst.Module([]).code_for_node(node))

    def leave_ConcatenatedString(
        self, original_node: cst.ConcatenatedString, updated_node: cst.ConcatenatedString
    ) -> cst.BaseExpression:
        self._concatenated -= 1
        return updated_node

    def leave_SimpleString(
        self, original_node: cst.SimpleString, updated_node: cst.SimpleString
    ) -> cst.SimpleString:
        value = updated_node.evaluated_value
        if not isinstance(value, str) or self._concatenated:
            return updated_node
        new = classify_string(value, self.rename)
        if new is None:
            return updated_node
        prose = False
        if new == "":  # not a dotted path: a docstring may still hold code that names OLD
            new, prose = rewrite_code_mentions(value, self.rename)
            new = "" if new == value else new
        if new == "" or updated_node.raw_value != value:
            self._review(updated_node.value)
            return updated_node
        if prose:  # rewritten where it is code; the prose that mentions OLD is listed
            self._review(updated_node.value)
        self.strings_rewritten += 1
        quote = updated_node.quote
        return updated_node.with_changes(value=f"{updated_node.prefix}{quote}{new}{quote}")

    def visit_FormattedString(self, node: cst.FormattedString) -> None:
        if self._concatenated:
            return
        text = cst.Module([]).code_for_node(node)
        if classify_string(text, self.rename) is not None:
            self._review(text)

    def _review(self, literal: str) -> None:
        """Note a string for review; its line is found in the source text."""
        source = self.source or ""
        start = self.review[-1].line if self.review else 0
        offset = line_offset(source, start)
        # the first line only: a literal's later lines, printed apart from the file, lose the
        # indentation of a parenthesised continuation
        found = source.find(literal.partition("\n")[0], offset)
        line = source.count("\n", 0, found) + 1 if found >= 0 else 0
        text = literal if len(literal) < 120 else literal[:117] + "..."
        self.review.append(StringHit(line=line, text=text))
