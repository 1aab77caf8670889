"""Diffs and summaries: git-style headers, byte-stable JSON data, short text lines."""

from __future__ import annotations

import json
from pathlib import Path

from codemods.engine.summary import SCHEMA_VERSION, FileDiff, Summary, unified_diff

ROOT = Path("/repo")


def test_diff_headers_for_renamed_created_and_deleted_files() -> None:
    diff = unified_diff(
        [
            FileDiff(ROOT / "b/gone.py", None, "x = 1\n", ""),
            FileDiff(ROOT / "a/old.py", ROOT / "a/new.py", "import a\n", "import b\n"),
            FileDiff(None, ROOT / "a/__init__.py", "", ""),
        ],
        ROOT,
    )
    assert diff == (
        "diff --git a/a/__init__.py b/a/__init__.py\nnew file mode 100644\n"
        "diff --git a/a/old.py b/a/new.py\nrename from a/old.py\nrename to a/new.py\n"
        "--- a/a/old.py\n+++ b/a/new.py\n@@ -1 +1 @@\n-import a\n+import b\n"
        "diff --git a/b/gone.py b/b/gone.py\ndeleted file mode 100644\n"
        "--- a/b/gone.py\n+++ /dev/null\n@@ -1 +0,0 @@\n-x = 1\n"
    )


def test_summary_data_is_sorted_and_versioned() -> None:
    summary = Summary(
        command="move a b",
        applied=False,
        files_moved=(("z.py", "y.py"), ("a.py", "b.py")),
        strings_for_review=(("m.py", 9, "x"), ("m.py", 2, "y")),
        new_cycles=(("p.b", "p.c"), ("p.a", "p.b")),
        removed_cycles=(("q.b", "q.c"), ("q.a", "q.b")),
    )
    data = summary.as_dict()
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["files_moved"] == [["a.py", "b.py"], ["z.py", "y.py"]]
    assert data["strings_for_review"] == [["m.py", 2, "y"], ["m.py", 9, "x"]]
    assert data["new_cycles"] == [["p.a", "p.b"], ["p.b", "p.c"]]
    assert data["removed_cycles"] == [["q.a", "q.b"], ["q.b", "q.c"]]
    assert json.dumps(data, sort_keys=True) == json.dumps(summary.as_dict(), sort_keys=True)
    assert "warning: new import cycle: p.a <-> p.b" in summary.lines()
    assert "import cycle broken: q.a <-> q.b" in summary.lines()


def test_a_no_op_says_only_why() -> None:
    summary = Summary(command="move a b", applied=False, message="Nothing to do: 'a' is at 'b'.")
    assert summary.lines() == ["Nothing to do: 'a' is at 'b'."]
