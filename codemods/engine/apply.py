"""Write a change set all or nothing: stage every file, then replace them under a journal.

The journal is written only once every new file is staged next to the tree; from then on the
apply can always be completed, so a run that finds a journal (after a crash or a SIGKILL)
completes it before doing anything else. A run killed before the journal existed left the tree
untouched, and its staging directory is discarded.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from codemods.engine.errors import CodemodError
from codemods.engine.git import GitWorkTree

__all__ = ["ChangeSet", "FileMove", "apply_changes", "recover_interrupted", "recovered_first"]

STATE_DIR = Path(".unknot_cache") / "apply"
JOURNAL = "journal.json"
# Test hook: stop (and wait to be killed) after this many file operations (0: once the journal
# is written, before the first).
PAUSE_AFTER_ENV = "UNKNOT_APPLY_PAUSE_AFTER"
PAUSE_FILE_ENV = "UNKNOT_APPLY_PAUSE_FILE"


@dataclass(frozen=True)
class FileMove:
    source: Path
    target: Path


@dataclass(frozen=True)
class ChangeSet:
    """Everything one codemod run writes, as absolute paths: moves first, then writes, deletes."""

    root: Path
    moves: tuple[FileMove, ...] = ()
    writes: tuple[tuple[Path, str], ...] = ()
    deletes: tuple[Path, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.moves or self.writes or self.deletes)


def _fsync_write(path: Path, data: bytes) -> None:
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def apply_changes(changes: ChangeSet) -> None:
    """Stage every write, commit the journal, then move, replace and delete."""
    git = GitWorkTree.find(changes.root)
    if git is not None:
        git.check_unlocked()
    state = changes.root / STATE_DIR
    if state.exists():
        shutil.rmtree(state)
    staged = state / "staged"
    staged.mkdir(parents=True)
    writes = []
    for index, (path, text) in enumerate(changes.writes):
        _fsync_write(staged / str(index), text.encode("utf-8"))
        writes.append([str(path), str(staged / str(index))])
    journal: dict[str, Any] = {
        "version": 1,
        "moves": [[str(m.source), str(m.target)] for m in changes.moves],
        "writes": writes,
        "created": [str(p) for p in _created(changes)],
        "deletes": [str(p) for p in changes.deletes],
    }
    _fsync_write(state / (JOURNAL + ".tmp"), json.dumps(journal, indent=1).encode())
    os.replace(state / (JOURNAL + ".tmp"), state / JOURNAL)
    _perform(changes.root, journal, pause_after=_pause_after())
    _discard(state)


def _created(changes: ChangeSet) -> list[Path]:
    """The files the change set creates (a shim written where a module moved away included):
    git must be told of them, even by a run that completes an interrupted one."""
    sources = {m.source for m in changes.moves}
    targets = {m.target for m in changes.moves}
    return [
        path
        for path, _ in changes.writes
        if (path in sources or not path.exists()) and path not in targets
    ]


def recover_interrupted(root: Path) -> str | None:
    """Complete an apply that was interrupted under `root`; say what was done, if anything."""
    state = root / STATE_DIR
    journal_path = state / JOURNAL
    if not journal_path.is_file():
        if state.exists():
            shutil.rmtree(state)  # killed while staging: the tree was never touched
        return None
    git = GitWorkTree.find(root)
    if git is not None:
        git.check_unlocked()
    journal = json.loads(journal_path.read_text(encoding="utf-8"))
    _perform(root, journal, pause_after=None)
    _discard(state)
    count = len(journal["moves"]) + len(journal["writes"]) + len(journal["deletes"])
    return f"Completed an interrupted apply ({count} file operations) from its journal."


@contextlib.contextmanager
def recovered_first(root: Path) -> Iterator[tuple[str, ...]]:
    """Complete an interrupted apply under `root` first and give its note, if any; an error
    raised inside then says that this much was written before it."""
    recovered = recover_interrupted(root)
    try:
        yield (recovered,) if recovered else ()
    except CodemodError as exc:
        if recovered:
            exc.after_recovery(recovered)
        raise


def _prune_empty(directory: Path, *, stop: Path) -> None:
    """Remove directories a move emptied (left with nothing but `__pycache__`)."""
    while directory != stop and directory.is_dir():
        entries = [e for e in directory.iterdir() if e.name != "__pycache__"]
        if entries:
            return
        shutil.rmtree(directory)
        directory = directory.parent


def _discard(state: Path) -> None:
    shutil.rmtree(state)
    with contextlib.suppress(OSError):
        state.parent.rmdir()  # `.unknot_cache`, when nothing else of ours is in it


def _pause_after() -> int | None:
    value = os.environ.get(PAUSE_AFTER_ENV)
    return int(value) if value else None


def _pause(done: int) -> None:
    marker = os.environ.get(PAUSE_FILE_ENV)
    if marker:
        Path(marker).write_text(str(done))
    time.sleep(3600)


def _perform(root: Path, journal: dict[str, Any], *, pause_after: int | None) -> None:
    git = GitWorkTree.find(root)
    done = 0

    def step() -> None:
        nonlocal done
        done += 1
        if pause_after is not None and done == pause_after:
            _pause(done)

    if pause_after == 0:
        _pause(0)

    for source_name, target_name in journal["moves"]:
        source, target = Path(source_name), Path(target_name)
        if source.exists() and not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            if git is None or not git.move(source, target):
                os.replace(source, target)
            step()
    for source_name, _ in journal["moves"]:
        _prune_empty(Path(source_name).parent, stop=root)
    for path_name, staged_name in journal["writes"]:
        path, staged = Path(path_name), Path(staged_name)
        if staged.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            if path.exists():
                shutil.copymode(path, staged)
            os.replace(staged, path)
            step()
    if git is not None:
        # Every file the change creates, those a killed run wrote before it could add them too.
        git.add([Path(p) for p in journal.get("created", ()) if Path(p).exists()])
    for path_name in journal["deletes"]:
        path = Path(path_name)
        if path.exists():
            if git is None or not git.remove(path):
                path.unlink()
            step()
