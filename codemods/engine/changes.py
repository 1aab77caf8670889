"""What a codemod would change, as data: file changes, review items, the check before a write."""

from __future__ import annotations

import difflib
import stat
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from codemods.engine.apply import ChangeSet, FileMove
from codemods.engine.errors import ReadOnlyFiles

__all__ = [
    "ChangePlan",
    "FileChange",
    "StringHit",
    "TextHit",
    "check_writable",
    "lines_as_written",
]


@dataclass(frozen=True)
class StringHit:
    """A string literal that mentions a changed name but is not a plain dotted path: listed."""

    line: int
    text: str


def lines_as_written(
    hits: tuple[StringHit, ...], old_text: str, new_text: str
) -> tuple[StringHit, ...]:
    """`hits` (lines of `old_text`) with the lines they have in `new_text`, the file as written:
    a line the rewrite kept is where it went, a rewritten one where its rewrite starts."""
    if not hits or old_text == new_text:
        return hits
    blocks = difflib.SequenceMatcher(
        None, old_text.splitlines(), new_text.splitlines(), autojunk=False
    ).get_opcodes()

    def moved(line: int) -> int:
        for tag, i1, i2, j1, j2 in blocks:
            if i1 <= line - 1 < i2:
                offset = line - 1 - i1 if tag == "equal" else min(line - 1 - i1, j2 - j1 - 1)
                return j1 + max(offset, 0) + 1
        return line

    return tuple(replace(hit, line=moved(hit.line)) if hit.line else hit for hit in hits)


@dataclass(frozen=True)
class TextHit:
    """A line of a file that is not Python (docs, configs) naming a changed dotted path."""

    path: Path
    line: int
    text: str


@dataclass(frozen=True)
class FileChange:
    """One file's change: `old_path` None when created, `new_path` None when deleted."""

    old_path: Path | None
    new_path: Path | None
    old_text: str
    new_text: str
    imports_rewritten: int = 0
    strings_rewritten: int = 0


@dataclass(frozen=True, kw_only=True)
class ChangePlan:
    """What a codemod would do; `changes` is empty (and `message` says why) for a no-op."""

    root: Path
    changes: tuple[FileChange, ...] = ()
    moves: tuple[FileMove, ...] = ()
    tests_moved: tuple[FileMove, ...] = ()
    review: tuple[tuple[Path, StringHit], ...] = ()
    text_hits: tuple[TextHit, ...] = ()
    scanned: int = 0
    parsed: int = 0
    message: str = ""

    def change_set(self) -> ChangeSet:
        """Every write, move and deletion of the plan, for `apply_changes`."""
        writes = tuple(
            (c.new_path, c.new_text)
            for c in self.changes
            if c.new_path is not None and (c.old_path is None or c.new_text != c.old_text)
        )
        deletes = tuple(
            c.old_path for c in self.changes if c.new_path is None and c.old_path is not None
        )
        return ChangeSet(
            root=self.root, moves=self.moves + self.tests_moved, writes=writes, deletes=deletes
        )


def check_writable(paths: Iterable[Path], root: Path) -> None:
    """Raise `ReadOnlyFiles` when any of `paths` cannot be written."""
    locked = sorted(str(p.relative_to(root)) for p in paths if not p.stat().st_mode & stat.S_IWUSR)
    if locked:
        raise ReadOnlyFiles(
            f"Read-only file(s) would need changing: {', '.join(locked)}.",
            hint="Make them writable (chmod u+w) and run again; nothing was written.",
        )
