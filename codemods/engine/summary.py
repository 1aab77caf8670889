"""What a codemod run did, as data: per-file unified diffs and a summary with sorted figures."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["SCHEMA_VERSION", "FileDiff", "Summary", "unified_diff"]

SCHEMA_VERSION = 1


def _rel(path: Path | None, root: Path) -> str:
    if path is None:
        return "/dev/null"
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


@dataclass(frozen=True)
class FileDiff:
    old_path: Path | None
    new_path: Path | None
    old_text: str
    new_text: str


def unified_diff(diffs: Sequence[FileDiff], root: Path) -> str:
    """A git-style unified diff of every file, renames included."""
    chunks: list[str] = []
    for diff in sorted(diffs, key=lambda d: _rel(d.new_path or d.old_path, root)):
        old, new = _rel(diff.old_path, root), _rel(diff.new_path, root)
        # git's own header, so `git apply` takes the diff, renames and new files included.
        left = new if diff.old_path is None else old
        right = old if diff.new_path is None else new
        header = f"diff --git a/{left} b/{right}\n"
        if diff.old_path and diff.new_path and diff.old_path != diff.new_path:
            header += f"rename from {old}\nrename to {new}\n"
        if diff.old_path is None:
            header += "new file mode 100644\n"
        if diff.new_path is None:
            header += "deleted file mode 100644\n"
        body = difflib.unified_diff(
            diff.old_text.splitlines(keepends=True),
            diff.new_text.splitlines(keepends=True),
            fromfile="/dev/null" if diff.old_path is None else f"a/{old}",
            tofile="/dev/null" if diff.new_path is None else f"b/{new}",
        )
        text = "".join(line if line.endswith("\n") else line + "\n" for line in body)
        chunks.append(header + text)
    return "".join(chunks)


@dataclass(frozen=True)
class Summary:
    """The figures of one run; `as_dict` is byte-stable (sorted keys and lists)."""

    command: str
    applied: bool
    message: str = ""
    files_scanned: int = 0
    files_parsed: int = 0
    files_changed: int = 0
    imports_rewritten: int = 0
    strings_rewritten: int = 0
    files_moved: tuple[tuple[str, str], ...] = ()
    tests_moved: tuple[tuple[str, str], ...] = ()
    files_created: tuple[str, ...] = ()
    files_deleted: tuple[str, ...] = ()
    strings_for_review: tuple[tuple[str, int, str], ...] = ()
    text_mentions: tuple[tuple[str, int, str], ...] = ()
    new_cycles: tuple[tuple[str, ...], ...] = ()
    removed_cycles: tuple[tuple[str, ...], ...] = ()
    new_package_cycles: tuple[tuple[str, ...], ...] = ()
    notes: tuple[str, ...] = field(default=())

    def as_dict(self) -> dict[str, object]:
        return {
            "schema_version": SCHEMA_VERSION,
            "command": self.command,
            "applied": self.applied,
            "message": self.message,
            "files_scanned": self.files_scanned,
            "files_parsed": self.files_parsed,
            "files_changed": self.files_changed,
            "imports_rewritten": self.imports_rewritten,
            "strings_rewritten": self.strings_rewritten,
            "files_moved": [list(m) for m in sorted(self.files_moved)],
            "tests_moved": [list(m) for m in sorted(self.tests_moved)],
            "files_created": sorted(self.files_created),
            "files_deleted": sorted(self.files_deleted),
            "strings_for_review": [list(s) for s in sorted(self.strings_for_review)],
            "text_mentions": [list(s) for s in sorted(self.text_mentions)],
            "new_cycles": [list(c) for c in sorted(self.new_cycles)],
            "removed_cycles": [list(c) for c in sorted(self.removed_cycles)],
            "new_package_cycles": [list(c) for c in sorted(self.new_package_cycles)],
            "notes": list(self.notes),
        }

    def lines(self) -> list[str]:
        """The summary as short lines of text, for the terminal."""
        if self.message and not (self.files_changed or self.files_moved or self.files_deleted):
            return [self.message, *self.notes]
        verb = "Applied" if self.applied else "Dry run (pass --apply to write)"
        out = [f"{verb}: {self.command}"]
        out.append(
            f"files scanned {self.files_scanned}, parsed {self.files_parsed}, "
            f"changed {self.files_changed}; imports rewritten {self.imports_rewritten}, "
            f"strings rewritten {self.strings_rewritten}, strings left for review "
            f"{len(self.strings_for_review)}; files moved {len(self.files_moved)}"
        )
        out += [f"moved {a} -> {b}" for a, b in sorted(self.files_moved)]
        out += [f"moved test {a} -> {b}" for a, b in sorted(self.tests_moved)]
        out += [f"created {p}" for p in sorted(self.files_created)]
        out += [f"deleted {p}" for p in sorted(self.files_deleted)]
        out += [f"review {p}:{n}: {t}" for p, n, t in sorted(self.strings_for_review)]
        out += [
            f"mention (not rewritten; --include-text) {p}:{n}: {t}"
            for p, n, t in sorted(self.text_mentions)
        ]
        out += [f"warning: new import cycle: {' <-> '.join(c)}" for c in sorted(self.new_cycles)]
        out += [
            f"warning: new package cycle: {' <-> '.join(c)}"
            for c in sorted(self.new_package_cycles)
        ]
        out += [f"import cycle broken: {' <-> '.join(c)}" for c in sorted(self.removed_cycles)]
        out += list(self.notes)
        return out
