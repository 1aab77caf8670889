"""A codemod run's result for people and machines: the summary and the unified diff."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from codemods.engine.changes import ChangePlan, FileChange
from codemods.engine.errors import DirtyTree
from codemods.engine.git import GitWorkTree
from codemods.engine.summary import FileDiff, Summary, unified_diff

__all__ = ["Outcome", "check_clean", "outcome_of"]


@dataclass(frozen=True)
class Outcome:
    """A run's summary and its unified diff."""

    summary: Summary
    diff: str


def check_clean(root: Path, *, allow_dirty: bool) -> None:
    """Refuse to write into a git work tree with uncommitted changes, unless allowed."""
    git = GitWorkTree.find(root)
    if git is None or allow_dirty:
        return
    dirty = git.dirty_files(root)
    if dirty:
        shown = ", ".join(dirty[:5]) + (f" and {len(dirty) - 5} more" if len(dirty) > 5 else "")
        raise DirtyTree(
            f"The git work tree has uncommitted changes: {shown}.",
            hint="Commit or stash them first (so the change can be reviewed and undone), "
            "or pass --allow-dirty.",
        )


def _rel(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()


def outcome_of(
    command: str,
    plan: ChangePlan,
    *,
    applied: bool,
    cycles: tuple[tuple[str, ...], ...] = (),
    removed_cycles: tuple[tuple[str, ...], ...] = (),
    package_cycles: tuple[tuple[str, ...], ...] = (),
    notes: tuple[str, ...] = (),
    include_text: bool = False,
) -> Outcome:
    """The summary and diff of `plan`; `cycles` it creates, `removed_cycles` it breaks,
    `package_cycles` between packages it creates."""
    root = plan.root
    edited = [
        c
        for c in plan.changes
        if c.old_path is not None and c.new_path is not None and c.new_text != c.old_text
    ]
    summary = Summary(
        command=command,
        applied=applied,
        message=plan.message,
        files_scanned=plan.scanned,
        files_parsed=plan.parsed,
        files_changed=len(edited),
        imports_rewritten=sum(c.imports_rewritten for c in plan.changes),
        strings_rewritten=sum(c.strings_rewritten for c in plan.changes),
        files_moved=tuple((_rel(m.source, root), _rel(m.target, root)) for m in plan.moves),
        tests_moved=tuple((_rel(m.source, root), _rel(m.target, root)) for m in plan.tests_moved),
        files_created=tuple(
            _rel(c.new_path, root) for c in plan.changes if c.old_path is None and c.new_path
        ),
        files_deleted=tuple(
            _rel(c.old_path, root) for c in plan.changes if c.new_path is None and c.old_path
        ),
        strings_for_review=tuple((_rel(p, root), h.line, h.text) for p, h in plan.review),
        text_mentions=()
        if include_text
        else tuple((_rel(h.path, root), h.line, h.text) for h in plan.text_hits),
        new_cycles=cycles,
        removed_cycles=removed_cycles,
        new_package_cycles=package_cycles,
        notes=notes,
    )
    diffs = [_diff(c) for c in plan.changes if c.old_text != c.new_text or c.old_path != c.new_path]
    return Outcome(summary, unified_diff(diffs, root))


def _diff(change: FileChange) -> FileDiff:
    return FileDiff(change.old_path, change.new_path, change.old_text, change.new_text)
