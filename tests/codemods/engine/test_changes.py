"""Review items carry the lines of the file as written."""

from __future__ import annotations

from codemods.engine.changes import StringHit, lines_as_written


def test_review_lines_follow_the_rewrite_into_the_file_as_written() -> None:
    old = "a\nb\nc\nd\n"
    new = "a\nb1\nb2\nc\nd\n"  # line 2 rewritten into two lines
    hits = (StringHit(1, "a"), StringHit(2, "b"), StringHit(3, "c"), StringHit(0, "?"))
    assert [h.line for h in lines_as_written(hits, old, new)] == [1, 2, 4, 0]
    assert lines_as_written(hits, old, old) is hits
