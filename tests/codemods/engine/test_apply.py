"""All-or-nothing writes: staging, the journal, and completing an interrupted apply."""

from __future__ import annotations

import json
from pathlib import Path

from codemods.engine.apply import STATE_DIR, ChangeSet, FileMove, apply_changes, recover_interrupted
from tests.codemods.repos import make_repo, snapshot


def _tree(tmp_path: Path) -> Path:
    return make_repo(
        tmp_path, {"a/old.py": "X = 1\n", "a/user.py": "import a.old\n", "a/gone.py": ""}
    )


def _changes(root: Path) -> ChangeSet:
    return ChangeSet(
        root=root,
        moves=(FileMove(root / "a/old.py", root / "b/new.py"),),
        writes=((root / "a/user.py", "import b.new\n"), (root / "b/__init__.py", "")),
        deletes=(root / "a/gone.py",),
    )


def test_apply_moves_writes_deletes_and_cleans_up(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    apply_changes(_changes(root))
    assert snapshot(root) == {
        "a/user.py": b"import b.new\n",
        "b/__init__.py": b"",
        "b/new.py": b"X = 1\n",
    }
    assert recover_interrupted(root) is None


def test_an_interrupted_apply_is_completed_from_its_journal(tmp_path: Path) -> None:
    expected_root = _tree(tmp_path / "expected")
    apply_changes(_changes(expected_root))
    root = _tree(tmp_path / "interrupted")
    # Stage and journal as apply does, then stop after the move: the state a SIGKILL leaves.
    state = root / STATE_DIR
    (state / "staged").mkdir(parents=True)
    (state / "staged" / "0").write_text("import b.new\n")
    (state / "staged" / "1").write_text("")
    journal = {
        "version": 1,
        "moves": [[str(root / "a/old.py"), str(root / "b/new.py")]],
        "writes": [
            [str(root / "a/user.py"), str(state / "staged" / "0")],
            [str(root / "b/__init__.py"), str(state / "staged" / "1")],
        ],
        "deletes": [str(root / "a/gone.py")],
    }
    (state / "journal.json").write_text(json.dumps(journal))
    (root / "b").mkdir()
    (root / "a/old.py").rename(root / "b/new.py")
    message = recover_interrupted(root)
    assert message is not None
    assert "Completed an interrupted apply" in message
    assert snapshot(root) == snapshot(expected_root)


def test_a_run_killed_while_staging_left_the_tree_untouched(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    before = snapshot(root)
    (root / STATE_DIR / "staged").mkdir(parents=True)
    (root / STATE_DIR / "staged" / "0").write_text("half")
    assert recover_interrupted(root) is None
    assert snapshot(root) == before
