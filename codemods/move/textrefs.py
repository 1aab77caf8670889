"""Mentions of OLD in files that are not Python: listed, and rewritten only when asked."""

from __future__ import annotations

import re
from pathlib import Path

from codemods.engine.changes import TextHit
from codemods.engine.layout import walk_sources
from codemods.engine.names import Rename

__all__ = ["TextHit", "find_text_hits", "rewrite_text"]

_TEXT_SUFFIXES = frozenset(
    {".toml", ".cfg", ".ini", ".txt", ".md", ".rst", ".yaml", ".yml", ".json"}
)


def _pattern(rename: Rename) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w.]){re.escape(rename.old)}(?![\w])")


def _text_files(root: Path) -> list[Path]:
    return walk_sources(root, tuple(sorted(_TEXT_SUFFIXES)))


def find_text_hits(root: Path, rename: Rename) -> list[TextHit]:
    """Every line of a text file under `root` that names OLD as a dotted path."""
    pattern = _pattern(rename)
    hits: list[TextHit] = []
    for path in _text_files(root):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if rename.old not in text:
            continue
        for number, line in enumerate(text.splitlines(), start=1):
            if pattern.search(line):
                hits.append(TextHit(path, number, line.strip()))
    return hits


def rewrite_text(text: str, rename: Rename) -> str:
    """`text` with every dotted-path mention of OLD renamed."""
    return _pattern(rename).sub(rename.new, text)
