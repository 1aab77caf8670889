"""Multi-line strings in source text, found without a tokenizer: where they are, and which
lines they cover (such lines are not code, even when they start at column 0)."""

from __future__ import annotations

import bisect

__all__ = ["LineMask", "masked_lines", "string_spans"]


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
